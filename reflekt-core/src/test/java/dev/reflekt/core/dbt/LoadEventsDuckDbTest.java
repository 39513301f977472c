package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.snowplowanalytics.snowplow.tracker.Snowplow;
import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.events.PageView;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.command.LoadEventsCommand;
import dev.reflekt.core.events.LocalCollector;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link LoadEventsContract} on a DuckDB file, as the archetype's local profile has it; and Snowplow's STRUCT layout. */
class LoadEventsDuckDbTest extends LoadEventsContract {

    @Override
    String sourceEntry() {
        return "    - {id: local, type: duckdb, path: " + dir.resolve("warehouse.duckdb") + "}\n";
    }

    @Override
    String database() {
        return "warehouse";
    }

    @Override
    Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
    }

    @Override
    String dialect() {
        return "duckdb";
    }

    /**
     * The real Snowplow tracker's events, loaded as atomic.events with STRUCT columns: the Snowplow package built from
     * it models the planned events and entity with their values, reports the unplanned event's column, and its audit
     * finds that event in the rows (Snowplow's own page view is not unplanned).
     */
    @Test
    void snowplowEventsLoadIntoStructColumnsThePackageModels() throws Exception {
        Path events = dir.resolve("snowplow");
        LocalCollector collector = CollectorCommand.start(
                new CollectorCommand.Request(0, events, "snowplow", LocalCollector.DEFAULT_MAX_BYTES),
                new LocalCollector.Listener() {});
        try {
            Tracker tracker = Snowplow.createTracker("load-events-test", "shop", collector.url());
            tracker.track(SelfDescribing.builder()
                    .eventData(new SelfDescribingJson(
                            "iglu:com.example/button_press/jsonschema/1-1-0",
                            Map.of(
                                    "buttonId",
                                    "b1",
                                    "clickCount",
                                    3,
                                    "position",
                                    Map.of("xCoord", 1.5, "yCoord", 2.5))))
                    .customContext(List.of(new SelfDescribingJson(
                            "iglu:com.example/product/jsonschema/1-0-0", Map.of("sku", "s1", "unitPrice", 9.5))))
                    .build());
            tracker.track(SelfDescribing.builder()
                    .eventData(new SelfDescribingJson(
                            "iglu:com.example/button_press/jsonschema/2-0-0", Map.of("buttonId", "b2", "label", "Buy")))
                    .build());
            tracker.track(SelfDescribing.builder()
                    .eventData(new SelfDescribingJson(
                            "iglu:com.example/video_played/jsonschema/1-0-0", Map.of("seconds", 3)))
                    .build());
            tracker.track(PageView.builder().pageUrl("https://shop.example/").build());
            tracker.getEmitter().flushBuffer();
            tracker.close();
            Snowplow.removeTracker(tracker);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (collector.recorded().getOrDefault("snowplow.ndjson", 0) < 4) {
                assertThat(System.nanoTime())
                        .as("every event recorded within 30 s")
                        .isLessThan(end);
                Thread.sleep(50);
            }
        } finally {
            CollectorCommand.stop(collector);
        }
        ReflektProject project = SnowplowFixture.write(
                        TestProject.create(dir.resolve("snowplow-project"))
                                .write("reflekt_profiles.yml", "dev:\n  source:\n" + sourceEntry()),
                        "")
                .load();
        LoadEventsCommand.Outcome outcome = LoadEventsCommand.run(
                project,
                new LoadEventsCommand.Request(
                        dir, "snowplow/*.ndjson", "local.warehouse.atomic", "snowplow", "", Map.of()),
                LoadEventsContract::driver,
                m -> {});
        assertThat(outcome.tables()).containsExactly("events");
        assertThat(outcome.written().rows()).isEqualTo(4);
        try (Connection db = connect()) {
            var catalog = JdbcCatalog.read(db, "warehouse", "atomic");
            assertThat(catalog.column("events", "unstruct_event_com_example_button_press_1")
                            .orElseThrow()
                            .dataType())
                    .startsWith("STRUCT(");
            assertThat(catalog.column("events", "contexts_com_example_product_1")
                            .orElseThrow()
                            .dataType())
                    .endsWith("[]");
            BuildResult result = new DbtBuilder(project)
                    .build(
                            project.schemaFiles(),
                            new BuildTarget(Dialect.of("duckdb").orElseThrow(), "duckdb", "warehouse", "atomic"),
                            "snowplow",
                            Optional.of(catalog));
            assertThat(result.unplanned())
                    .extracting(u -> u.table() + "." + u.column())
                    .containsExactly("events.unstruct_event_com_example_video_played_1");
            ModelExecutionContract.createViews(db, result, "warehouse");
            assertThat(ModelExecutionContract.rows(
                            db,
                            "select button_id, click_count, position_x_coord"
                                    + " from stg.stg_atomic__com_example_button_press_1"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[b1, 3, 1.5]");
            assertThat(ModelExecutionContract.rows(
                            db, "select button_id, label" + " from stg.stg_atomic__com_example_button_press_2"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[b2, Buy]");
            assertThat(ModelExecutionContract.rows(
                            db, "select sku, unit_price from stg.stg_atomic__com_example_product_1"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[s1, 9.5]");
            assertThat(ModelExecutionContract.rows(
                            db,
                            "select event_vendor, event_name, event_version, event_count"
                                    + " from stg.reflekt__atomic__event_audit"))
                    .extracting(r -> r.values().toString())
                    .containsExactly("[com.example, video_played, 1-0-0, 1]");
        }
    }
}
