package dev.reflekt.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CheckEventsCommand;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amplitude's HTTP V2 and Batch upload APIs on the local collector: bodies laid out as Amplitude documents them are
 * answered as Amplitude answers (ingested counts; missing and invalid fields by event index; 413 past the limits),
 * recorded one event a line without the api_key, and check-events then finds exactly the planted problems.
 */
class AmplitudeIngestionTest {

    private static final String CANARY = "CANARY-amp-4411";
    private static final String KEY = "SECRET-API-KEY-9f1";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void uploadsAreAnsweredAsAmplitudeDoesRecordedWithoutTheKeyAndChecked() throws Exception {
        ReflektProject project = TestProject.create(dir.resolve("p"))
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
                        "{\"plan\": {\"type\": \"string\", \"description\": \"P.\"}}")
                .load();
        LocalCollector collector = CollectorCommand.start(
                new CollectorCommand.Request(0, dir.resolve("p/events"), "events", LocalCollector.DEFAULT_MAX_BYTES),
                new LocalCollector.Listener() {});
        String url = collector.url();
        try {
            HttpResponse<String> ok = post(
                    url + "/2/httpapi",
                    "{\"api_key\": \"" + KEY + "\", \"events\": ["
                            + "{\"event_type\": \"Order Completed\", \"user_id\": \"user-1\", \"insert_id\": \"i-1\","
                            + " \"event_properties\": {\"order_id\": \"o-1\", \"revenue\": 12.5}},"
                            + "{\"event_type\": \"Order Completed\", \"device_id\": \"device-1\","
                            + " \"event_properties\": {\"revenue\": \"" + CANARY + "\"}},"
                            + "{\"event_type\": \"$identify\", \"user_id\": \"user-1\","
                            + " \"user_properties\": {\"$set\": {\"plan\": \"pro\"}}}]}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).startsWith("{\"code\":200,\"events_ingested\":3,\"payload_size_bytes\":");
            HttpResponse<String> batch = post(
                    url + "/batch",
                    "{\"api_key\": \"" + KEY
                            + "\", \"events\": [{\"event_type\": \"Mystery\", \"user_id\": \"user-1\"}]}");
            assertThat(batch.statusCode()).isEqualTo(200);

            // refused as Amplitude refuses, nothing recorded
            assertThat(post(url + "/2/httpapi", "{\"events\": []}").body())
                    .isEqualTo(
                            "{\"code\":400,\"error\":\"Request missing required field\",\"missing_field\":\"api_key\"}");
            HttpResponse<String> bad = post(
                    url + "/2/httpapi",
                    "{\"api_key\": \"k\", \"events\": ["
                            + "{\"user_id\": \"user-1\"}, {\"event_type\": \"A\"}, {\"event_type\": \"A\", \"user_id\": \"u1\"}]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body())
                    .contains("\"events_with_missing_fields\":{\"event_type\":[0],\"user_id\":[1]}")
                    .contains("\"events_with_invalid_fields\":{\"user_id\":[2]}");
            assertThat(post(
                                    url + "/2/httpapi",
                                    "{\"api_key\": \"k\", \"options\": {\"min_id_length\": 1}, \"events\":"
                                            + " [{\"event_type\": \"Order Completed\", \"user_id\": \"u\", \"event_properties\":"
                                            + " {\"order_id\": \"o-2\"}}]}")
                            .statusCode())
                    .isEqualTo(200);
            String many = "{\"event_type\": \"A\", \"user_id\": \"user-1\"},".repeat(2_001);
            assertThat(post(
                                    url + "/2/httpapi",
                                    "{\"api_key\": \"k\", \"events\": [" + many.substring(0, many.length() - 1) + "]}")
                            .statusCode())
                    .isEqualTo(413);
        } finally {
            CollectorCommand.stop(collector);
        }
        List<String> recorded = Files.readAllLines(dir.resolve("p/events/amplitude.ndjson"));
        assertThat(recorded).hasSize(5).allSatisfy(l -> assertThat(l)
                .doesNotContain(KEY)
                .doesNotContain("api_key")
                .contains("\"server_upload_time\":"));

        CheckEventsCommand.Outcome outcome = CheckEventsCommand.run(
                project,
                new CheckEventsCommand.Request(
                        dir.resolve("p"),
                        "events/*.ndjson",
                        null,
                        Severities.defaults(),
                        new EventCheck.Options(false, false)));
        List<String> found = outcome.result().findings().stream()
                .map(f -> f.file() + ":" + f.line() + " [" + f.rule().id() + "] "
                        + f.message().split(":")[0])
                .toList();
        assertThat(found)
                .containsExactlyInAnyOrder(
                        "events/amplitude.ndjson:2 [type] /event_properties/revenue",
                        "events/amplitude.ndjson:2 [required] /event_properties",
                        "events/amplitude.ndjson:4 [unplanned-event] /event_properties");
        assertThat(String.join("\n", found) + outcome.report()).doesNotContain(CANARY);
        assertThat(outcome.report()).contains("| `Order Completed` | 3 | 2 | 1 | 1-0 |");
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
