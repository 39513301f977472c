package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Beyond staging views, executed: data tests from constraints fail on violating rows and pass on clean
 * ones; incremental runs with the overlap window equal a full refresh; current-state projections follow
 * updates, late events and deletions across batches and equal their replay. One subclass per warehouse.
 */
abstract class ProjectionExecutionContract extends WarehouseContract {

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

    /** The dbt version the package is written for (the argument form of tests differs). */
    abstract String dbtVersion();

    /** The warehouse's form of a {@code create table} the test seeds with (standard SQL as written here). */
    String ddl(String sql) {
        return sql;
    }

    /** Whether the warehouse is Spark (see {@link DbtRunner}). */
    boolean spark() {
        return false;
    }

    @BeforeEach
    void seed() throws Exception {
        db = open();
        try (var s = db.createStatement()) {
            s.execute("create schema seg");
            s.execute(ddl("create table seg.order_placed (" + COLUMNS + ")"));
        }
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        cleanUp();
    }

    /** Builds the package with {@code models} settings and the order entity; returns the runner for it. */
    DbtRunner build(String models) throws Exception {
        return build(models, "");
    }

    DbtRunner build(String models, String extra) throws Exception {
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
                %s
                """.formatted(dbtVersion(), models, extra)));
        p.write("schemas/shop/Order_Placed/1-0.json", SCHEMA);
        p.write(
                "schemas/shop/Identify/1-0.json",
                TestProject.schemaJson("shop/Identify/1-0.json", "Identify", "1-0", """
                {"email": {"type": "string", "description": "Email."},
                 "plan": {"type": "string", "description": "Plan."}}
                """));
        project = p.load();
        BuildResult result = new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), "seg"),
                        "segment",
                        Optional.empty());
        dbt = new DbtRunner(db, database(), "stg", result.packageDir(), dir.resolve("parquet"), spark());
        return dbt;
    }

    /** The anonymous_id and user_id of the rows {@link #insert} writes. */
    private String[] sender = {"anon", "user"};

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
                + ", " + event + ", '" + sender[0] + "', '" + sender[1] + "', 'analytics.js', '5.0.0', 'Order Placed', "
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

    /**
     * Profiles Sync, by hand: p2 is merged into p1, then p1 into p4 (a re-merge); p1's plan goes free → pro
     * → NULL (Profiles Sync writes NULL for traits an update did not set, so the last non-null value, pro,
     * stays); the email external id moves from p2 to p3. The overlap window is 2 hours.
     */
    @ParameterizedTest
    @ValueSource(strings = {"incremental", "table", "view"})
    void profilesSyncTablesEqualTheHandComputedIdentityGraph(String materialization) throws Exception {
        build(
                "materialized: view",
                "    profiles_sync: {schema: ps, etl_overlap: 2, materialization: " + materialization + "}");
        profilesSyncTables();

        graph(1, "p1", "p1", 1);
        graph(1, "p2", "p2", 2);
        mapping(1, "p1", "user_id", "u1", 1);
        mapping(1, "p2", "anonymous_id", "a2", 2);
        mapping(1, "p2", "email", "x@example.com", 3);
        traits(1, "p1", 1, "'a@example.com'", "'free'");
        traits(1, "p2", 2, "'b@example.com'", "null");
        runProfilesSync();

        graph(5, "p2", "p1", 4);
        graph(5, "p3", "p3", 6);
        traits(5, "p1", 5, "null", "'pro'");
        mapping(5, "p3", "email", "x@example.com", 6);
        runProfilesSync();
        // p2 merged into p1, whose newest update clears email: the clear stands (Segment's null propagation),
        // although p1 and p2 both had an email before.
        assertThat(dbt.rows("select email, plan from stg.profile_traits where canonical_segment_id = 'p1'"))
                .extracting(r -> r.get("email") + "|" + r.get("plan"))
                .containsExactly("null|pro");

        // A quiet run moves the window past hour 5, so the last batch's re-merge must reach p2 through
        // the graph itself, not because p2's own update is still in the window.
        traits(12, "p3", 10, "null", "null");
        graph(12, "p5", "p5", 10);
        runProfilesSync();

        traits(20, "p1", 7, "null", "null");
        graph(20, "p4", "p4", 8);
        graph(20, "p1", "p4", 9);
        runProfilesSync();

        assertThat(dbt.rows("select segment_id, canonical_segment_id from stg.id_graph order by 1"))
                .extracting(r -> r.get("segment_id") + "->" + r.get("canonical_segment_id"))
                .containsExactly("p1->p4", "p2->p4", "p3->p3", "p4->p4", "p5->p5");
        assertThat(dbt.rows("select external_id_value, segment_id, canonical_segment_id from stg.external_id_mapping"
                        + " order by 1"))
                .extracting(r ->
                        r.get("external_id_value") + ":" + r.get("segment_id") + "->" + r.get("canonical_segment_id"))
                .containsExactly("a2:p2->p4", "u1:p1->p4", "x@example.com:p3->p3");
        assertThat(dbt.rows("select canonical_segment_id, email, plan, merged_to from stg.profile_traits order by 1"))
                .extracting(r -> r.get("canonical_segment_id") + "|" + r.get("email") + "|" + r.get("plan") + "|"
                        + r.get("merged_to"))
                .containsExactly(
                        "p1|null|null|p4",
                        "p2|null|null|p4",
                        "p3|null|null|null",
                        "p4|null|null|null", // p1's update at seq 7 cleared both traits
                        "p5|null|null|null");
        if (materialization.equals("incremental")) {
            for (String model : List.of("id_graph", "external_id_mapping", "profile_traits")) {
                dbt.run(model, model + "_replay", true);
                assertThat(dbt.rows("select * from stg." + model + " order by 1"))
                        .as(model + " incremental equals its full refresh")
                        .isEqualTo(dbt.rows("select * from stg." + model + "_replay order by 1"));
            }
        }
    }

    /**
     * Segment deletes a profile (hard delete: its identifiers, traits and events are removed from the raw
     * tables). After {@code reflekt_propagate_deletions} nothing of it is left in any incremental model, and
     * every model equals its full refresh. The person returns later as a new profile, linked to nothing old.
     */
    @Test
    void aDeletedProfileLeavesNoRowAfterTheDeletionStepAndAReturningUserIsANewProfile() throws Exception {
        build(
                "materialized: incremental",
                "    profiles_sync: {schema: ps, etl_overlap: 2, materialization: incremental}");
        profilesSyncTables();
        event("e1", 1, "o1", "u-gone", "a-gone");
        event("e2", 1, "o2", "u-kept", "a-kept");
        event("e3", 2, "o3", "u-gone", "a-gone");
        graph(1, "p-gone", "p-gone", 1);
        graph(1, "p-kept", "p-kept", 2);
        graph(2, "p-gone-2", "p-gone", 3); // merged into the profile that will be deleted
        mapping(1, "p-gone", "user_id", "u-gone", 1);
        mapping(1, "p-gone-2", "anonymous_id", "a-gone", 2);
        mapping(1, "p-kept", "user_id", "u-kept", 3);
        traits(1, "p-gone", 1, "'gone@example.com'", "'pro'");
        traits(1, "p-kept", 2, "'kept@example.com'", "'free'");
        runEverything();
        assertThat(dbt.count("select count(*) from stg.stg_seg__order_placed where user_id = 'u-gone'"))
                .isEqualTo(2);

        // Segment's weekly deletion batch removes the person everywhere it loads data.
        for (String table : List.of("id_graph_updates", "external_id_mapping_updates", "profile_traits_updates")) {
            dbt.exec("delete from ps." + table + " where segment_id in ('p-gone', 'p-gone-2')");
        }
        dbt.exec("delete from seg.order_placed where user_id = 'u-gone'");
        dbt.propagateDeletions(INCREMENTAL_MODELS);

        for (String model : INCREMENTAL_MODELS) {
            String all = dbt.rows("select * from stg." + model).toString();
            assertThat(all).as(model).doesNotContain("gone");
            dbt.run(model, model + "_replay", true);
            assertThat(dbt.rows("select * from stg." + model + " order by 1"))
                    .as(model + " after the deletion step equals its full refresh")
                    .isEqualTo(dbt.rows("select * from stg." + model + "_replay order by 1"));
        }
        assertThat(dbt.count("select count(*) from stg.profile_traits where canonical_segment_id = 'p-kept'"))
                .isEqualTo(1);

        // The person comes back: Segment gives them a new profile; nothing of the old one returns.
        graph(30, "p-new", "p-new", 20);
        mapping(30, "p-new", "user_id", "u-gone", 21);
        traits(30, "p-new", 22, "null", "'free'");
        event("e4", 30, "o4", "u-gone", "a-new");
        runEverything();
        assertThat(dbt.rows("select segment_id, canonical_segment_id from stg.external_id_mapping"
                        + " where external_id_value = 'u-gone'"))
                .extracting(r -> r.get("segment_id") + "->" + r.get("canonical_segment_id"))
                .containsExactly("p-new->p-new");
        assertThat(dbt.rows("select email, plan from stg.profile_traits where canonical_segment_id = 'p-new'"))
                .extracting(r -> r.get("email") + "|" + r.get("plan"))
                .containsExactly("null|free");
        for (String model : INCREMENTAL_MODELS) {
            assertThat(dbt.rows("select * from stg." + model).toString())
                    .as(model)
                    .doesNotContain("p-gone");
        }
    }

    private static final List<String> INCREMENTAL_MODELS = List.of(
            "stg_seg__order_placed",
            "stg_seg__order_placed__current",
            "id_graph",
            "external_id_mapping",
            "profile_traits");

    private void runEverything() throws Exception {
        dbt.run("stg_seg__order_placed", false);
        dbt.run("stg_seg__order_placed__current", false);
        runProfilesSync();
    }

    /** An Order Placed event of a user (by user_id and anonymous_id), received and sent at {@code hour}. */
    private void event(String id, int hour, String order, String user, String anonymous) throws Exception {
        // Who sent it goes into the row itself (one statement; an update is a costly rewrite on Delta).
        sender = new String[] {anonymous, user};
        try {
            insert(id, hour, hour, order, "placed", false);
        } finally {
            sender = new String[] {"anon", "user"};
        }
    }

    private void profilesSyncTables() throws Exception {
        dbt.exec("create schema ps");
        dbt.exec(ddl("create table ps.id_graph_updates (segment_id varchar, canonical_segment_id varchar,"
                + " triggering_event_type varchar, \"timestamp\" timestamp, seq bigint, uuid_ts timestamp)"));
        dbt.exec(ddl("create table ps.external_id_mapping_updates (segment_id varchar, external_id_type varchar,"
                + " external_id_value varchar, external_id_hash varchar, \"timestamp\" timestamp, seq bigint,"
                + " uuid_ts timestamp)"));
        dbt.exec(ddl("create table ps.profile_traits_updates (segment_id varchar, \"timestamp\" timestamp, seq bigint,"
                + " uuid_ts timestamp, email varchar, plan varchar, context_ip varchar)"));
    }

    private void runProfilesSync() throws Exception {
        for (String model : List.of("id_graph", "external_id_mapping", "profile_traits")) {
            dbt.run(model, false);
        }
    }

    private void graph(int hour, String segment, String canonical, int seq) throws Exception {
        dbt.exec("insert into ps.id_graph_updates values ('" + segment + "', '" + canonical + "', 'identify', "
                + ts(hour) + ", " + seq + ", " + ts(hour) + ")");
    }

    private void mapping(int hour, String segment, String type, String value, int seq) throws Exception {
        dbt.exec("insert into ps.external_id_mapping_updates values ('" + segment + "', '" + type + "', '" + value
                + "', 'h_" + value + "', " + ts(hour) + ", " + seq + ", " + ts(hour) + ")");
    }

    private void traits(int hour, String segment, int seq, String email, String plan) throws Exception {
        dbt.exec("insert into ps.profile_traits_updates values ('" + segment + "', " + ts(hour) + ", " + seq + ", "
                + ts(hour) + ", " + email + ", " + plan + ", '10.0.0.1')");
    }
}
