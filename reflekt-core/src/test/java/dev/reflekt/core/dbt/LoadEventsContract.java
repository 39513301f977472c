package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.command.InferCommand;
import dev.reflekt.core.command.LoadEventsCommand;
import dev.reflekt.core.events.LocalCollector;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.WarehouseType;
import dev.reflekt.core.warehouse.Warehouses;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflekt:load-events}: what the real Segment SDK sent to the local collector, loaded into a warehouse in
 * Segment's layout, is what {@code build} models with nothing missing (the planned schema's columns all there, typed as
 * the schema says), what the package's audit finds unplanned in the rows, and what {@code infer} drafts back into a plan
 * that builds with no drift. The oracles are the builder's drift and unplanned reports and the models run on the
 * loaded rows, all independent of the loader. One subclass per warehouse.
 */
abstract class LoadEventsContract {

    static final String ORDER = """
            {"order_id": {"type": "string", "description": "Order."},
             "revenue": {"type": "number", "description": "Revenue."},
             "placed_at": {"type": "string", "format": "date-time", "description": "When."},
             "shipping": {"type": "object", "description": "Shipping.",
               "properties": {"city": {"type": "string", "description": "City."}}},
             "products": {"type": "array", "description": "Products.", "items": {"type": "object"}}}""";

    @TempDir
    Path dir;

    Path recording;

    /** The profile's source entry (YAML, one list item) for the test's database. */
    abstract String sourceEntry() throws Exception;

    /** The source id's database part. */
    abstract String database();

    /** A connection to the loaded database, to read and run models on. */
    abstract Connection connect() throws Exception;

    abstract String dialect();

    @AfterEach
    void dropDatabase() throws Exception {}

    @BeforeEach
    void record() throws Exception {
        recording = dir.resolve("recorded");
        LocalCollector collector = CollectorCommand.start(
                new CollectorCommand.Request(0, recording, "events", LocalCollector.DEFAULT_MAX_BYTES),
                new LocalCollector.Listener() {});
        try {
            Analytics segment =
                    Analytics.builder("write-key").endpoint(collector.url()).build();
            for (int i = 0; i < 5; i++) {
                segment.enqueue(TrackMessage.builder("Order Completed")
                        .messageId("m-order-" + i)
                        .userId("u-" + i)
                        .properties(Map.of(
                                "order_id", "o-" + i,
                                "revenue", i + 0.5,
                                "placed_at", "2026-12-0" + (1 + i) + "T10:00:00Z",
                                "shipping", Map.of("city", "Paris"),
                                "products", List.of(Map.of("sku", "s" + i)))));
            }
            segment.enqueue(TrackMessage.builder("Coupon Applied")
                    .messageId("m-c1")
                    .userId("u-1")
                    .properties(Map.of("code", "SPRING")));
            segment.enqueue(TrackMessage.builder("Coupon Applied")
                    .messageId("m-c2")
                    .userId("u-2")
                    .properties(Map.of("code", "FALL")));
            segment.enqueue(
                    IdentifyMessage.builder().messageId("m-i1").userId("u-1").traits(Map.of("plan", "pro")));
            segment.enqueue(
                    PageMessage.builder("Home").messageId("m-p1").userId("u-1").properties(Map.of("path", "/")));
            segment.flush();
            segment.shutdown();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (collector.recorded().getOrDefault("segment.ndjson", 0) < 9) {
                assertThat(System.nanoTime())
                        .as("every event recorded within 30 s")
                        .isLessThan(end);
                Thread.sleep(50);
            }
        } finally {
            CollectorCommand.stop(collector);
        }
    }

    TestProject project(String name, boolean planned) throws Exception {
        TestProject p = TestProject.create(dir.resolve(name))
                .write("reflekt_profiles.yml", "dev:\n  source:\n" + sourceEntry());
        if (planned) {
            p.schema("shop/Order_Completed/1-0.json", "Order Completed", ORDER);
        }
        return p;
    }

    LoadEventsCommand.Outcome load(ReflektProject project, String sdk) throws Exception {
        return LoadEventsCommand.run(
                project,
                new LoadEventsCommand.Request(
                        dir, "recorded/*.ndjson", "local." + database() + ".seg", sdk, "", Map.of()),
                LoadEventsContract::driver,
                m -> {});
    }

    static java.sql.Driver driver(WarehouseType type) {
        return type == WarehouseType.DUCKDB ? new org.duckdb.DuckDBDriver() : new org.postgresql.Driver();
    }

    BuildResult build(ReflektProject project, TableColumns catalog) throws Exception {
        Dialect d = Dialect.of(dialect()).orElseThrow();
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(d, dialect(), database(), "seg"),
                        "segment",
                        Optional.of(catalog));
    }

    @Test
    void loadedAsSegmentLoadsThePlanBuildsWithNoDriftAndTheAuditFindsTheUnplannedEvent() throws Exception {
        ReflektProject project = project("planned", true).load();
        LoadEventsCommand.Outcome outcome = load(project, "segment");
        assertThat(outcome.tables())
                .containsExactly("coupon_applied", "identifies", "order_completed", "pages", "tracks", "users");
        assertThat(outcome.written().rows()).isEqualTo(5 + 2 + 7 + 1 + 1 + 1);
        assertThat(outcome.problems()).isEmpty();
        try (Connection db = connect()) {
            TableColumns catalog = JdbcCatalog.read(db, catalogName(db), "seg");
            Map<String, ColumnType> types = new java.util.TreeMap<>();
            for (String c : catalog.columns("order_completed").orElseThrow()) {
                types.put(
                        c,
                        ColumnType.ofWarehouse(catalog.column("order_completed", c)
                                .orElseThrow()
                                .dataType()));
            }
            assertThat(types)
                    .containsEntry("id", ColumnType.STRING)
                    .containsEntry("order_id", ColumnType.STRING)
                    .containsEntry("revenue", ColumnType.NUMBER)
                    .containsEntry("placed_at", ColumnType.TIMESTAMP)
                    .containsEntry("shipping_city", ColumnType.STRING)
                    .containsEntry("products", ColumnType.STRING)
                    .containsEntry("received_at", ColumnType.TIMESTAMP)
                    .containsEntry("event_text", ColumnType.STRING)
                    .containsKey("context_library_name");

            BuildResult result = build(project, catalog);
            assertThat(result.drift()).as("every planned column loaded").isEmpty();
            assertThat(result.unplanned())
                    .extracting(u -> u.table() + "." + u.column())
                    .containsExactly("coupon_applied.");
            ModelExecutionContract.createViews(db, result, catalogName(db));
            assertThat(ModelExecutionContract.rows(
                            db, "select order_id, revenue, shipping_city from stg.stg_seg__order_completed order by 1"))
                    .extracting(r -> r.values().toString())
                    .containsExactly(
                            "[o-0, 0.5, Paris]",
                            "[o-1, 1.5, Paris]",
                            "[o-2, 2.5, Paris]",
                            "[o-3, 3.5, Paris]",
                            "[o-4, 4.5, Paris]");
            assertThat(ModelExecutionContract.rows(
                            db, "select event_text, event_count from stg.reflekt__seg__event_audit"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[Coupon Applied, 2]");
        }

        LoadEventsCommand.Outcome again = load(project, "segment");
        assertThat(again.written().tablesCreated()).isZero();
        try (Connection db = connect()) {
            assertThat(ModelExecutionContract.rows(db, "select count(*) as n from seg.order_completed"))
                    .extracting(r -> ((Number) r.get("n")).intValue())
                    .as("a message loaded twice is one row")
                    .containsExactly(5);
        }
    }

    @Test
    void inferredFromTheLoadedWarehouseBuildsBackWithNoDriftAndNothingUnplanned() throws Exception {
        ReflektProject project = project("unplanned", false).load();
        load(project, "segment");
        InferCommand.Outcome inferred = InferCommand.run(
                project,
                new InferCommand.Request(
                        dir, "", "local." + database() + ".seg", "segment", "", Map.of(), "seg", 0, false),
                LoadEventsContract::driver,
                m -> {},
                m -> {});
        assertThat(inferred.written()).hasSize(4); // coupon_applied, order_completed, identifies, pages
        ReflektProject planned = TestProject.create(dir.resolve("unplanned")).load();
        try (Connection db = connect()) {
            BuildResult result = build(planned, JdbcCatalog.read(db, catalogName(db), "seg"));
            assertThat(result.drift()).isEmpty();
            assertThat(result.unplanned()).isEmpty();
        }
    }

    /** The catalog {@code information_schema} names the test database by. */
    static String catalogName(Connection db) throws Exception {
        return ModelExecutionContract.rows(db, "select current_database() as d")
                .get(0)
                .get("d")
                .toString();
    }

    static Warehouses.DriverLoader drivers() {
        return LoadEventsContract::driver;
    }
}
