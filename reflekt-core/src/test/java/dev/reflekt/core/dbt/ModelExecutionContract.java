package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.infer.Draft;
import dev.reflekt.core.infer.WarehouseInference;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated models run on a real warehouse: Segment-shaped raw tables are seeded, the package is
 * built (from the warehouse's metadata, and offline), its Jinja rendered, every model created as a view,
 * and the views' columns and rows checked. One subclass per warehouse.
 */
abstract class ModelExecutionContract extends WarehouseContract {

    private static final String COMMON = "id varchar, original_timestamp timestamp, sent_at timestamp,"
            + " received_at timestamp, \"timestamp\" timestamp, anonymous_id varchar, user_id varchar,"
            + " context_ip varchar, context_library_name varchar, context_library_version varchar, uuid_ts timestamp";

    @TempDir
    Path dir;

    private Connection db;
    private ReflektProject project;

    @BeforeEach
    void seedAndDescribe() throws Exception {
        db = open();
        TestProject p = TestProject.create(dir);
        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    sources: {prefix: __src_}
                    models:
                      prefix: stg_
                      filter: |
                        where received_at < '2030-01-01'
                    docs:
                      prefix: _stg_
                      in_folder: false
                      tests:
                        id: [unique, not_null]
                """));
        p.schema("shop/Identify/1-0.json", "Identify", props("email", "plan"));
        p.schema("shop/Page_Viewed/1-0.json", "Page Viewed", props("path", "name"));
        p.schema("shop/Coupon_Applied/1-0.json", "Coupon Applied", props("id", "name", "call_type"));
        p.schema("shop/Cart_Viewed/2-0.json", "Cart Viewed", props("cart_id"));
        p.write(
                "schemas/shop/Order_Completed/1-0.json",
                TestProject.schemaJson("shop/Order_Completed/1-0.json", "Order Completed", "1-0", """
                {"order_id": {"type": "string", "description": "The order."},
                 "revenue": {"type": "number", "description": "Revenue."},
                 "address": {"type": "object", "description": "Where to.", "properties": {
                     "city": {"type": "string", "description": "City."},
                     "zip": {"type": "string", "description": "Zip."}}}}
                """));
        project = p.load();

        exec("create schema seg");
        exec("create table seg.tracks (" + COMMON + ", event_text varchar, event varchar)");
        exec("create table seg.identifies (" + COMMON + ", email varchar, plan varchar)");
        exec(
                "create table seg.users (id varchar, received_at timestamp, email varchar, plan varchar, uuid_ts timestamp)");
        exec("create table seg.pages (" + COMMON + ", name varchar, path varchar, title varchar)");
        exec("create table seg.order_completed (" + COMMON + ", event_text varchar, order_id varchar,"
                + " revenue double precision, address_city varchar)");
        exec("create table seg.coupon_applied (" + COMMON + ", event_text varchar, _id varchar, name varchar,"
                + " call_type varchar)");
        String row = "'2024-05-01 10:00:00', '2024-05-01 10:00:01', '%s', '2024-05-01 10:00:00', 'anon-1', 'user-1',"
                + " '10.0.0.1', 'analytics.js', '5.0.0', '2024-05-01 10:00:03'";
        String early = row.formatted("2024-05-01 10:00:02");
        String late = row.formatted("2031-01-01 00:00:00");
        exec("insert into seg.tracks values ('t1', " + early + ", 'Order Completed', 'order_completed')");
        exec("insert into seg.identifies values ('i1', " + early + ", 'a@example.com', 'pro')");
        exec("insert into seg.users values ('user-1', '2024-05-01', 'a@example.com', 'pro', '2024-05-01'),"
                + " ('user-2', '2031-01-01', 'b@example.com', 'free', '2031-01-01')");
        exec("insert into seg.pages values ('p1', " + early + ", 'Home', '/', 'Jaffles')");
        exec("insert into seg.order_completed values ('o1', " + early + ", 'Order Completed', 'ord-1', 12.5, 'Paris'),"
                + " ('o2', " + late + ", 'Order Completed', 'ord-2', 9.0, 'Lyon')");
        exec("insert into seg.coupon_applied values ('c1', " + early + ", 'Coupon Applied', 'coupon-7', 'SPRING',"
                + " 'sent-by-app')");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        cleanUp();
    }

    private static String props(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add("\"" + n + "\": {\"type\": \"string\", \"description\": \"The " + n + ".\"}");
        }
        return "{" + String.join(", ", out) + "}";
    }

    private void exec(String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private BuildResult build(Optional<TableColumns> warehouse, String schema) throws Exception {
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), schema),
                        "segment",
                        warehouse);
    }

    /** Renders and creates every model as a view in schema {@code stg}; returns the model names. */
    private List<String> createViews(BuildResult result) throws Exception {
        return createViews(db, result, database());
    }

    /** Renders and creates every model of {@code result} as a view in schema {@code stg} of {@code db}. */
    static List<String> createViews(Connection db, BuildResult result, String database) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("create schema if not exists stg");
        }
        List<String> models = new ArrayList<>();
        for (String file : result.files()) {
            if (file.startsWith("models/") && file.endsWith(".sql")) {
                String model = file.substring(file.lastIndexOf('/') + 1, file.length() - 4);
                String sql =
                        DbtJinja.render(Files.readString(result.packageDir().resolve(file)), database, "stg");
                try (Statement s = db.createStatement()) {
                    s.execute("create or replace view stg." + model + " as " + sql);
                }
                models.add(model);
            }
        }
        return models;
    }

    /** Renders and creates one model of {@code result} as a view in schema {@code stg} of {@code db}. */
    static void createView(Connection db, BuildResult result, String database, String model) throws Exception {
        String file = result.files().stream()
                .filter(f -> f.startsWith("models/") && f.endsWith("/" + model + ".sql"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no model " + model + " in " + result.files()));
        String sql = DbtJinja.render(Files.readString(result.packageDir().resolve(file)), database, "stg");
        try (Statement s = db.createStatement()) {
            s.execute("create schema if not exists stg");
            s.execute("create or replace view stg." + model + " as " + sql);
        }
    }

    private List<Map<String, Object>> rows(String model) throws Exception {
        return rows(db, "select * from stg." + model + " order by 1");
    }

    /** The rows {@code sql} returns, each as column name → value in column order. */
    static List<Map<String, Object>> rows(Connection db, String sql) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void hostileNamesFromTheWarehouseAndTheSchemaStayDataWhenTheModelRuns() throws Exception {
        TestProject p = TestProject.create(dir.resolve("hostile"));
        HostileSchemas.write(p);
        ReflektProject hostile = p.load();
        StringBuilder columns = new StringBuilder(COMMON + ", event_text varchar");
        StringBuilder values = new StringBuilder("'h1', '2024-05-01 10:00:00', '2024-05-01 10:00:01',"
                + " '2024-05-01 10:00:02', '2024-05-01 10:00:00', 'anon-1', 'user-1', '10.0.0.1', 'analytics.js',"
                + " '5.0.0', '2024-05-01 10:00:03', 'Hostile Event'");
        for (int i = 0; i < HostileSchemas.NAMES.size(); i++) {
            columns.append(", \"")
                    .append(HostileSchemas.NAMES.get(i).replace("\"", "\"\""))
                    .append("\" varchar");
            values.append(", 'v").append(i).append("'");
        }
        exec("create table seg.hostile_event (" + columns + ")");
        exec("insert into seg.hostile_event values (" + values + ")");
        // The warehouse's metadata (column names included) is read as the build reads it, then built on.
        BuildResult result = new DbtBuilder(hostile)
                .build(
                        hostile.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), "seg"),
                        "segment",
                        Optional.of(JdbcCatalog.read(db, database(), "seg")));
        String sql = Files.readString(result.packageDir().resolve("models/seg/stg_seg__hostile_event.sql"));
        exec("create schema if not exists stg");
        exec("create view stg.hostile as " + DbtJinja.render(sql, database(), "stg"));

        List<Map<String, Object>> rows = rows("hostile");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        for (int i = 0; i < HostileSchemas.NAMES.size(); i++) {
            String name = HostileSchemas.NAMES.get(i);
            if (name.length() > 63 && !row.containsKey(name)) {
                // PostgreSQL (and the Redshift test behind PgBouncer) cut the name at 63 bytes in the DDL, so the
                // warehouse lacks the property's column: drift, not a column.
                assertThat(result.drift()).extracting(Drift::column).contains(name);
                continue;
            }
            assertThat(row).containsEntry(name, "v" + i);
        }
        assertThat(row.keySet())
                .doesNotContain("leak", "z", "c", "session_user")
                .hasSize(11 + 5 + HostileSchemas.NAMES.size() - result.drift().size());
        assertThat(new ObjectMapper().readValue((String) row.get("schema_metadata"), Map.class))
                .isEqualTo(HostileSchemas.metadata());
    }

    /**
     * The other direction, from the same metadata query: an event table no schema plans and columns no property
     * makes, the collector's own tables and columns (call tables, {@code context_*}, {@code uuid_ts}) left out; the
     * names from the warehouse reach drift.md only as Markdown code.
     */
    @Test
    void whatTheWarehouseHasAndNoSchemaPlansIsUnplanned() throws Exception {
        exec("create table seg.mystery_event (" + COMMON + ", event_text varchar, event varchar, secret varchar)");
        exec("alter table seg.order_completed add column coupon_code varchar");
        exec("alter table seg.order_completed add column context_campaign_gclid varchar");
        exec("create table seg.aliases (" + COMMON + ", previous_id varchar)");
        TableColumns catalog = JdbcCatalog.read(db, database(), "seg");
        BuildResult result = build(Optional.of(catalog), "seg");
        assertThat(result.unplanned())
                .extracting(u -> u.rule() + " " + u.table() + (u.column().isEmpty() ? "" : "." + u.column()))
                .containsExactly(
                        "unplanned-table mystery_event",
                        "unplanned-column order_completed.coupon_code",
                        "unplanned-column pages.title");
        String md = DriftReport.render(
                new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), "seg"),
                result.drift(),
                result.unplanned());
        assertThat(md).contains("| `order_completed` | `coupon_code` | `unplanned-column` |");
        // offline, nothing is known of the warehouse: nothing unplanned
        assertThat(build(Optional.empty(), "seg").unplanned()).isEmpty();
    }

    /** A {@code timestamp} literal of {@code hours} hours ago (UTC), as the loaders write them. */
    static String hoursAgo(long hours) {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .minusHours(hours)
                .withNano(0)
                .toString()
                .replace('T', ' ');
    }

    @Test
    void theAuditListsTheTrackedEventsThePlanDoesNotHaveInTheWindow() throws Exception {
        String insert = "insert into seg.tracks (id, received_at, event_text, event) values ";
        exec(insert + "('a1', '" + hoursAgo(3) + "', 'Mystery Event', 'mystery_event'),"
                + " ('a2', '" + hoursAgo(2) + "', 'Mystery Event', 'mystery_event'),"
                + " ('a3', '" + hoursAgo(2) + "', 'Cart Viewed', 'cart_viewed')," // planned, its table not loaded yet
                + " ('a4', '" + hoursAgo(2) + "', 'Order Completed', 'order_completed'),"
                + " ('a5', '" + hoursAgo(24 * 30) + "', 'Old Thing', 'old_thing')," // before the window
                + " ('a6', '" + hoursAgo(1) + "', 'It''s {{ odd }}', 'it_s_odd')");
        for (Optional<TableColumns> warehouse :
                List.of(Optional.of(JdbcCatalog.read(db, database(), "seg")), Optional.<TableColumns>empty())) {
            BuildResult result = build(warehouse, "seg");
            createView(db, result, database(), "reflekt__seg__event_audit"); // offline, cart_viewed's would fail
            List<Map<String, Object>> audit = rows("reflekt__seg__event_audit");
            assertThat(audit)
                    .extracting(r -> r.get("event") + "|" + r.get("event_text") + "|" + r.get("event_count"))
                    .containsExactly("it_s_odd|It's {{ odd }}|1", "mystery_event|Mystery Event|2");
            assertThat(audit.get(1).get("first_seen").toString())
                    .startsWith(hoursAgo(3).substring(0, 13));
            assertThat(audit.get(1).get("last_seen").toString())
                    .startsWith(hoursAgo(2).substring(0, 13));
            // the singular test: one failing row per unplanned event
            String test = DbtJinja.render(
                    Files.readString(result.packageDir().resolve("tests/reflekt__seg__unplanned_events.sql")),
                    database(),
                    "stg");
            assertThat(rows(db, test)).hasSize(2);
        }
        // planning them empties the audit
        exec("delete from seg.tracks where event in ('mystery_event', 'it_s_odd')");
        createView(db, build(Optional.empty(), "seg"), database(), "reflekt__seg__event_audit");
        assertThat(rows("reflekt__seg__event_audit")).isEmpty();
    }

    @Test
    void schemasInferredFromTheWarehouseBuildBackToItWithNoDriftAndNothingUnplanned() throws Exception {
        TableColumns catalog = JdbcCatalog.read(db, database(), "seg");
        Dialect dialect = Dialect.of(dialect()).orElseThrow();
        List<LoadedEvent> events = Collector.require("segment")
                .loadedEvents(project.config().dbt(), dialect, catalog)
                .orElseThrow();
        assertThat(events)
                .extracting(e -> e.table() + "=" + e.name())
                .containsExactly(
                        "coupon_applied=Coupon Applied",
                        "identifies=Identify",
                        "order_completed=Order Completed",
                        "pages=Page Viewed");
        TestProject p = TestProject.create(dir.resolve("inferred"));
        List<String> skipped = new ArrayList<>();
        for (Draft d : WarehouseInference.drafts(events, catalog, "seg", "com.example", skipped::add)) {
            p.write("schemas/" + d.id(), dev.reflekt.core.registry.Json.pretty(d.json()));
        }
        assertThat(skipped).isEmpty();
        ReflektProject inferred = p.load();
        assertThat(new ObjectMapper()
                        .readTree(inferred.schemasDir()
                                .resolve("seg/Order_Completed/1-0.json")
                                .toFile())
                        .at("/properties/revenue/type")
                        .toString())
                .isEqualTo("[\"number\",\"null\"]");
        BuildResult result = new DbtBuilder(inferred)
                .build(
                        inferred.schemaFiles(),
                        new BuildTarget(dialect, dialect(), database(), "seg"),
                        "segment",
                        Optional.of(catalog));
        assertThat(result.drift()).isEmpty();
        assertThat(result.unplanned()).isEmpty();
        assertThat(createViews(result)).hasSize(7); // four events, users, tracks, the audit
        assertThat(rows("stg_seg__order_completed"))
                .extracting(r -> r.get("order_id"))
                .containsExactly("ord-1", "ord-2");
    }

    @Test
    void modelsBuiltFromTheWarehouseRunAndRenameAsSpecified() throws Exception {
        TableColumns catalog = JdbcCatalog.read(db, database(), "seg");
        BuildResult result = build(Optional.of(catalog), "seg");

        assertThat(result.drift())
                .extracting(Drift::describe)
                .containsExactlyInAnyOrder(
                        "table cart_viewed does not exist (schema shop/Cart_Viewed/2-0.json); its model was not generated",
                        "column order_completed.address_zip does not exist (schema shop/Order_Completed/1-0.json); left out"
                                + " of the model");
        assertThat(createViews(result))
                .containsExactlyInAnyOrder(
                        "stg_seg__coupon_applied",
                        "stg_seg__identifies",
                        "stg_seg__users",
                        "stg_seg__order_completed",
                        "stg_seg__pages",
                        "stg_seg__tracks",
                        "reflekt__seg__event_audit");

        List<Map<String, Object>> orders = rows("stg_seg__order_completed");
        assertThat(orders).hasSize(1); // the 2031 row is filtered by models.filter
        assertThat(orders.get(0).keySet())
                .containsExactly(
                        "event_id",
                        "event_name",
                        "original_tstamp",
                        "sent_at_tstamp",
                        "received_at_tstamp",
                        "tstamp",
                        "anonymous_id",
                        "user_id",
                        "ip",
                        "library_name",
                        "library_version",
                        "order_id",
                        "revenue",
                        "address_city",
                        "call_type",
                        "source_schema",
                        "source_table",
                        "schema_id",
                        "schema_metadata");
        assertThat(orders.get(0))
                .containsEntry("event_id", "o1")
                .containsEntry("address_city", "Paris")
                .containsEntry("call_type", "track")
                .containsEntry("source_schema", "seg")
                .containsEntry("source_table", "order_completed")
                .containsEntry("schema_id", "shop/Order_Completed/1-0.json");
        assertThat(new ObjectMapper()
                        .readTree((String) orders.get(0).get("schema_metadata"))
                        .path("code_owner")
                        .asText())
                .isEqualTo("a");

        Map<String, Object> coupon = rows("stg_seg__coupon_applied").get(0);
        assertThat(coupon)
                .containsEntry("_id", "coupon-7")
                .containsEntry("name", "SPRING")
                .containsEntry("_name", "SPRING")
                .containsEntry("_call_type", "sent-by-app")
                .containsEntry("call_type", "track");

        List<Map<String, Object>> users = rows("stg_seg__users");
        assertThat(users).extracting(u -> u.get("user_id")).containsExactly("user-1", "user-2"); // not filtered
        assertThat(users.get(0).keySet())
                .containsExactly(
                        "user_id",
                        "received_at_tstamp",
                        "email",
                        "plan",
                        "call_type",
                        "source_schema",
                        "source_table",
                        "schema_id");
        assertThat(users.get(0)).containsEntry("call_type", "identify");

        assertThat(rows("stg_seg__identifies").get(0))
                .containsEntry("identify_id", "i1")
                .containsEntry("plan", "pro");
        assertThat(rows("stg_seg__pages").get(0))
                .containsEntry("page_id", "p1")
                .containsEntry("name", "Home")
                .containsEntry("_name", "Home")
                .containsEntry("call_type", "page");
        Map<String, Object> track = rows("stg_seg__tracks").get(0);
        assertThat(track).containsEntry("event_name", "Order Completed").containsEntry("schema_id", null);
    }

    @Test
    void offlineBuildSelectsAlwaysPresentColumnsAndEveryPropertyAndRunsOnACompleteSchema() throws Exception {
        exec("create schema full_seg");
        for (String table : List.of("tracks", "identifies", "users", "pages", "order_completed", "coupon_applied")) {
            exec("create table full_seg." + table + " as select * from seg." + table);
        }
        exec("alter table full_seg.order_completed add column address_zip varchar");
        exec("create table full_seg.cart_viewed as select *, 'cart-1' as cart_id from seg.tracks");

        BuildResult result = build(Optional.empty(), "full_seg");
        assertThat(result.drift()).isEmpty();
        assertThat(createViews(result)).contains("stg_full_seg__cart_viewed__v2_0");
        assertThat(rows("stg_full_seg__cart_viewed__v2_0").get(0))
                .containsEntry("cart_id", "cart-1")
                .containsEntry("schema_id", "shop/Cart_Viewed/2-0.json");
        // Offline, context_ip is not selected: it is not always present.
        assertThat(rows("stg_full_seg__order_completed").get(0))
                .containsKey("address_zip")
                .doesNotContainKey("ip");
        assertThat(rows("stg_full_seg__users").get(0).keySet())
                .containsExactly(
                        "user_id",
                        "received_at_tstamp",
                        "email",
                        "plan",
                        "call_type",
                        "source_schema",
                        "source_table",
                        "schema_id");
    }
}
