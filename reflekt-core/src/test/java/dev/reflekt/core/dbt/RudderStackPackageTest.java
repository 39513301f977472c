package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package for RudderStack's tables, per dialect, compared with golden files ({@code expected/dbt-rudderstack};
 * regenerate with {@code -Dreflekt.golden.update=true} and review the diff); dbt's JSON schemas accept its YAML.
 */
class RudderStackPackageTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected/dbt-rudderstack");

    @TempDir
    Path dir;

    private BuildResult build(String dbtConfig, String dialect) throws Exception {
        ReflektProject project = RudderStackFixture.write(TestProject.create(dir.resolve(dialect)), dbtConfig)
                .load();
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "rudder"),
                        "rudderstack",
                        Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "redshift", "bigquery", "postgres", "duckdb", "databricks"})
    void packageMatchesTheGoldenFiles(String dialect) throws Exception {
        DbtPackageTest.assertMatchesGolden(build("", dialect), EXPECTED.resolve(dialect));
    }

    @Test
    void tablesAreNamedAsRudderStackNamesThem() throws Exception {
        BuildResult result = build("", "postgres");
        assertThat(result.files())
                .contains(
                        "models/rudder/stg_rudder___pages.sql",
                        "models/rudder/stg_rudder___3d_model_viewed.sql",
                        "models/rudder/stg_rudder__checkout_v3_started.sql",
                        "models/rudder/stg_rudder__pages.sql",
                        "models/rudder/stg_rudder__identifies.sql",
                        "models/rudder/stg_rudder__users.sql",
                        "models/rudder/stg_rudder__tracks.sql");
        String checkout =
                Files.readString(result.packageDir().resolve("models/rudder/stg_rudder__checkout_v3_started.sql"));
        assertThat(checkout)
                .contains("{{ source('rudder', 'checkout_v3_started') }}", "address_zip_code", "cart_value")
                .contains("cast(channel as text) as channel")
                .doesNotContain("_channel");
        String sources = Files.readString(result.packageDir().resolve("models/rudder/__src_rudder.yml"));
        assertThat(sources).contains("raw RudderStack event data", "name: _pages", "name: _3d_model_viewed");
    }

    @Test
    void theDestinationsUnderscoreDivideNumbersSettingSplitsDigits() throws Exception {
        BuildResult result = build("""
                    rudderstack:
                      underscore_divide_numbers: true
                """, "snowflake");
        assertThat(result.files())
                .contains(
                        "models/rudder/stg_rudder__checkout_v_3_started.sql",
                        "models/rudder/stg_rudder___3_d_model_viewed.sql");
    }

    @Test
    void profilesSyncIsRefusedBecauseRudderStackHasNone() {
        assertThatThrownBy(() -> build("""
                    profiles_sync:
                      schema: profiles
                """, "duckdb"))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("profiles_sync")
                .hasMessageContaining("RudderStack does not load")
                .hasMessageContaining("-Dreflekt.sdk=segment");
    }

    @Test
    void everyYamlFileIsValidForDbt() throws Exception {
        DbtPackageTest.DbtYaml yaml = DbtPackageTest.DbtYaml.load();
        for (Dialect dialect : Dialect.all()) {
            yaml.validate(build("", dialect.name()), dialect.name(), 8);
        }
    }
}
