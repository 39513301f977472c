package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.registry.ScriptedServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    private static final String TOKEN = "sgp_Secret-Token-123";

    private ScriptedServer server;
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpTransport transport(RetryPolicy policy) {
        return new HttpTransport(
                "Segment",
                policy,
                Map.of("Authorization", "Bearer " + TOKEN),
                body -> body.isBlank() ? "(empty body)" : body,
                log::add,
                waits::add);
    }

    private static RetryPolicy policy(int attempts, Duration total, Duration requestTimeout) {
        return new RetryPolicy(
                attempts, total, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(2), requestTimeout);
    }

    @Test
    void honoursRetryAfterThenSucceedsAndSendsCredentialsWithoutLoggingThem() throws Exception {
        server.then(new Reply(429, "{\"errors\":[{\"message\":\"slow down\"}]}", Map.of("Retry-After", "2"), 0))
                .then(Reply.of(200, "{\"ok\":true}"));
        HttpTransport.Response r = transport(RetryPolicy.defaults()).send("GET", server.uri("/plans"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(server.received)
                .hasSize(2)
                .allSatisfy(q -> assertThat(q.headers().get("Authorization")).containsExactly("Bearer " + TOKEN));
        assertThat(log)
                .singleElement()
                .asString()
                .contains("GET /plans failed (HTTP 429", "retrying in 2000 ms (attempt 2 of 5)")
                .doesNotContain(TOKEN);
    }

    @Test
    void rateLimitResetHeaderSetsTheWait() throws Exception {
        long reset = java.time.Instant.now().plusSeconds(3).getEpochSecond();
        server.then(new Reply(429, "", Map.of("X-RateLimit-Reset", String.valueOf(reset)), 0))
                .then(Reply.of(200, "{}"));
        transport(RetryPolicy.defaults()).send("GET", server.uri("/x"), null);
        assertThat(waits).singleElement().satisfies(d -> assertThat(d)
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    @Test
    void serverErrorsAreRetriedUpToTheBoundWithGrowingBackoff() {
        for (int i = 0; i < 10; i++) {
            server.then(Reply.of(503, "{\"message\":\"unavailable\"}"));
        }
        assertThatThrownBy(() -> transport(policy(4, Duration.ofMinutes(1), Duration.ofSeconds(5)))
                        .send("PUT", server.uri("/rules"), "{}"))
                .isInstanceOf(RegistryException.class)
                .hasMessage(
                        "Segment did not answer PUT /rules after 4 attempts: HTTP 503 {\"message\":\"unavailable\"}")
                .extracting(e -> ((RegistryException) e).status())
                .isEqualTo(503);
        assertThat(server.received).hasSize(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
    }

    @Test
    void theTotalTimeBoundStopsRetriesTheServerWouldMakeTooLong() {
        server.then(new Reply(429, "", Map.of("Retry-After", "20"), 0));
        assertThatThrownBy(() -> transport(policy(5, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                        .send("GET", server.uri("/x"), null))
                .hasMessageStartingWith("Segment did not answer GET /x after 1 attempt: HTTP 429");
        assertThat(waits).isEmpty();
    }

    @Test
    void aHungResponseTimesOutAndIsRetried() throws Exception {
        server.then(new Reply(200, "{}", Map.of(), 1500)).then(Reply.of(200, "{\"late\":false}"));
        HttpTransport.Response r = transport(policy(3, Duration.ofMinutes(1), Duration.ofMillis(300)))
                .send("GET", server.uri("/x"), null);
        assertThat(r.body()).isEqualTo("{\"late\":false}");
        assertThat(log).singleElement().asString().contains("HttpTimeoutException");
    }

    @Test
    void clientErrorsAreNotRetriedAndExpectOkExplainsThem() throws Exception {
        server.then(Reply.of(401, "{\"errors\":[{\"message\":\"invalid token\"}]}"));
        HttpTransport t = transport(RetryPolicy.defaults());
        HttpTransport.Response r = t.send("GET", server.uri("/plans"), null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(server.received).hasSize(1);
        assertThatThrownBy(() -> t.expectOk(r, "listing tracking plans"))
                .hasMessage(
                        "Segment refused listing tracking plans: HTTP 401 {\"errors\":[{\"message\":\"invalid token\"}]}")
                .hasMessageNotContaining(TOKEN);
    }
}
