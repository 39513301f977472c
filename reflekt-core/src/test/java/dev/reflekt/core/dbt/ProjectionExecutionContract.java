package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond staging views, executed: data tests from constraints fail on violating rows and pass on clean
 * ones; incremental runs with the overlap window equal a full refresh; current-state projections follow
 * updates, late events and deletions across batches and equal their replay. One subclass per warehouse.
 */
abstract class ProjectionExecutionContract {

    static final String COLUMNS = "id varchar, original_timestamp timestamp, sent_at timestamp,"
            + " received_at timestamp, \"timestamp\" timestamp, anonymous_id varchar, user_id varchar,"
            + " context_library_name varchar, context_library_version varchar, event_text varchar,"
            + " order_id varchar, status varchar, channel varchar, quantity bigint, discount double precision,"
            + " score double precision, deleted boolean";

    private static final String SCHEMA = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "$id": "shop/Order_Placed/1-0.json",
              "description": "An order changed.",
              "self": {"vendor": "com.example", "name": "Order Placed", "format": "jsonschema", "version": "1-0",
                       "metadata": {"code_owner": "a", "product_owner": "b"}},
              "type": "object",
              "properties": {
                "order_id": {"type": "string", "description": "The order."},
                "status": {"type": "string", "enum": ["placed", "shipped", null], "description": "Its status."},
                "channel": {"type": "string", "const": "web", "description": "Where."},
                "quantity": {"type": "integer", "minimum": 1, "maximum": 10, "description": "How many."},
                "discount": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "description": "Off."},
                "score": {"type": "number", "minimum": 0, "exclusiveMaximum": 100, "description": "Score."},
                "deleted": {"type": "boolean", "description": "Whether the order was deleted."}
              },
              "required": ["order_id", "status"]
            }
            """;

    @TempDir
    Path dir;

    private Connection db;
    private ReflektProject project;
    private DbtRunner dbt;

    abstract Connection open() throws Exception;

    abstract String database();

    abstract String dialect();

    /** The dbt version the package is written for (the argument form of tests differs). */
    abstract String dbtVersion();

    void cleanUp() throws Exception {}

    @BeforeEach
    void seed() throws Exception {
        db = open();
        try (var s = db.createStatement()) {
            s.execute("create schema seg");
            s.execute("create table seg.order_placed (" + COLUMNS + ")");
        }
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        cleanUp();
    }

    /** Builds the package with {@code models} settings and the order entity; returns the runner for it. */
    DbtRunner build(String models) throws Exception {
        TestProject p = TestProject.create(dir.resolve("project"));
        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    dbt_version: "%s"
                    sources: {prefix: __src_}
                    models: {prefix: stg_, %s}
                    docs: {prefix: _stg_, tests: {id: [unique, not_null]}}
                    entities:
                      shop/Order_Placed/1-0.json: {key: order_id, order_by: tstamp, tombstone: deleted}
                """.formatted(dbtVersion(), models)));
        p.write("schemas/shop/Order_Placed/1-0.json", SCHEMA);
        project = p.load();
        BuildResult result = new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), "seg"),
                        "segment",
                        Optional.empty());
        dbt = new DbtRunner(db, database(), "stg", result.packageDir(), dir.resolve("parquet"));
        return dbt;
    }

    /** One raw row: id, received_at and event time (hours after 2024-05-01 00:00), and the properties. */
    void insert(
            String id,
            int receivedHour,
            int eventHour,
            String order,
            String status,
            String channel,
            Integer quantity,
            Double discount,
            Double score,
            Boolean deleted)
            throws Exception {
        String received = ts(receivedHour);
        String event = ts(eventHour);
        dbt.exec("insert into seg.order_placed values ('" + id + "', " + event + ", " + received + ", " + received
                + ", " + event + ", 'anon', 'user', 'analytics.js', '5.0.0', 'Order Placed', "
                + (order == null ? "null" : "'" + order + "'") + ", " + (status == null ? "null" : "'" + status + "'")
                + ", " + (channel == null ? "null" : "'" + channel + "'") + ", " + quantity + ", " + discount + ", "
                + score + ", " + deleted + ")");
    }

    void insert(String id, int receivedHour, int eventHour, String order, String status, Boolean deleted)
            throws Exception {
        insert(id, receivedHour, eventHour, order, status, "web", 1, 0.5, 50.0, deleted);
    }

    private static String ts(int hours) {
        return "timestamp '2024-05-01 00:00:00' + interval '" + hours + " hours'";
    }

    @Test
    void constraintTestsFailOnViolatingRowsAndPassOnCleanOnes() throws Exception {
        build("materialized: view");
        insert("e1", 1, 1, "o1", "placed", "web", 1, 0.01, 0.0, false);
        insert("e2", 2, 2, "o2", "shipped", "web", 10, 0.99, 99.5, null);
        dbt.run("stg_seg__order_placed", false);
        Map<String, Integer> clean = dbt.test("stg_seg__order_placed", "_stg_seg__order_placed.yml");
        assertThat(clean)
                .containsOnlyKeys(
                        "event_id:unique",
                        "event_id:not_null",
                        "order_id:not_null",
                        "status:not_null",
                        "status:accepted_values",
                        "channel:accepted_values",
                        "quantity:dbt_utils.accepted_range",
                        "discount:dbt_utils.accepted_range",
                        "score:dbt_utils.accepted_range",
                        "score:dbt_utils.accepted_range#2")
                .allSatisfy((test, failures) -> assertThat(failures).as(test).isZero());

        insert("e3", 3, 3, null, "lost", "app", 0, 1.0, 100.0, false);
        insert("e4", 4, 4, "o4", null, "web", 11, 0.0, -1.0, false);
        insert("e4", 5, 5, "o5", "placed", null, null, null, null, null);
        assertThat(dbt.test("stg_seg__order_placed", "_stg_seg__order_placed.yml"))
                .containsEntry("event_id:unique", 1)
                .containsEntry("event_id:not_null", 0)
                .containsEntry("order_id:not_null", 1)
                .containsEntry("status:not_null", 1)
                .containsEntry("status:accepted_values", 1)
                .containsEntry("channel:accepted_values", 1)
                .containsEntry("quantity:dbt_utils.accepted_range", 2)
                .containsEntry("discount:dbt_utils.accepted_range", 2)
                .containsEntry("score:dbt_utils.accepted_range", 1)
                .containsEntry("score:dbt_utils.accepted_range#2", 1);
    }

    @Test
    void incrementalRunWithTheOverlapWindowEqualsAFullRefresh() throws Exception {
        build("materialized: incremental, etl_overlap: 28");
        String model = "stg_seg__order_placed";
        insert("e1", 0, 0, "o1", "placed", false);
        insert("e2", 48, 48, "o2", "placed", false);
        dbt.run(model, false);
        assertThat(dbt.count("select count(*) from stg." + model)).isEqualTo(2);

        insert("e3", 30, 30, "o3", "placed", false); // late, inside the window (48 - 28 = 20)
        insert("e4", 60, 60, "o4", "placed", false); // new
        dbt.run(model, false);
        dbt.run(model, model + "_full", true);
        String order = " order by event_id";
        assertThat(dbt.rows("select * from stg." + model + order))
                .hasSize(4)
                .isEqualTo(dbt.rows("select * from stg." + model + "_full" + order));

        insert("e5", 10, 10, "o5", "placed", false); // later than etl_overlap allows: only a full refresh sees it
        dbt.run(model, false);
        dbt.run(model, model + "_full", true);
        assertThat(dbt.count("select count(*) from stg." + model)).isEqualTo(4);
        assertThat(dbt.count("select count(*) from stg." + model + "_full")).isEqualTo(5);
    }

    @Test
    void currentStateFollowsUpdatesLateEventsAndDeletionsAndEqualsItsReplay() throws Exception {
        build("materialized: incremental");
        insert("e1", 1, 1, "o1", "placed", false);
        insert("e2", 1, 1, "o2", "placed", false);
        insert("e3", 1, 1, "o3", "placed", false);
        runAndCompare(Map.of("o1", "placed", "o2", "placed", "o3", "placed"));

        insert("e4", 5, 5, "o1", "shipped", false);
        insert("e5", 5, 5, "o2", "placed", true); // deleted
        insert("e6", 5, 5, "o4", "placed", false);
        runAndCompare(Map.of("o1", "shipped", "o3", "placed", "o4", "placed"));

        insert("e7", 9, 3, "o1", "placed", false); // arrives late but happened before the shipment
        insert("e8", 9, 8, "o2", "placed", false); // re-created after its deletion
        insert("e9", 9, 8, "o3", "shipped", true); // deleted
        runAndCompare(Map.of("o1", "shipped", "o2", "placed", "o4", "placed"));
    }

    private void runAndCompare(Map<String, String> expected) throws Exception {
        String current = "stg_seg__order_placed__current";
        dbt.run("stg_seg__order_placed", false);
        dbt.run(current, false);
        dbt.run(current, current + "_replay", true);
        List<Map<String, Object>> state = dbt.rows("select * from stg." + current + " order by order_id");
        assertThat(state).isEqualTo(dbt.rows("select * from stg." + current + "_replay order by order_id"));
        assertThat(state)
                .extracting(r -> r.get("order_id") + "=" + r.get("status"))
                .containsExactlyElementsOf(expected.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
        assertThat(dbt.test(current, "_stg_seg__order_placed__current.yml")).containsEntry("order_id:unique", 0);
    }
}
