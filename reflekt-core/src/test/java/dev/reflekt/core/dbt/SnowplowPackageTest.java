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
 * The package for Snowplow data, per dialect, compared with golden files ({@code expected/dbt-snowplow};
 * regenerate with {@code -Dreflekt.golden.update=true} and review the diff); dbt's JSON schemas accept its YAML.
 */
class SnowplowPackageTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected/dbt-snowplow");

    @TempDir
    Path dir;

    private BuildResult build(String dbtConfig, String dialect) throws Exception {
        ReflektProject project = SnowplowFixture.write(TestProject.create(dir.resolve(dialect)), dbtConfig)
                .load();
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "atomic"),
                        "snowplow",
                        Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "redshift", "bigquery", "postgres", "duckdb", "databricks"})
    void packageMatchesTheGoldenFiles(String dialect) throws Exception {
        DbtPackageTest.assertMatchesGolden(build("", dialect), EXPECTED.resolve(dialect));
    }

    @Test
    void oneModelPerMajorOfEachEventAndEntity() throws Exception {
        BuildResult result = build("", "postgres");
        assertThat(result.files())
                .filteredOn(f -> f.endsWith(".sql") && f.startsWith("models/"))
                .containsExactlyInAnyOrder(
                        "models/atomic/reflekt__atomic__event_audit.sql",
                        "models/atomic/stg_atomic__com_example_button_press_1.sql",
                        "models/atomic/stg_atomic__com_example_button_press_2.sql",
                        "models/atomic/stg_atomic__com_example_product_1.sql");
        String v1 = Files.readString(
                result.packageDir().resolve("models/atomic/stg_atomic__com_example_button_press_1.sql"));
        assertThat(v1)
                .contains("{{ source('atomic', 'com_example_button_press_1') }}", "s.\"position.x_coord\"")
                .contains("e.event_version like '1-%'", "'acme/button_press/1-1.json'");
    }

    @Test
    void profilesSyncIsRefused() {
        assertThatThrownBy(() -> build("""
                    profiles_sync:
                      schema: profiles
                """, "duckdb"))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("Snowplow does not load");
    }

    @Test
    void twoSchemasWithOneIgluUriAreAnErrorNamingBoth() throws Exception {
        TestProject p = SnowplowFixture.write(TestProject.create(dir.resolve("twice")), "");
        p.schema("other/button_press/1-1.json", "Button Press", "{}");
        ReflektProject project = p.load();
        assertThatThrownBy(() -> new DbtBuilder(project)
                        .build(
                                project.schemaFiles(),
                                new BuildTarget(Dialect.of("duckdb").orElseThrow(), "duckdb", "raw", "atomic"),
                                "snowplow",
                                Optional.empty()))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("schemas/other/button_press/1-1.json:")
                .hasMessageContaining(
                        "schemas/acme/button_press/1-1.json are both Iglu schema" + " com.example/button_press 1-0-1");
    }

    @Test
    void everyYamlFileIsValidForDbt() throws Exception {
        DbtPackageTest.DbtYaml yaml = DbtPackageTest.DbtYaml.load();
        for (Dialect dialect : Dialect.all()) {
            yaml.validate(build("", dialect.name()), dialect.name(), 5);
        }
    }

    /** A '/' in self.vendor is named as such, at the vendor, not as a version problem. */
    @Test
    void aVendorThatCannotBeAnIgluVendorIsNamed() throws Exception {
        TestProject p = TestProject.create(dir.resolve("vendor"));
        p.write(
                "schemas/acme/Click/1-0.json",
                TestProject.schemaJson("acme/Click/1-0.json", "Click", "1-0", "{}")
                        .replace("\"vendor\": \"com.example\"", "\"vendor\": \"com.example/evil\""));
        ReflektProject project = p.load();
        assertThatThrownBy(() -> new DbtBuilder(project)
                        .build(
                                project.schemaFiles(),
                                new BuildTarget(Dialect.of("duckdb").orElseThrow(), "duckdb", "raw", "atomic"),
                                "snowplow",
                                Optional.empty()))
                .hasMessageContaining("schemas/acme/Click/1-0.json:")
                .hasMessageContaining("self.vendor 'com.example/evil' cannot be an Iglu vendor")
                .hasMessageNotContaining("MAJOR-MINOR");
    }
}
