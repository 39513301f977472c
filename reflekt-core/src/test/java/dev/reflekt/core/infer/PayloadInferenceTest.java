package dev.reflekt.core.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import com.snowplowanalytics.snowplow.tracker.Snowplow;
import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CheckEventsCommand;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.command.InferCommand;
import dev.reflekt.core.events.EventCheck;
import dev.reflekt.core.events.LocalCollector;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflekt:infer} from events the real SDKs sent to the local collector. The oracle is {@code check-events}: the
 * drafts accept every event they were inferred from (its validator is networknt's, independent of the inference).
 */
class PayloadInferenceTest {

    private static final String CANARY = "CANARY-5f0e-personal@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path recording;

    /** Records, once per test, what the Segment SDK and the Snowplow tracker send. */
    @BeforeEach
    void record() throws Exception {
        Path events = dir.resolve("recorded");
        LocalCollector collector = CollectorCommand.start(
                new CollectorCommand.Request(0, events, "events", LocalCollector.DEFAULT_MAX_BYTES),
                new LocalCollector.Listener() {});
        try {
            Analytics segment =
                    Analytics.builder("write-key").endpoint(collector.url()).build();
            for (int i = 0; i < 30; i++) {
                Map<String, Object> order = new HashMap<>();
                order.put(
                        "order_id",
                        java.util.UUID.nameUUIDFromBytes(("o" + i).getBytes()).toString());
                order.put("revenue", i % 2 == 0 ? i : i + 0.5);
                order.put("currency", List.of("USD", "EUR", "GBP").get(i % 3));
                order.put("placed_at", "2026-12-0" + (1 + i % 9) + "T10:00:00Z");
                order.put("buyer_email", i == 7 ? CANARY : "buyer" + i + "@example.com");
                order.put("products", List.of(Map.of("sku", "s" + i, "quantity", 1 + i % 4)));
                order.put("shipping", Map.of("city", "Paris", "express", i % 2 == 0));
                if (i % 3 == 0) {
                    order.put("coupon", "SPRING");
                }
                if (i % 5 != 0) {
                    order.put("note", "n");
                }
                segment.enqueue(
                        TrackMessage.builder("Order Completed").userId("u-" + i).properties(order));
            }
            segment.enqueue(IdentifyMessage.builder().userId("u-1").traits(Map.of("email", CANARY, "plan", "pro")));
            segment.enqueue(TrackMessage.builder("../../escape").userId("u-1").properties(Map.of("a", 1)));
            segment.enqueue(TrackMessage.builder("Bell\u0007Rung").userId("u-1").properties(Map.of("a", 1)));
            segment.flush();
            segment.shutdown();

            Tracker tracker = Snowplow.createTracker("payload-inference-test", "shop", collector.url());
            for (int i = 0; i < 3; i++) {
                tracker.track(SelfDescribing.builder()
                        .eventData(new SelfDescribingJson(
                                "iglu:com.acme/button_press/jsonschema/1-0-2", Map.of("label", "Buy", "count", i)))
                        .customContext(List.of(new SelfDescribingJson(
                                "iglu:com.acme/product/jsonschema/1-0-0", Map.of("sku", "s" + i))))
                        .build());
            }
            tracker.getEmitter().flushBuffer();
            tracker.close();
            Snowplow.removeTracker(tracker);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (collector.recorded().getOrDefault("segment.ndjson", 0) < 33
                    || collector.recorded().getOrDefault("snowplow.ndjson", 0) < 3) {
                assertThat(System.nanoTime())
                        .as("every event recorded within 30 s")
                        .isLessThan(end);
                Thread.sleep(50);
            }
        } finally {
            CollectorCommand.stop(collector);
        }
        recording = events;
        // the SDK sends no null; a message whose property is null, as other senders write it
        Files.writeString(
                events.resolve("segment.ndjson"),
                "{\"type\": \"track\", \"event\": \"Field Cleared\", \"messageId\": \"m-1\", \"properties\":"
                        + " {\"x\": null}}\n{\"type\": \"track\", \"event\": \"Field Cleared\", \"messageId\":"
                        + " \"m-2\", \"properties\": {\"x\": \"a\"}}\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    private ReflektProject project(String name) throws Exception {
        return TestProject.create(dir.resolve(name)).load();
    }

    private InferCommand.Outcome infer(ReflektProject project, String globs, int maxEnum, boolean force)
            throws Exception {
        return InferCommand.run(
                project,
                new InferCommand.Request(dir, globs, "", "", "", Map.of(), "inferred", maxEnum, force),
                type -> {
                    throw new AssertionError("no warehouse");
                },
                m -> {},
                m -> {});
    }

    /** Every file under {@code schemas/inferred}, path → content. */
    private static Map<String, String> files(ReflektProject project) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Path root = project.schemasDir().resolve("inferred");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void theDraftsAcceptEveryEventTheyWereInferredFromAndKeepNoValue() throws Exception {
        ReflektProject project = project("p");
        InferCommand.Outcome outcome = infer(project, "recorded/*.ndjson", 0, false);
        assertThat(outcome.written())
                .extracting(w -> InferCommand.file(w).orElseThrow())
                .containsExactly(
                        "schemas/inferred/Field_Cleared/1-0.json",
                        "schemas/inferred/Identify/1-0.json",
                        "schemas/inferred/Order_Completed/1-0.json",
                        "schemas/inferred/button_press/1-2.json",
                        "schemas/inferred/product/1-0.json");
        assertThat(outcome.skipped())
                .hasSize(2)
                .anySatisfy(s -> assertThat(s)
                        .startsWith("'../../escape' (1 event): its name makes a folder name beginning with '.'"))
                .anySatisfy(s -> assertThat(s).startsWith("'Bell\\u0007Rung' (1 event)"));
        try (Stream<Path> walk = Files.walk(dir)) {
            assertThat(walk.map(Path::toString)).noneMatch(p -> p.contains("escape") || p.contains("Bell"));
        }
        Map<String, String> written = files(project);
        assertThat(String.join("\n", written.values())).doesNotContain(CANARY).doesNotContain("SPRING");

        // the oracle: check-events, with the drafts as the plan, finds nothing in what they came from
        CheckEventsCommand.Outcome check = CheckEventsCommand.run(
                project,
                new CheckEventsCommand.Request(
                        dir,
                        "recorded/*.ndjson",
                        "inferred",
                        Severities.defaults(),
                        new EventCheck.Options(true, false)));
        assertThat(check.result().findings()).extracting(Finding::message).allSatisfy(m -> assertThat(m)
                .contains("has no schema in the plan")); // the two hostile names
        assertThat(check.result().findings()).hasSize(2);

        JsonNode order = JSON.readTree(written.get("Order_Completed/1-0.json"));
        assertThat(order.at("/self/name").asText()).isEqualTo("Order Completed");
        assertThat(order.at("/self/vendor").asText()).isEqualTo("com.example");
        assertThat(order.at("/$id").asText()).isEqualTo("inferred/Order_Completed/1-0.json");
        assertThat(order.path("required").toString())
                .isEqualTo("[\"buyer_email\",\"currency\",\"order_id\",\"placed_at\",\"products\",\"revenue\","
                        + "\"shipping\"]");
        assertThat(order.at("/properties/order_id/format").asText()).isEqualTo("uuid");
        assertThat(order.at("/properties/placed_at/format").asText()).isEqualTo("date-time");
        assertThat(order.at("/properties/buyer_email/format").asText()).isEqualTo("email");
        assertThat(order.at("/properties/revenue/type").asText()).isEqualTo("number");
        assertThat(order.at("/properties/note/type").asText()).isEqualTo("string");
        assertThat(JSON.readTree(written.get("Field_Cleared/1-0.json"))
                        .at("/properties/x/type")
                        .toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(order.at("/properties/currency").has("enum")).isFalse(); // maxEnumValues 0: never
        assertThat(order.at("/properties/products/items/properties/quantity/type")
                        .asText())
                .isEqualTo("integer");
        assertThat(order.at("/properties/products/items/required").toString()).isEqualTo("[\"quantity\",\"sku\"]");
        assertThat(order.at("/properties/shipping/properties/express/type").asText())
                .isEqualTo("boolean");
        JsonNode button = JSON.readTree(written.get("button_press/1-2.json"));
        assertThat(button.at("/self/vendor").asText()).isEqualTo("com.acme");
        assertThat(button.at("/self/version").asText()).isEqualTo("1-2");
        assertThat(JSON.readTree(written.get("product/1-0.json"))
                        .at("/self/kind")
                        .asText())
                .isEqualTo("entity");

        // lint reports every placeholder until a person writes it
        assertThat(outcome.lint().findings())
                .filteredOn(f -> f.rule().id().equals("inferred-description"))
                .extracting(f -> f.file() + " " + f.message())
                .contains(
                        "schemas/inferred/Order_Completed/1-0.json the event has the description reflekt:infer left"
                                + " for a person to write",
                        "schemas/inferred/Order_Completed/1-0.json '/properties/order_id' has the description"
                                + " reflekt:infer left for a person to write");
    }

    @Test
    void enumsOnlyUpToTheLimitAndTheSameInputGivesTheSameBytesInAnyOrder() throws Exception {
        ReflektProject project = project("p");
        infer(project, "recorded/*.ndjson", 3, false);
        Map<String, String> first = files(project);
        JsonNode order = JSON.readTree(first.get("Order_Completed/1-0.json"));
        assertThat(order.at("/properties/currency/enum").toString()).isEqualTo("[\"EUR\",\"GBP\",\"USD\"]");
        assertThat(JSON.readTree(first.get("Field_Cleared/1-0.json"))
                        .at("/properties/x/enum")
                        .toString())
                .isEqualTo("[\"a\",null]");
        assertThat(order.at("/properties/buyer_email").has("enum")).isFalse(); // 30 values > 3

        // the same events in reverse order, in another project: the same bytes
        Path reversed = dir.resolve("reversed/segment.ndjson");
        Files.createDirectories(reversed.getParent());
        List<String> lines = new ArrayList<>(Files.readAllLines(recording.resolve("segment.ndjson")));
        Collections.reverse(lines);
        Files.write(reversed, lines);
        Files.copy(recording.resolve("snowplow.ndjson"), reversed.resolveSibling("snowplow.ndjson"));
        ReflektProject other = project("other");
        infer(other, "reversed/*.ndjson", 3, false);
        assertThat(files(other)).isEqualTo(first);
    }

    @Test
    void anExistingFileIsKeptUnlessForcedAndBadRequestsAreClearErrors() throws Exception {
        ReflektProject project = project("p");
        infer(project, "recorded/*.ndjson", 0, false);
        Path order = project.schemasDir().resolve("inferred/Order_Completed/1-0.json");
        Files.writeString(order, "{\"edited\": \"by a person\"}");
        InferCommand.Outcome again = infer(project, "recorded/*.ndjson", 0, false);
        assertThat(again.kept()).containsExactly("schemas/inferred/Order_Completed/1-0.json");
        assertThat(again.unchanged()).hasSize(4);
        assertThat(again.written()).isEmpty();
        assertThat(Files.readString(order)).contains("by a person");
        InferCommand.Outcome forced = infer(project, "recorded/*.ndjson", 0, true);
        assertThat(forced.written()).hasSize(1);
        assertThat(Files.readString(order)).doesNotContain("by a person");

        assertThatThrownBy(() -> infer(project, "nothing/*.ndjson", 0, false))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("matches no file");
        assertThatThrownBy(() -> InferCommand.run(
                        project,
                        new InferCommand.Request(dir, "", "", "", "", Map.of(), "../up", 0, false),
                        type -> null,
                        m -> {},
                        m -> {}))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("neither");
        assertThatThrownBy(() -> InferCommand.run(
                        project,
                        new InferCommand.Request(dir, "recorded/*.ndjson", "", "", "", Map.of(), "../up", 0, false),
                        type -> null,
                        m -> {},
                        m -> {}))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("-Dreflekt.infer.folder='../up'");
    }
}
