package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.reflekt.core.internal.json.SchemaValidator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events built with the generated classes go through the real SDKs (Segment analytics-java, RudderStack's Java SDK,
 * Snowplow's Java tracker) to a local HTTP collector; what arrives is what the source schemas accept, every event of
 * the example project included, nested arrays of objects too.
 */
class SdkEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer collector;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();

    private record Request(String method, String path, JsonNode body) {}

    @BeforeEach
    void startCollector() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            InputStream in = new ByteArrayInputStream(raw);
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
                in = new GZIPInputStream(in);
            }
            byte[] body = in.readAllBytes();
            received.add(new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    body.length == 0 ? null : JSON.readTree(body)));
            byte[] ok = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + collector.getAddress().getPort();
    }

    /** Compiles the events with {@code sdk}'s adapter and the sender for it, then sends every sample. */
    private List<Object> send(String sdk) throws Throwable {
        String senders =
                GeneratedJavaTest.resource("Senders.java.txt").replace("//" + sdk.toUpperCase(Locale.ROOT) + " ", "");
        Compilation.Result r = GeneratedJavaTest.compiled(
                dir,
                sdk,
                Map.of(
                        "app/Samples.java",
                        GeneratedJavaTest.resource("Samples.java.txt"),
                        "app/Senders.java",
                        senders));
        r.load("app.Senders").getMethod("send", String.class).invoke(null, url());
        @SuppressWarnings("unchecked")
        List<Object> samples =
                (List<Object>) r.load("app.Samples").getMethod("all").invoke(null);
        return samples;
    }

    /** The messages of analytics-java style batches until {@code count} have arrived. */
    private List<JsonNode> batchMessages(int count, String path) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        while (out.size() < count) {
            Request r = received.poll(30, TimeUnit.SECONDS);
            assertThat(r)
                    .as("a batch within 30 s; got " + out.size() + " of " + count)
                    .isNotNull();
            assertThat(r.method() + " " + r.path()).isEqualTo("POST " + path);
            r.body().path("batch").forEach(out::add);
        }
        return out;
    }

    private static String property(Object event, String method) throws Exception {
        return (String) event.getClass().getMethod(method).invoke(event);
    }

    private void assertAccepted(List<Object> samples, List<JsonNode> sent, String propertiesKey) throws Exception {
        Map<String, SchemaValidator> validators = GeneratedJavaTest.validators();
        assertThat(sent).hasSize(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Object sample = samples.get(i);
            JsonNode message = sent.get(i);
            boolean identify = property(sample, "name").equals("Identify");
            assertThat(message.path("type").asText()).isEqualTo(identify ? "identify" : "track");
            if (!identify) {
                assertThat(message.path("event").asText()).isEqualTo(property(sample, "name"));
            }
            assertThat(message.path("userId").asText()).isEqualTo("u-1");
            JsonNode properties = message.path(identify ? "traits" : propertiesKey);
            // analytics-java cannot carry a null value: the adapter leaves such properties out
            JsonNode expected = JSON.readTree(property(sample, "toJson"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) expected)
                    .properties()
                    .removeIf(e -> e.getValue().isNull());
            assertThat(properties).isEqualTo(expected);
            assertThat(validators.get(property(sample, "schemaId")).validate(properties))
                    .as(property(sample, "schemaId") + " " + properties)
                    .isEmpty();
        }
    }

    @Test
    void segmentAnalyticsJavaDeliversWhatTheSchemasAccept() throws Throwable {
        List<Object> samples = send("segment");
        assertAccepted(samples, batchMessages(samples.size(), "/v1/import/"), "properties");
    }

    @Test
    void rudderStackJavaSdkDeliversWhatTheSchemasAccept() throws Throwable {
        List<Object> samples = send("rudderstack");
        assertAccepted(samples, batchMessages(samples.size(), "/v1/batch"), "properties");
    }

    @Test
    void snowplowJavaTrackerDeliversSelfDescribingEventsTheSchemasAccept() throws Throwable {
        List<Object> samples = send("snowplow");
        List<JsonNode> events = new ArrayList<>();
        while (events.size() < samples.size()) {
            Request r = received.poll(30, TimeUnit.SECONDS);
            assertThat(r).as("a payload within 30 s; got " + events.size()).isNotNull();
            assertThat(r.method() + " " + r.path()).isEqualTo("POST /com.snowplowanalytics.snowplow/tp2");
            r.body().path("data").forEach(events::add);
        }
        Map<String, SchemaValidator> validators = GeneratedJavaTest.validators();
        for (int i = 0; i < samples.size(); i++) {
            JsonNode payload = events.get(i);
            assertThat(payload.path("e").asText()).isEqualTo("ue");
            JsonNode unstruct = payload.has("ue_pr")
                    ? JSON.readTree(payload.get("ue_pr").asText())
                    : JSON.readTree(Base64.getUrlDecoder()
                            .decode(payload.get("ue_px")
                                    .asText()
                                    .replace('+', '-')
                                    .replace('/', '_')));
            assertThat(unstruct.path("schema").asText())
                    .isEqualTo("iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0");
            Object sample = samples.get(i);
            assertThat(unstruct.at("/data/schema").asText()).isEqualTo(property(sample, "schemaUri"));
            JsonNode data = unstruct.at("/data/data");
            assertThat(data).isEqualTo(JSON.readTree(property(sample, "toJson")));
            assertThat(validators.get(property(sample, "schemaId")).validate(data))
                    .as(data.toString())
                    .isEmpty();
        }
    }
}
