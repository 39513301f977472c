package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CheckEventsCommand;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.events.CollectorTrust;
import dev.reflekt.core.events.EventCheck;
import dev.reflekt.core.events.LocalCollector;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's events, built with the generated classes and the Amplitude adapter ({@code AmplitudeEvents}), go
 * through the real Amplitude Java SDK ({@code com.amplitude:java-sdk}, which speaks HTTPS only) to the local
 * collector's HTTPS port, trusting only the collector's throwaway certificate: every event arrives as its schema
 * accepts it ({@code event_properties}; an identify's {@code $set}), and check-events finds nothing in the recording.
 */
class AmplitudeSdkEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theRealSdkDeliversWhatTheSchemasAcceptOverTheCollectorsHttps() throws Throwable {
        Path events = dir.resolve("events");
        LocalCollector collector = CollectorCommand.start(
                new CollectorCommand.Request(0, events, "events", LocalCollector.DEFAULT_MAX_BYTES, true),
                new LocalCollector.Listener() {});
        List<Object> samples;
        try (CollectorTrust trust = CollectorTrust.of(collector)) {
            assertThat(collector.httpsUrl()).get().asString().startsWith("https://127.0.0.1:");
            String senders = GeneratedJavaTest.resource("Senders.java.txt").replace("//AMPLITUDE ", "");
            Compilation.Result r = GeneratedJavaTest.compiled(
                    dir,
                    "amplitude",
                    Map.of(
                            "app/Samples.java",
                            GeneratedJavaTest.resource("Samples.java.txt"),
                            "app/Senders.java",
                            senders));
            @SuppressWarnings("unchecked")
            List<Object> all =
                    (List<Object>) r.load("app.Samples").getMethod("all").invoke(null);
            samples = all;
            r.load("app.Senders")
                    .getMethod("send", String.class)
                    .invoke(null, collector.httpsUrl().orElseThrow());
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (collector.recorded().getOrDefault("amplitude.ndjson", 0) < samples.size()) {
                assertThat(System.nanoTime())
                        .as("every event recorded within 30 s")
                        .isLessThan(end);
                Thread.sleep(50);
            }
        } finally {
            CollectorCommand.stop(collector);
        }
        assertThat(events.resolve(".tls")).doesNotExist(); // the key is not left behind

        List<String> lines = Files.readAllLines(events.resolve("amplitude.ndjson"));
        assertThat(lines).hasSize(samples.size()).noneMatch(l -> l.contains("api-key-123456"));
        Map<String, SchemaValidator> validators = GeneratedJavaTest.validators();
        for (int i = 0; i < samples.size(); i++) {
            Object sample = samples.get(i);
            JsonNode sent = JSON.readTree(lines.get(i));
            String name = (String) sample.getClass().getMethod("name").invoke(sample);
            boolean identify = name.equals("Identify");
            assertThat(sent.path("event_type").asText()).isEqualTo(identify ? "$identify" : name);
            JsonNode properties = identify ? sent.path("user_properties").path("$set") : sent.path("event_properties");
            ObjectNode expected = (ObjectNode)
                    JSON.readTree((String) sample.getClass().getMethod("toJson").invoke(sample));
            expected.properties().removeIf(e -> e.getValue().isNull());
            assertThat(properties).isEqualTo(expected);
            String schemaId = (String) sample.getClass().getMethod("schemaId").invoke(sample);
            assertThat(validators.get(schemaId).validate(properties))
                    .as(schemaId)
                    .isEmpty();
        }
        assertThat(JSON.readTree(lines.get(5)).path("device_id").asText()).isEqualTo("device-1");

        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        CheckEventsCommand.Outcome outcome = CheckEventsCommand.run(
                project,
                new CheckEventsCommand.Request(
                        dir, "events/*.ndjson", null, Severities.defaults(), new EventCheck.Options(false, false)));
        assertThat(outcome.result().count(Severity.ERROR))
                .as(outcome.result().files().toString())
                .isZero();
        assertThat(outcome.check().events().keySet())
                .contains("Cart Viewed", "Identify", "Order Completed", "Page Viewed", "Product Added");
    }
}
