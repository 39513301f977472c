package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Snowplow models run on a real warehouse seeded as a Snowplow loader would ({@link SnowplowFixture}): events
 * of MAJOR 1 (two MINORs) and MAJOR 2 of one schema, an entity attached twice to one event, an event after
 * {@code models.filter}'s cut-off and an event of another schema. The package is built from the warehouse's
 * metadata and offline, every model created as a view, its rows checked. One subclass per layout.
 */
abstract class SnowplowExecutionContract extends WarehouseContract {

    /** The {@code atomic.events} columns the models read, and those that say which schema an event has. */
    static final String EVENTS = "event_id varchar, collector_tstamp timestamp, derived_tstamp timestamp,"
            + " dvce_created_tstamp timestamp, event_vendor varchar, event_name varchar, event_version varchar,"
            + " app_id varchar, platform varchar, domain_userid varchar, domain_sessionid varchar,"
            + " network_userid varchar, user_id varchar";

    /** An event row's atomic columns, given its id, collector time, schema name and version. */
    static String event(String id, String collected, String vendor, String name, String version) {
        return "'" + id + "', '" + collected + "', '" + collected + "', '" + collected + "', '" + vendor + "', '" + name
                + "', '" + version + "', 'shop', 'web', 'd-1', 's-1', 'n-1', 'user-1'";
    }

    static final String EARLY = "2024-05-01 10:00:00";
    static final String LATE = "2031-01-01 00:00:00";

    @TempDir
    java.nio.file.Path dir;

    Connection db;
    private ReflektProject project;

    /** Creates schema {@code atomic} as the dialect's loader shapes it, with the rows described above. */
    abstract void seedAtomic() throws Exception;

    /** Makes the warehouse lack the entity's data; returns the drift line the build must report. */
    abstract String dropEntity() throws Exception;

    @BeforeEach
    void seed() throws Exception {
        db = open();
        project = SnowplowFixture.write(TestProject.create(dir), "").load();
        exec("create schema atomic");
        seedAtomic();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        cleanUp();
    }

    void exec(String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private BuildResult build(Optional<TableColumns> warehouse) throws Exception {
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), "atomic"),
                        "snowplow",
                        warehouse);
    }

    private List<Map<String, Object>> rows(String model, String orderBy) throws Exception {
        return ModelExecutionContract.rows(db, "select * from stg." + model + " order by " + orderBy);
    }

    private void assertModelsRun(BuildResult result) throws Exception {
        assertThat(ModelExecutionContract.createViews(db, result, database()))
                .containsExactlyInAnyOrder(
                        "stg_atomic__com_example_button_press_1",
                        "stg_atomic__com_example_button_press_2",
                        "stg_atomic__com_example_product_1",
                        "reflekt__atomic__event_audit");

        List<Map<String, Object>> v1 = rows("stg_atomic__com_example_button_press_1", "event_id");
        assertThat(v1).extracting(r -> r.get("event_id")).containsExactly("e1", "e2"); // e4 is after the cut-off
        assertThat(v1.get(0).keySet())
                .containsExactly(
                        "event_id",
                        "collector_tstamp",
                        "derived_tstamp",
                        "dvce_created_tstamp",
                        "event_name",
                        "event_version",
                        "app_id",
                        "platform",
                        "domain_userid",
                        "domain_sessionid",
                        "network_userid",
                        "user_id",
                        "button_id",
                        "click_count",
                        "position_x_coord",
                        "position_y_coord",
                        "source_schema",
                        "source_table",
                        "schema_id",
                        "schema_metadata");
        assertThat(v1.get(0)).containsEntry("button_id", "b1").containsEntry("click_count", null);
        assertThat(v1.get(1))
                .containsEntry("button_id", "b2")
                .containsEntry("event_version", "1-1-0")
                .containsEntry("schema_id", "acme/button_press/1-1.json");
        assertThat(((Number) v1.get(1).get("click_count")).intValue()).isEqualTo(3);
        assertThat(((Number) v1.get(1).get("position_x_coord")).doubleValue()).isEqualTo(1.5);

        List<Map<String, Object>> v2 = rows("stg_atomic__com_example_button_press_2", "event_id");
        assertThat(v2).hasSize(1);
        assertThat(v2.get(0)).containsEntry("event_id", "e3").containsEntry("label", "Buy");

        List<Map<String, Object>> products = rows("stg_atomic__com_example_product_1", "event_id, sku");
        assertThat(products)
                .extracting(r -> r.get("event_id") + "/" + r.get("sku"))
                .containsExactly("e1/s1", "e1/s2", "e2/s3");
        assertThat(((Number) products.get(1).get("unit_price")).doubleValue()).isEqualTo(2.5);
    }

    @Test
    void modelsBuiltFromTheWarehouseRun() throws Exception {
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, database(), "atomic")));
        assertThat(result.drift()).isEmpty();
        // the loader's own tables and columns are nobody's plan to make
        assertThat(result.unplanned()).isEmpty();
        assertModelsRun(result);
    }

    @Test
    void modelsBuiltOfflineRun() throws Exception {
        BuildResult result = build(Optional.empty());
        assertThat(result.drift()).isEmpty();
        assertModelsRun(result);
    }

    /** Adds one event of MAJOR 1, collected after the others, with one instance of the entity. */
    abstract void addLaterEvent() throws Exception;

    @Test
    void incrementalRunsAddNewEventsAndEntityModelsAreRebuiltWhole() throws Exception {
        project = SnowplowFixture.write(TestProject.create(dir.resolve("incremental")), "", "incremental")
                .load();
        BuildResult result = build(Optional.empty());
        String v1 = "stg_atomic__com_example_button_press_1";
        String product = "stg_atomic__com_example_product_1";
        assertThat(Files.readString(result.packageDir().resolve("models/atomic/" + v1 + ".sql")))
                .contains("materialized = 'incremental'", "unique_key = 'event_id'", "and e.collector_tstamp >");
        assertThat(Files.readString(result.packageDir().resolve("models/atomic/" + product + ".sql")))
                .contains("materialized = 'table'");
        DbtRunner dbt = new DbtRunner(db, database(), "stg", result.packageDir(), dir.resolve("parquet"));
        dbt.run(v1, true);
        dbt.run(product, true);
        assertThat(dbt.count("select count(*) from stg." + v1)).isEqualTo(2);
        addLaterEvent();
        dbt.run(v1, false);
        dbt.run(product, false);
        assertThat(dbt.rows("select event_id, button_id from stg." + v1 + " order by event_id"))
                .extracting(r -> r.get("event_id") + "/" + r.get("button_id"))
                .containsExactly("e1/b1", "e2/b2", "e6/b6");
        assertThat(dbt.count("select count(*) from stg." + product)).isEqualTo(4);
        assertThat(dbt.test(v1, "_" + v1 + ".yml"))
                .containsEntry("event_id:not_null", 0)
                .allSatisfy((k, v) -> assertThat(v).as(k).isZero());
        assertThat(dbt.test(product, "_" + product + ".yml"))
                .containsEntry("sku:not_null", 0)
                .containsEntry("event_id:not_null", 0)
                .doesNotContainKey("event_id:unique"); // an event has a row per instance of the entity
        assertThat(dbt.test(v1, "_" + v1 + ".yml")).containsEntry("event_id:unique", 0);
    }

    @Test
    void aCurrentStateModelKeepsTheLatestEventOfEachKey() throws Exception {
        project = SnowplowFixture.write(TestProject.create(dir.resolve("current")), """
                            entities:
                              acme/button_press/1-1.json: {key: buttonId}
                        """)
                .load();
        BuildResult result = build(Optional.empty());
        assertThat(ModelExecutionContract.createViews(db, result, database()))
                .contains("stg_atomic__com_example_button_press_1__current");
        assertThat(rows("stg_atomic__com_example_button_press_1__current", "button_id"))
                .extracting(r -> r.get("button_id") + "/" + r.get("event_id"))
                .containsExactly("b1/e1", "b2/e2");
    }

    /**
     * Adds, in the loader's layout, an event no schema plans and one of Snowplow's own contexts (not reported), and
     * returns what is then unplanned ({@code table} or {@code table.column}).
     */
    abstract List<String> addUnplanned() throws Exception;

    @Test
    void whatTheWarehouseHasAndNoSchemaPlansIsUnplanned() throws Exception {
        List<String> expected = addUnplanned();
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, database(), "atomic")));
        assertThat(result.unplanned())
                .extracting(u -> u.table() + (u.column().isEmpty() ? "" : "." + u.column()))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theAuditListsTheEventsThePlanDoesNotHaveInTheWindow() throws Exception {
        String insert = "insert into atomic.events (" + EVENTS.replaceAll(" (varchar|timestamp)", "") + ") values ";
        String now = ModelExecutionContract.hoursAgo(2);
        exec(insert + "(" + event("u1", ModelExecutionContract.hoursAgo(3), "com.acme", "mystery", "1-0-0") + "),"
                + " (" + event("u2", now, "com.acme", "mystery", "1-0-0") + "),"
                + " (" + event("u3", now, "com.example", "button_press", "3-0-0") + ")," // a MAJOR nobody planned
                + " (" + event("u4", now, "com.example", "button_press", "2-0-1") + "),"
                + " (" + event("u5", now, "com.snowplowanalytics.snowplow", "page_ping", "1-0-0") + "),"
                + " (" + event("u6", now, "com.google.analytics", "event", "1-0-0") + "),"
                + " (" + event("u7", ModelExecutionContract.hoursAgo(24 * 30), "com.acme", "old", "1-0-0") + ")");
        for (Optional<TableColumns> warehouse :
                List.of(Optional.of(JdbcCatalog.read(db, database(), "atomic")), Optional.<TableColumns>empty())) {
            BuildResult result = build(warehouse);
            ModelExecutionContract.createViews(db, result, database());
            assertThat(rows("reflekt__atomic__event_audit", "event_vendor, event_name, event_version"))
                    .extracting(r -> r.get("event_vendor") + "/" + r.get("event_name") + "/" + r.get("event_version")
                            + " " + r.get("event_count"))
                    .containsExactly("com.acme/mystery/1-0-0 2", "com.example/button_press/3-0-0 1");
        }
    }

    @Test
    void whatTheWarehouseLacksIsDrift() throws Exception {
        String expected = dropEntity();
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, database(), "atomic")));
        assertThat(result.drift()).extracting(Drift::describe).containsExactly(expected);
        assertThat(result.files()).noneMatch(f -> f.contains("product"));
    }
}
