package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package for Amplitude's export, per dialect, compared with golden files ({@code expected/dbt-amplitude};
 * regenerate with {@code -Dreflekt.golden.update=true} and review the diff); dbt's JSON schemas accept its YAML; the
 * export table is named by the configured project or found in the warehouse, and an error says how to name it.
 */
class AmplitudePackageTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected/dbt-amplitude");

    @TempDir
    Path dir;

    private BuildResult build(TestProject p, String dialect, Optional<TableColumns> warehouse) throws Exception {
        ReflektProject project = p.load();
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "amp"),
                        "amplitude",
                        warehouse);
    }

    private BuildResult build(String dialect, String materialized) throws Exception {
        return build(
                AmplitudeFixture.write(TestProject.create(dir.resolve(dialect + materialized)), "", materialized),
                dialect,
                Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "redshift", "bigquery", "postgres", "duckdb", "databricks"})
    void packageMatchesTheGoldenFiles(String dialect) throws Exception {
        DbtPackageTest.assertMatchesGolden(build(dialect, "view"), EXPECTED.resolve(dialect));
    }

    @Test
    void everyYamlFileIsValidForDbt() throws Exception {
        DbtPackageTest.DbtYaml yaml = DbtPackageTest.DbtYaml.load();
        for (Dialect dialect : Dialect.all()) {
            yaml.validate(build(dialect.name(), "view"), dialect.name(), 4);
            yaml.validate(build(dialect.name(), "incremental"), dialect.name(), 4);
        }
    }

    @Test
    void incrementalModelsAreKeyedOnUuidAndReadNewUploads() throws Exception {
        String sql = Files.readString(
                build("duckdb", "incremental").packageDir().resolve("models/amp/stg_amp__order_completed.sql"));
        assertThat(sql)
                .contains("materialized = 'incremental'", "unique_key = 'uuid'")
                .contains("where e.event_type = 'Order Completed'", "and e.server_upload_time >")
                .contains("{{ source('amp', 'events_123456') }}");
    }

    @Test
    void withoutAProjectIdTheOneExportTableOfTheSchemaIsRead() throws Exception {
        TestProject p = AmplitudeFixture.write(TestProject.create(dir.resolve("found")), "", "view");
        p.config(Files.readString(p.dir().resolve("reflekt_project.yml"))
                .replace("    amplitude:\n      project_id: 123456\n", ""));
        TableColumns w = new TableColumns()
                .add("EVENTS_777", "uuid")
                .add("EVENTS_777", "event_type")
                .add("EVENTS_777", "server_upload_time")
                .add("EVENTS_777", "event_properties")
                .add("EVENTS_777", "user_properties")
                .add("MERGE_IDS_777", "amplitude_id")
                .add("orders", "id");
        BuildResult result = build(p, "snowflake", Optional.of(w));
        assertThat(Files.readString(result.packageDir().resolve("models/amp/stg_amp__order_completed.sql")))
                .contains("{{ source('amp', 'events_777') }}", "get(get(e.event_properties, 'shipping'), 'city')");
        assertThat(result.unplanned())
                .extracting(Unplanned::describe)
                .singleElement()
                .asString()
                .contains("orders");

        assertThatThrownBy(() -> build(p, "snowflake", Optional.empty()))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("set artifacts.dbt.amplitude.project_id in reflekt_project.yml");
        TableColumns two = new TableColumns().add("events_1", "uuid").add("events_2", "uuid");
        assertThatThrownBy(() -> build(p, "snowflake", Optional.of(two)))
                .hasMessageContaining("has 2 Amplitude export tables")
                .hasMessageContaining("artifacts.dbt.amplitude.project_id");
    }

    @Test
    void twoEventTypesWithOneModelNameAreAnErrorNamingTheFile() throws Exception {
        TestProject p = AmplitudeFixture.write(TestProject.create(dir.resolve("twice")), "", "view");
        p.schema("shop/order_completed/1-0.json", "order completed", "{}");
        assertThatThrownBy(() -> build(p, "duckdb", Optional.empty()))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("schemas/shop/")
                .hasMessageContaining("make one model name 'order_completed'; rename one of them");
    }

    /** Two vendors' schemas of one event type and version would be one event in Amplitude: refused, not merged. */
    @Test
    void oneEventTypeAndVersionFromTwoSchemasIsRefused() throws Exception {
        TestProject p = AmplitudeFixture.write(TestProject.create(dir.resolve("vendors")), "", "view");
        p.schema("other/Order_Completed/1-1.json", "Order Completed", "{}");
        assertThatThrownBy(() -> build(p, "duckdb", Optional.empty()))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining(
                        "schemas/shop/Order_Completed/1-1.json:9:5: it and schemas/other/Order_Completed/1-1.json")
                .hasMessageContaining("both plan event type 'Order Completed' 1-1");
    }

    /** The project id names a table and a dbt source: anything but digits is refused, even what YAML lets through. */
    @Test
    void aProjectIdThatIsNotDigitsIsRefused() throws Exception {
        TestProject p = AmplitudeFixture.write(TestProject.create(dir.resolve("id")), "", "view");
        p.config(Files.readString(p.dir().resolve("reflekt_project.yml"))
                .replace("project_id: 123456", "project_id: \"12\\n\""));
        assertThatThrownBy(() -> build(p, "duckdb", Optional.empty()))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("project_id");
    }
}
