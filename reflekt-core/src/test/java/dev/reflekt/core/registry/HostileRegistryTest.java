package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.registry.ScriptedServer.Reply;
import dev.reflekt.core.registry.avo.AvoClient;
import dev.reflekt.core.registry.confluent.ConfluentClient;
import dev.reflekt.core.registry.iglu.IgluClient;
import dev.reflekt.core.registry.segment.SegmentClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registries that act against the user: a redirect to another host (which must never see a credential), an
 * endless body, a body that trickles, {@code 429} forever, no server at all. Each ends quickly with a message
 * that says what happened.
 */
class HostileRegistryTest {

    private static final String SECRET = "s3cr3t-credential";

    private ScriptedServer registry;
    private ScriptedServer elsewhere;
    private final List<String> log = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        registry = new ScriptedServer();
        elsewhere = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        registry.close();
        elsewhere.close();
    }

    private HttpTransport transport(String name, Map<String, String> headers, RetryPolicy policy) {
        return new HttpTransport(name, policy, headers, Json::message, log::add, waits::add);
    }

    private static RetryPolicy quick(Duration requestTimeout, Duration deadline, long maxBody) {
        return new RetryPolicy(
                5,
                Duration.ofMinutes(2),
                Duration.ofMillis(10),
                Duration.ofDays(2),
                Duration.ofSeconds(2),
                requestTimeout,
                deadline,
                maxBody);
    }

    /** Each registry type's client, with its credential header, calling a read on {@code url}. */
    private RegistryClient client(String type, String url) {
        RetryPolicy p = RetryPolicy.defaults();
        return switch (type) {
            case "segment" ->
                new SegmentClient(
                        url, "com.example", transport("Segment", Map.of("Authorization", "Bearer " + SECRET), p));
            case "iglu" -> new IgluClient(url, transport("Iglu Server", Map.of("apikey", SECRET), p));
            case "confluent" ->
                new ConfluentClient(
                        url, null, transport("Schema registry", Map.of("Authorization", "Basic " + SECRET), p));
            case "avo" ->
                new AvoClient(
                        url,
                        "ws1",
                        "com.example",
                        Map.of(),
                        transport("Avo", Map.of("Authorization", "Basic " + SECRET), p));
            case "amplitude" ->
                new dev.reflekt.core.registry.amplitude.AmplitudeTaxonomy(
                        url,
                        "shop",
                        "com.example",
                        transport("Amplitude", Map.of("Authorization", "Basic " + SECRET), p));
            default -> throw new IllegalArgumentException(type);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"segment", "iglu", "confluent", "avo", "amplitude"})
    void aRedirectToAnotherOriginIsRefusedAndTheOtherHostHearsNothing(String type) {
        for (int i = 0; i < 5; i++) {
            registry.then(new Reply(
                    307, "", Map.of("Location", elsewhere.uri("/steal").toString()), 0));
        }
        String other = "http://127.0.0.1:" + elsewhere.uri("/").getPort();
        assertThatThrownBy(() -> client(type, registry.uri("").toString()).pull("", n -> {}))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("redirected to " + other)
                .hasMessageContaining("set the registry's url")
                .hasMessageNotContaining(SECRET);
        assertThat(elsewhere.received).isEmpty();
        assertThat(registry.received).hasSize(1);
    }

    @Test
    void aRedirectWithinTheOriginIsFollowedWithTheCredentials() throws Exception {
        registry.then(new Reply(308, "", Map.of("Location", "/moved/x"), 0)).then(Reply.of(200, "{\"ok\":1}"));
        HttpTransport t = transport("Iglu Server", Map.of("apikey", SECRET), RetryPolicy.defaults());
        assertThat(t.send("GET", registry.uri("/x"), null).body()).isEqualTo("{\"ok\":1}");
        assertThat(registry.received).extracting(ScriptedServer.Received::path).containsExactly("/x", "/moved/x");
        assertThat(registry.received.get(1).headers().get("Apikey")).containsExactly(SECRET);
    }

    @Test
    void anEndlessBodyStopsAtTheLimit() throws Exception {
        try (RawServer endless = new RawServer(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                out.write(chunk);
            }
            return null;
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport(
                                    "Iglu Server",
                                    Map.of(),
                                    quick(Duration.ofSeconds(30), Duration.ofMinutes(1), 1 << 20))
                            .send("GET", endless.uri("/api/schemas"), null))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("Iglu Server sent more than 1 MiB in answer to GET /api/schemas; Reflekt stops reading"
                            + " there (reflekt.registry.maxBodyMegabytes).");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aTricklingBodyIsCutAtTheExchangeTimeout() throws Exception {
        try (RawServer trickle = new RawServer(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(200);
            }
            return null;
        })) {
            RetryPolicy policy = new RetryPolicy(
                    2,
                    Duration.ofMinutes(1),
                    Duration.ofMillis(10),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(1),
                    1 << 20);
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport("Segment", Map.of(), policy).send("GET", trickle.uri("/plans"), null))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("Segment did not answer GET /plans after 2 attempts")
                    .hasMessageContaining("no complete answer within 1000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void retryAfterBeyondTheGoalsDeadlineStopsAtOnce() {
        for (int i = 0; i < 10; i++) {
            registry.then(new Reply(429, "{\"message\":\"slow down\"}", Map.of("Retry-After", "86400"), 0));
        }
        HttpTransport t =
                transport("Segment", Map.of(), quick(Duration.ofSeconds(5), Duration.ofSeconds(300), 1 << 20));
        assertThatThrownBy(() -> t.send("PUT", registry.uri("/rules"), "{}"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Segment: gave up on PUT /rules (HTTP 429 slow down): the registry's wait of 86400 s would"
                        + " pass the goal's deadline of 300 s (reflekt.registry.deadlineSeconds); try again later or"
                        + " raise it.");
        assertThat(waits).isEmpty();
        assertThat(registry.received).hasSize(1);
    }

    @Test
    void theDeadlineHoldsForTheWholeGoalNotEachRequest() throws Exception {
        // the deadline leaves the first request time even on a loaded 2-core machine; the sleep outlasts it
        HttpTransport t =
                transport("Segment", Map.of(), quick(Duration.ofSeconds(5), Duration.ofMillis(2000), 1 << 20));
        t.send("GET", registry.uri("/a"), null);
        Thread.sleep(2100);
        assertThatThrownBy(() -> t.send("GET", registry.uri("/b"), null))
                .hasMessage(
                        "Segment: the goal's deadline of 2 s (reflekt.registry.deadlineSeconds) passed before GET /b;"
                                + " try again later or raise it.");
        assertThat(registry.received).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsNotRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> transport("Schema registry", Map.of(), RetryPolicy.defaults())
                        .send("GET", java.net.URI.create("http://127.0.0.1:" + port + "/subjects"), null))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("Schema registry: cannot connect to 127.0.0.1:" + port);
        assertThat(waits).isEmpty();
        assertThat(log).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void thePushSummaryCountsWhatHappened() {
        PushPlan.Change create = new PushPlan.Change("a/A/1-0.json", PushPlan.Action.CREATE, "a", "", "{}");
        PushPlan.Change update = new PushPlan.Change("a/B/1-0.json", PushPlan.Action.UPDATE, "b", "", "{}");
        List<PushOutcome> outcomes = List.of(
                new PushOutcome(create, null), new PushOutcome(create, "HTTP 429"), new PushOutcome(update, "x"));
        assertThat(PushOutcome.summary(outcomes)).isEqualTo("1 created, 0 updated, 0 unchanged, 0 deleted, 2 failed");
    }

    /** A raw HTTP/1.1 server on loopback whose every connection is answered by {@code answer}, then closed. */
    private static final class RawServer implements AutoCloseable {
        interface Answer {
            Void write(OutputStream out) throws Exception;
        }

        private final ServerSocket socket;
        private final Thread thread;

        RawServer(Answer answer) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        s.getInputStream().read(new byte[8192]); // the request head
                        answer.write(s.getOutputStream());
                    } catch (Exception e) {
                        // the client hung up: what the test expects
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        java.net.URI uri(String path) {
            return java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
