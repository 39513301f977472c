package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
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
 * The RudderStack models run on a real warehouse: raw tables named and shaped as RudderStack's warehouse
 * destinations load them ({@link RudderStackFixture}: {@code _3d_model_viewed}, {@code _pages},
 * {@code checkout_v3_started}) are seeded, the package built from the warehouse's metadata and offline, every
 * model created as a view, and its columns and rows checked. One subclass per warehouse.
 */
abstract class RudderStackExecutionContract extends WarehouseContract {

    /** The columns rudder-server's transformer writes for every call, and the loader's uuid_ts. */
    private static final String COMMON = "id varchar, anonymous_id varchar, user_id varchar, sent_at timestamp,"
            + " \"timestamp\" timestamp, received_at timestamp, original_timestamp timestamp, channel varchar,"
            + " context_ip varchar, context_request_ip varchar, context_library_name varchar,"
            + " context_library_version varchar, uuid_ts timestamp";

    private static final String ROW = "'anon-1', 'user-1', '2024-05-01 10:00:01', '2024-05-01 10:00:00', '%s',"
            + " '2024-05-01 10:00:00', 'web', '10.0.0.1', '10.0.0.1', 'RudderLabs JavaScript SDK', '3.0.0',"
            + " '2024-05-01 10:05:00'";

    @TempDir
    Path dir;

    private Connection db;
    private ReflektProject project;

    @BeforeEach
    void seed() throws Exception {
        db = open();
        project = RudderStackFixture.write(TestProject.create(dir), "").load();
        String early = ROW.formatted("2024-05-01 10:00:02");
        String late = ROW.formatted("2031-01-01 00:00:00");
        exec("create schema rs");
        exec("create table rs.tracks (" + COMMON + ", event_text varchar, event varchar)");
        exec("create table rs.identifies (" + COMMON + ", email varchar, first_name varchar,"
                + " context_traits_email varchar)");
        exec("create table rs.users (id varchar, received_at timestamp, uuid_ts timestamp, email varchar,"
                + " first_name varchar)");
        exec("create table rs.pages (" + COMMON + ", name varchar, path varchar, context_page_title varchar)");
        exec("create table rs._pages (" + COMMON + ", event_text varchar, event varchar, section varchar)");
        exec("create table rs._3d_model_viewed (" + COMMON + ", event_text varchar, event varchar,"
                + " model_id varchar, _order bigint)");
        exec("create table rs.checkout_v3_started (" + COMMON + ", event_text varchar, event varchar,"
                + " cart_value double precision)");
        exec("insert into rs.tracks values ('t1', " + early + ", 'Checkout v3 Started', 'checkout_v3_started'),"
                + " ('t2', " + early + ", 'pages', '_pages')");
        exec("insert into rs.identifies values ('i1', " + early + ", 'a@example.com', 'Ada', 'a@example.com')");
        exec("insert into rs.users values ('user-1', '2024-05-01', '2024-05-01', 'a@example.com', 'Ada')");
        exec("insert into rs.pages values ('p1', " + early + ", 'Home', '/', 'Jaffles')");
        exec("insert into rs._pages values ('g1', " + early + ", 'pages', '_pages', 'catalog')");
        exec("insert into rs._3d_model_viewed values ('m1', " + early + ", '3D Model Viewed', '_3d_model_viewed',"
                + " 'teapot', 3)");
        exec("insert into rs.checkout_v3_started values ('c1', " + early + ", 'Checkout v3 Started',"
                + " 'checkout_v3_started', 42.5), ('c2', " + late
                + ", 'Checkout v3 Started', 'checkout_v3_started', 1)");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        cleanUp();
    }

    private void exec(String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private BuildResult build(Optional<TableColumns> warehouse) throws Exception {
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), "rs"),
                        "rudderstack",
                        warehouse);
    }

    private List<String> createViews(BuildResult result) throws Exception {
        return ModelExecutionContract.createViews(db, result, database());
    }

    private List<Map<String, Object>> rows(String model) throws Exception {
        return ModelExecutionContract.rows(db, "select * from stg." + model + " order by 1");
    }

    @Test
    void modelsBuiltFromTheWarehouseRunOnRudderStacksTables() throws Exception {
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, database(), "rs")));
        assertThat(result.drift())
                .extracting(Drift::describe)
                .containsExactly("column checkout_v3_started.address_zip_code does not exist"
                        + " (schema shop/Checkout_v3_Started/1-0.json); left out of the model");
        assertThat(createViews(result))
                .containsExactlyInAnyOrder(
                        "stg_rs__identifies",
                        "stg_rs__users",
                        "stg_rs__pages",
                        "stg_rs___pages",
                        "stg_rs___3d_model_viewed",
                        "stg_rs__checkout_v3_started",
                        "stg_rs__tracks",
                        "reflekt__rs__event_audit");

        List<Map<String, Object>> checkouts = rows("stg_rs__checkout_v3_started");
        assertThat(checkouts).hasSize(1); // the 2031 row is filtered by models.filter
        assertThat(checkouts.get(0).keySet())
                .containsExactly(
                        "event_id",
                        "event_name",
                        "event_table",
                        "original_tstamp",
                        "sent_at_tstamp",
                        "received_at_tstamp",
                        "tstamp",
                        "anonymous_id",
                        "user_id",
                        "channel",
                        "ip",
                        "request_ip",
                        "library_name",
                        "library_version",
                        "uuid_ts",
                        "cart_value",
                        "call_type",
                        "source_schema",
                        "source_table",
                        "schema_id",
                        "schema_metadata");
        assertThat(checkouts.get(0))
                .containsEntry("event_id", "c1")
                .containsEntry("channel", "web")
                .containsEntry("event_name", "Checkout v3 Started")
                .containsEntry("event_table", "checkout_v3_started")
                .containsEntry("source_table", "checkout_v3_started");
        assertThat(((Number) checkouts.get(0).get("cart_value")).doubleValue()).isEqualTo(42.5);

        assertThat(rows("stg_rs___3d_model_viewed").get(0))
                .containsEntry("model_id", "teapot")
                .containsEntry("source_table", "_3d_model_viewed");
        assertThat(((Number) rows("stg_rs___3d_model_viewed").get(0).get("_order")).intValue())
                .isEqualTo(3);
        assertThat(rows("stg_rs___pages").get(0))
                .containsEntry("section", "catalog")
                .containsEntry("call_type", "track");
        assertThat(rows("stg_rs__pages").get(0))
                .containsEntry("page_id", "p1")
                .containsEntry("name", "Home")
                .containsEntry("page_title", "Jaffles")
                .containsEntry("call_type", "page")
                .doesNotContainKey("_name");
        assertThat(rows("stg_rs__identifies").get(0)).containsEntry("first_name", "Ada");
        assertThat(rows("stg_rs__users").get(0))
                .containsEntry("user_id", "user-1")
                .containsEntry("first_name", "Ada");
        assertThat(rows("stg_rs__tracks"))
                .extracting(r -> r.get("event_table"))
                .containsExactly("checkout_v3_started", "_pages");
    }

    /** RudderStack's own tables are no event; a table of an event nobody planned is. */
    @Test
    void schemasInferredFromRudderStacksTablesBuildBackToThemWithNoDriftAndNothingUnplanned() throws Exception {
        TableColumns catalog = JdbcCatalog.read(db, database(), "rs");
        Dialect dialect = Dialect.of(dialect()).orElseThrow();
        List<LoadedEvent> events = Collector.require("rudderstack")
                .loadedEvents(project.config().dbt(), dialect, catalog)
                .orElseThrow();
        assertThat(events)
                .extracting(e -> e.table() + "=" + e.name())
                .containsExactly(
                        "_3d_model_viewed=3d Model Viewed",
                        "_pages=Pages",
                        "checkout_v3_started=Checkout V3 Started",
                        "identifies=Identify",
                        "pages=Page Viewed");
        TestProject p = TestProject.create(dir.resolve("inferred"));
        for (dev.reflekt.core.infer.Draft d :
                dev.reflekt.core.infer.WarehouseInference.drafts(events, catalog, "rs", "com.example", s -> {
                    throw new AssertionError(s);
                })) {
            p.write("schemas/" + d.id(), dev.reflekt.core.registry.Json.pretty(d.json()));
        }
        ReflektProject inferred = p.load();
        BuildResult result = new DbtBuilder(inferred)
                .build(
                        inferred.schemaFiles(),
                        new BuildTarget(dialect, dialect(), database(), "rs"),
                        "rudderstack",
                        Optional.of(catalog));
        assertThat(result.drift()).isEmpty();
        assertThat(result.unplanned()).isEmpty();
        assertThat(ModelExecutionContract.createViews(db, result, database())).hasSize(8);
    }

    @Test
    void rudderStacksOwnTablesAreNotUnplanned() throws Exception {
        exec("create table rs.rudder_discards (" + COMMON + ", column_name varchar, column_value varchar)");
        exec("create table rs.wishlist_shared (" + COMMON + ", event_text varchar, event varchar)");
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, database(), "rs")));
        assertThat(result.unplanned())
                .filteredOn(u -> u.column().isEmpty())
                .extracting(Unplanned::table)
                .containsExactly("wishlist_shared");
    }

    @Test
    void offlineBuildSelectsWhatRudderStackAlwaysLoadsAndRuns() throws Exception {
        exec("alter table rs.checkout_v3_started add column address_zip_code varchar");
        BuildResult result = build(Optional.empty());
        assertThat(result.drift()).isEmpty();
        createViews(result);
        Map<String, Object> checkout = rows("stg_rs__checkout_v3_started").get(0);
        assertThat(checkout)
                .containsKeys("address_zip_code", "channel", "uuid_ts", "event_table")
                .doesNotContainKeys("ip", "request_ip");
        assertThat(rows("stg_rs__users").get(0).keySet())
                .containsExactly(
                        "user_id",
                        "received_at_tstamp",
                        "uuid_ts",
                        "email",
                        "first_name",
                        "call_type",
                        "source_schema",
                        "source_table",
                        "schema_id");
    }
}
