package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.amplitude.Amplitude;
import com.amplitude.Event;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.command.LoadEventsCommand;
import dev.reflekt.core.events.CollectorTrust;
import dev.reflekt.core.events.LocalCollector;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Amplitude Java SDK sends to the local collector's HTTPS port; {@code load-events} lays the recording out
 * as Amplitude's export ({@code events_123456}, JSON documents) in DuckDB; the Amplitude package built from that
 * warehouse's metadata runs every model with the values sent, the identify's properties and, per event, the user's
 * properties at the time; its audit finds the event type no schema plans; a second load replaces, not duplicates.
 */
class AmplitudeLoadEventsTest {

    @TempDir
    Path dir;

    @Test
    void sdkEventsLoadAsTheExportAndEveryModelRuns() throws Exception {
        Path events = dir.resolve("events");
        LocalCollector collector = CollectorCommand.start(
                new CollectorCommand.Request(0, events, "events", LocalCollector.DEFAULT_MAX_BYTES, true),
                new LocalCollector.Listener() {});
        try (CollectorTrust trust = CollectorTrust.of(collector)) {
            Amplitude amplitude = Amplitude.getInstance("reflekt-load-events");
            amplitude.init("api-key-123456");
            amplitude.setServerUrl(collector.httpsUrl().orElseThrow() + "/2/httpapi");
            Event identify = new Event("$identify", "user-1")
                    .setUserProperties(Map.of("$set", Map.of("plan", "pro", "seats", 3)));
            amplitude.logEvent(identify);
            amplitude.logEvent(new Event("Order Completed", "user-1")
                    .setEventProperties(Map.of(
                            "orderId",
                            "o1",
                            "total",
                            10.5,
                            "itemCount",
                            2,
                            "gift",
                            true,
                            "shipping",
                            Map.of("city", "Paris"),
                            "skus",
                            List.of("s1", "s2"),
                            "label",
                            "A")));
            amplitude.logEvent(new Event("Coupon Applied", "user-1").setEventProperties(Map.of("code", "X")));
            amplitude.flushEvents();
            amplitude.shutdown();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (collector.recorded().getOrDefault("amplitude.ndjson", 0) < 3) {
                assertThat(System.nanoTime())
                        .as("every event recorded within 30 s")
                        .isLessThan(end);
                Thread.sleep(50);
            }
        } finally {
            CollectorCommand.stop(collector);
        }
        Path warehouse = dir.resolve("warehouse.duckdb");
        ReflektProject project = AmplitudeFixture.write(
                        TestProject.create(dir.resolve("project"))
                                .write(
                                        "reflekt_profiles.yml",
                                        "dev:\n  source:\n    - {id: local, type: duckdb, path: " + warehouse + "}\n"),
                        "",
                        "view")
                .load();
        for (int load = 0; load < 2; load++) {
            LoadEventsCommand.Outcome outcome = LoadEventsCommand.run(
                    project,
                    new LoadEventsCommand.Request(
                            dir, "events/amplitude.ndjson", "local.warehouse.amp", "amplitude", "", Map.of()),
                    LoadEventsContract::driver,
                    m -> {});
            assertThat(outcome.tables()).containsExactly(AmplitudeFixture.TABLE);
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + warehouse)) {
            TableColumns catalog = JdbcCatalog.read(db, "warehouse", "amp");
            assertThat(catalog.column(AmplitudeFixture.TABLE, "event_properties")
                            .orElseThrow()
                            .dataType())
                    .isEqualToIgnoringCase("json");
            BuildResult result = new DbtBuilder(project)
                    .build(
                            project.schemaFiles(),
                            new BuildTarget(Dialect.of("duckdb").orElseThrow(), "duckdb", "warehouse", "amp"),
                            "amplitude",
                            Optional.of(catalog));
            assertThat(result.drift()).isEmpty();
            assertThat(ModelExecutionContract.createViews(db, result, "warehouse"))
                    .containsExactlyInAnyOrder(
                            "stg_amp__identify",
                            "stg_amp__order_completed",
                            "stg_amp__order_completed__v2",
                            "reflekt__amp__event_audit");
            assertThat(ModelExecutionContract.rows(
                            db,
                            "select order_id, total, item_count, gift, shipping_city, user_id"
                                    + " from stg.stg_amp__order_completed"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[o1, 10.5, 2, true, Paris, user-1]");
            assertThat(ModelExecutionContract.rows(db, "select label from stg.stg_amp__order_completed__v2"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[A]");
            assertThat(ModelExecutionContract.rows(db, "select plan, seats from stg.stg_amp__identify"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[pro, 3]");
            // the export's user_properties: the user's, once the event happened
            assertThat(ModelExecutionContract.rows(
                            db,
                            "select json_extract_string(user_properties, '/plan') as plan from amp."
                                    + AmplitudeFixture.TABLE + " where event_type = 'Order Completed'"))
                    .extracting(r -> r.get("plan"))
                    .containsExactly("pro");
            assertThat(ModelExecutionContract.rows(
                            db, "select event_type, event_count from stg.reflekt__amp__event_audit"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[Coupon Applied, 1]");
        }
    }
}
