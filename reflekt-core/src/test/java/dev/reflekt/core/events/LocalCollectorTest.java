package dev.reflekt.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import com.snowplowanalytics.snowplow.tracker.Snowplow;
import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CheckEventsCommand;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.finding.JUnitReport;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local collector with the real SDKs (Segment analytics-java, RudderStack's Java SDK, Snowplow's Java tracker) as
 * its clients: what they send is answered as they expect, recorded one event a line, and check-events then finds
 * exactly the planted problems, located in the recording; hostile requests get the collector's documented statuses and
 * leave nothing recorded; the foreground console prints one line per event and never a value.
 */
class LocalCollectorTest {

    private static final String CANARY = "CANARY-77c1-personal";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    private ReflektProject project() throws Exception {
        return TestProject.create(dir.resolve("p"))
                .write(
                        "schemas/shop/Order_Completed/1-0.json",
                        TestProject.schemaJson(
                                        "shop/Order_Completed/1-0.json",
                                        "Order Completed",
                                        "1-0",
                                        "{\"order_id\": {\"type\": \"string\", \"description\": \"O.\"},"
                                                + " \"revenue\": {\"type\": \"number\", \"description\": \"R.\"}}")
                                .replace("\"properties\":", "\"required\": [\"order_id\"], \"properties\":"))
                .schema(
                        "shop/Identify/1-0.json",
                        "Identify",
                        "{\"email\": {\"type\": \"string\", \"description\": \"E.\"}}")
                .schema(
                        "shop/Button_Press/1-0.json",
                        "Button Press",
                        "{\"label\": {\"type\": \"string\", \"description\": \"L.\"}}")
                .schema("shop/Never_Sent/1-0.json", "Never Sent", "{}")
                .load();
    }

    private CollectorCommand.Request request(long maxBytes) {
        return new CollectorCommand.Request(0, dir.resolve("p/events"), "events", maxBytes);
    }

    /** Waits up to 30 s for {@code condition}. */
    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(end);
            Thread.sleep(50);
        }
    }

    private static void sendWithSdks(String url) {
        Analytics segment = Analytics.builder("write-key").endpoint(url).build();
        segment.enqueue(TrackMessage.builder("Order Completed")
                .userId("u-1")
                .properties(Map.of("order_id", "o-1", "revenue", 9.5)));
        segment.enqueue(TrackMessage.builder("Order Completed")
                .userId("u-1")
                .properties(Map.of("order_id", "o-2", "revenue", CANARY)));
        segment.enqueue(TrackMessage.builder("Order Completed").userId("u-1").properties(Map.of("revenue", 1)));
        segment.enqueue(TrackMessage.builder("Coupon Applied").userId("u-1").properties(Map.of("code", CANARY)));
        segment.enqueue(IdentifyMessage.builder().userId("u-1").traits(Map.of("email", CANARY)));
        segment.flush();
        segment.shutdown();

        com.rudderstack.sdk.java.analytics.RudderAnalytics rudder =
                com.rudderstack.sdk.java.analytics.RudderAnalytics.builder("write-key")
                        .setDataPlaneUrl(url)
                        .build();
        rudder.enqueue(com.rudderstack.sdk.java.analytics.messages.TrackMessage.builder("Order Completed")
                .userId("u-2")
                .properties(Map.of("order_id", "o-3")));
        rudder.flush();
        rudder.shutdown();

        // trackers are registered by namespace for the whole JVM: one of this test's own, removed after
        Tracker tracker = Snowplow.createTracker("local-collector-test", "shop", url);
        tracker.track(SelfDescribing.builder()
                .eventData(new SelfDescribingJson(
                        "iglu:com.example/Button_Press/jsonschema/1-0-0", Map.of("label", "Buy")))
                .build());
        tracker.track(SelfDescribing.builder()
                .eventData(
                        new SelfDescribingJson("iglu:com.example/Button_Press/jsonschema/1-0-0", Map.of("label", 42)))
                .build());
        tracker.getEmitter().flushBuffer();
        tracker.close();
        Snowplow.removeTracker(tracker);
    }

    @Test
    void theRealSdksAreRecordedAndCheckEventsFindsWhatWasPlanted() throws Exception {
        ReflektProject project = project();
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        LocalCollector collector =
                CollectorCommand.start(request(LocalCollector.DEFAULT_MAX_BYTES), new LocalCollector.Listener() {
                    @Override
                    public void refused(String request, int status, String why) {
                        refused.add(request + " " + status);
                    }
                });
        assertThat(collector.url()).startsWith("http://127.0.0.1:");
        try {
            sendWithSdks(collector.url());
            await(
                    () -> collector.recorded().getOrDefault("segment.ndjson", 0) == 6
                            && collector.recorded().getOrDefault("snowplow.ndjson", 0) == 2,
                    "6 Segment-style and 2 Snowplow events recorded");
        } finally {
            CollectorCommand.stop(collector);
        }
        assertThat(refused).isEmpty();
        // one event a line
        List<String> segment = Files.readAllLines(dir.resolve("p/events/segment.ndjson"));
        assertThat(segment)
                .hasSize(6)
                .allSatisfy(l -> assertThat(l).startsWith("{").doesNotContain("\"batch\""));

        CheckEventsCommand.Outcome outcome = CheckEventsCommand.run(
                project,
                new CheckEventsCommand.Request(
                        dir.resolve("p"),
                        "events/*.ndjson",
                        null,
                        Severities.defaults(),
                        new EventCheck.Options(false, false)));
        List<String> found = outcome.result().findings().stream()
                .map(f -> f.file() + " [" + f.rule().id() + "] " + f.message().split(":")[0])
                .toList();
        String typeLine = "events/segment.ndjson:" + (line(segment, CANARY + "\"") + 1);
        assertThat(found)
                .containsExactlyInAnyOrder(
                        "events/segment.ndjson [type] /properties/revenue",
                        "events/segment.ndjson [required] /properties",
                        "events/segment.ndjson [unplanned-event] /properties",
                        "events/snowplow.ndjson [type] /ue_px/data/data/label",
                        "schemas/shop/Never_Sent/1-0.json [unseen-event] event 'Never Sent' 1-0 was never sent in the"
                                + " recorded events");
        assertThat(outcome.result().findings())
                .filteredOn(f -> f.rule() == EventRule.TYPE && f.file().endsWith("segment.ndjson"))
                .extracting(f -> f.file() + ":" + f.line())
                .containsExactly(typeLine);
        String everything = String.join("\n", found)
                + outcome.report()
                + JUnitReport.render(outcome.result(), "check-events", false);
        assertThat(everything).doesNotContain(CANARY);
        // one test case per event name, passing ones too
        assertThat(outcome.result().files())
                .extracting(f -> f.name())
                .containsExactly(
                        "Coupon Applied",
                        "Identify",
                        "Never Sent",
                        "Order Completed",
                        "iglu:com.example/Button_Press/jsonschema/1-0-0");
        assertThat(outcome.report())
                .contains("| `Order Completed` | 4 | 2 | 2 | 1-0 |")
                .contains("| `Coupon Applied` | 1 | 0 | 1 | *unplanned* |")
                .contains("- `shop/Never_Sent/1-0.json`");
    }

    private static int line(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not recorded");
    }

    /** The foreground console: a ✓ line per accepted event, a ✗ line and its findings otherwise, no value. */
    @Test
    void theConsolePrintsOneLinePerEventAndNoValue() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        LocalCollector collector = CollectorCommand.startChecking(
                project(),
                request(LocalCollector.DEFAULT_MAX_BYTES),
                null,
                Severities.defaults(),
                new EventCheck.Options(false, false),
                out::add);
        try {
            post(
                    collector.url() + "/v1/track",
                    "application/json",
                    json("{\"userId\": \"u\", \"event\": \"Order Completed\", \"properties\": {\"order_id\": \"o\"}}"));
            post(
                    collector.url() + "/v1/track",
                    "application/json",
                    json(
                            "{\"userId\": \"u\", \"event\": \"Order Completed\", \"properties\": {\"order_id\": 5, \"n\": \""
                                    + CANARY + "\"}}"));
            post(collector.url() + "/v1/track", "application/xml", json("{}"));
            await(() -> out.size() >= 5, "the console lines");
        } finally {
            CollectorCommand.stop(collector);
        }
        assertThat(out)
                .containsExactly(
                        "✓ track 'Order Completed'  events/segment.ndjson:1",
                        "✗ track 'Order Completed'  events/segment.ndjson:2",
                        "    error [type] /properties/order_id: track 'Order Completed' (shop/Order_Completed/1-0.json):"
                                + " is an integer, not the type the schema declares; fix the app, or the schema if the"
                                + " plan is wrong",
                        "    warning [unplanned-property] /properties/n: track 'Order Completed'"
                                + " (shop/Order_Completed/1-0.json): 'n' is not declared in the schema; declare it in"
                                + " the schema, or stop sending it",
                        "✗ POST /v1/track refused (400): {\"success\":false,\"message\":\"the content type must be"
                                + " application/json\"}");
        assertThat(String.join("\n", out)).doesNotContain(CANARY);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> post(String url, String type, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /**
     * Hostile requests get each API's documented status, are never recorded, never quoted in what the collector says,
     * and the collector goes on serving.
     */
    @Test
    void hostileRequestsGetTheDocumentedStatusAndNothingIsRecorded() throws Exception {
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        LocalCollector collector = CollectorCommand.start(request(64 * 1024), new LocalCollector.Listener() {
            @Override
            public void refused(String request, int status, String why) {
                said.add(request + " " + status + " " + why);
            }
        });
        String url = collector.url();
        String message = "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"E\", \"properties\": {\"p\": \"";
        byte[] big = json(message + CANARY + "x".repeat(33 * 1024) + "\"}}");
        byte[] batch = json("{\"batch\": [" + (message + "x\"}},").repeat(2) + message + CANARY + "\"}}]}");
        byte[] gz = gzip(batch);
        try {
            // Segment: 400 for size, JSON, content type and gzip; 405 for GET
            assertThat(post(url + "/v1/track", "application/json", big).statusCode())
                    .isEqualTo(400);
            assertThat(post(
                                    url + "/v1/batch",
                                    "application/json",
                                    json("{\"batch\": [" + new String(big, StandardCharsets.UTF_8) + "]}"))
                            .statusCode())
                    .isEqualTo(400);
            byte[] huge = json("{\"batch\": [" + (message + "y".repeat(30 * 1024) + "\"}},").repeat(20) + "{}]}");
            assertThat(post(url + "/v1/batch", "application/json", huge).statusCode())
                    .isEqualTo(400);
            assertThat(post(url + "/v1/batch", "application/json", json(CANARY)).statusCode())
                    .isEqualTo(400);
            assertThat(post(url + "/v1/batch", "application/json", json("[".repeat(100) + "]".repeat(100)))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(post(
                                    url + "/v1/batch",
                                    "application/json",
                                    "{\"batch\": [{\"event\": \"Caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(post(url + "/v1/batch", "application/xml", batch).statusCode())
                    .isEqualTo(400);
            assertThat(post(
                                    url + "/v1/batch",
                                    "application/json",
                                    java.util.Arrays.copyOf(gz, gz.length / 2),
                                    "Content-Encoding",
                                    "gzip")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(HTTP.send(
                                    HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(405);
            // Snowplow: 413 over 1 MB, 400 for what is not JSON
            byte[] twoMegabytes = json(
                    "{\"schema\": \"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\", \"data\": [{\"e\": \"pv\", \"url\": \""
                            + "z".repeat(2 * 1024 * 1024) + "\"}]}");
            assertThat(post(
                                    url + "/com.snowplowanalytics.snowplow/tp2",
                                    "application/json; charset=utf-8",
                                    twoMegabytes)
                            .statusCode())
                    .isEqualTo(413);
            assertThat(post(url + "/com.snowplowanalytics.snowplow/tp2", "application/json", json(CANARY))
                            .statusCode())
                    .isEqualTo(400);
            // elsewhere: 404
            assertThat(post(url + "/v2/unknown", "application/json", batch).statusCode())
                    .isEqualTo(404);
            assertThat(collector.recorded()).isEmpty();

            // still serving: a gzip batch is taken, and a GET pixel
            HttpResponse<byte[]> ok = post(url + "/v1/import/", "application/json", gz, "Content-Encoding", "gzip");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("{\"success\":true}");
            HttpResponse<byte[]> pixel = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url + "/i?e=pv&url=" + CANARY))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pixel.statusCode()).isEqualTo(200);
            assertThat(pixel.headers().firstValue("Content-Type")).contains("image/gif");
            assertThat(collector.recorded()).containsEntry("segment.ndjson", 3).containsEntry("snowplow.ndjson", 1);

            // past the cap: 503, nothing more recorded
            byte[] filler =
                    json("{\"batch\": [" + (message + "f".repeat(20 * 1024) + "\"}},").repeat(3) + message + "\"}}]}");
            assertThat(post(url + "/v1/batch", "application/json", filler).statusCode())
                    .isEqualTo(200);
            assertThat(post(url + "/v1/batch", "application/json", filler).statusCode())
                    .isEqualTo(503);
            assertThat(collector.recorded()).containsEntry("segment.ndjson", 7);
        } finally {
            CollectorCommand.stop(collector);
        }
        assertThat(said).hasSize(13).allSatisfy(s -> assertThat(s).doesNotContain(CANARY));
        assertThat(Files.readString(dir.resolve("p/events/snowplow.ndjson")))
                .isEqualTo("{\"e\":\"pv\",\"url\":\"" + CANARY + "\"}\n");
    }
}
