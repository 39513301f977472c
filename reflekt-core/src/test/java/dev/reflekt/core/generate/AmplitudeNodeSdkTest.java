package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.events.LocalCollector;
import dev.reflekt.core.project.ReflektProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated TypeScript, compiled by {@code tsc --strict} against the real {@code @amplitude/analytics-node}
 * (npm, installed by {@code scripts/test-databases.sh}) and run by Node: the SDK module itself is the client the
 * track and identify functions take, and what it delivers to the local collector is what the schemas accept.
 * Skipped, loudly, where the package is not installed; a failure on CI.
 */
class AmplitudeNodeSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theNodeSdkIsTheClientAndDeliversWhatTheSchemasAccept() throws Exception {
        Path tools = Path.of(System.getenv()
                .getOrDefault(
                        "REFLEKT_TEST_TOOLS_DIR", System.getProperty("user.home") + "/.cache/reflekt-test-tools"));
        Path sdk = tools.resolve("node_modules/@amplitude/analytics-node/package.json");
        boolean present = Files.isRegularFile(sdk) && Files.isExecutable(tools.resolve("node_modules/.bin/tsc"));
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError(
                    "@amplitude/analytics-node is missing on CI; scripts/test-databases.sh installs it");
        }
        if (!present) {
            System.err.println("SKIPPED AmplitudeNodeSdkTest: no " + sdk + " (scripts/test-databases.sh start)");
        }
        Assumptions.assumeTrue(present, "@amplitude/analytics-node is not installed");

        Path ts = dir.resolve("ts");
        Generator.run(
                ReflektProject.load(TestProject.EXAMPLE),
                new GenerateRequest(List.of("typescript"), "x", dir.resolve("java"), ts, "amplitude", null, "TEST"));
        Files.createSymbolicLink(ts.resolve("node_modules"), tools.resolve("node_modules"));
        Files.writeString(ts.resolve("app.ts"), """
                import * as amplitude from "@amplitude/analytics-node";
                import { trackOrderCompleted, trackIdentify } from "./events";

                declare const process: { env: Record<string, string | undefined> };

                async function main(): Promise<void> {
                  await amplitude.init("api-key-node-123456", { serverUrl: process.env.COLLECTOR + "/2/httpapi", flushIntervalMillis: 50 }).promise;
                  trackOrderCompleted(amplitude, { order_id: "o-1", revenue: 12.5, currency: "EUR", products: [] }, { user_id: "user-1" });
                  trackIdentify(amplitude, new amplitude.Identify(), { email: "ada@example.com", first_name: null }, { user_id: "user-1" });
                  await amplitude.flush().promise;
                }
                main();
                """);
        List<String> compile = List.of(
                tools.resolve("node_modules/.bin/tsc").toString(),
                "--strict",
                "--target",
                "es2020",
                "--module",
                "commonjs",
                "--lib",
                "es2020,dom",
                "--skipLibCheck",
                "--outDir",
                "out",
                "events.ts",
                "app.ts");
        Run tsc = run(ts, compile, null);
        assertThat(tsc.output()).isEmpty();

        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        LocalCollector collector = CollectorCommand.start(
                new CollectorCommand.Request(0, dir.resolve("events"), "events", LocalCollector.DEFAULT_MAX_BYTES),
                new LocalCollector.Listener() {
                    @Override
                    public void refused(String request, int status, String why) {
                        refused.add(request + " " + status + " " + why);
                    }
                });
        try {
            Run node = run(ts, List.of("node", "out/app.js"), collector.url());
            assertThat(node.exit()).as(node.output()).isZero();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (collector.recorded().getOrDefault("amplitude.ndjson", 0) < 2) {
                assertThat(System.nanoTime())
                        .as("both events recorded within 30 s; node said: " + node.output() + "; refused: " + refused)
                        .isLessThan(end);
                Thread.sleep(50);
            }
        } finally {
            CollectorCommand.stop(collector);
        }
        List<JsonNode> sent = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events/amplitude.ndjson"))) {
            sent.add(JSON.readTree(line));
        }
        assertThat(sent).extracting(e -> e.path("event_type").asText()).containsExactly("Order Completed", "$identify");
        var validators = GeneratedJavaTest.validators();
        assertThat(validators
                        .get("jaffle_shop/Order_Completed/1-0.json")
                        .validate(sent.get(0).path("event_properties")))
                .isEmpty();
        assertThat(sent.get(1).path("user_properties").path("$set"))
                .isEqualTo(JSON.readTree("{\"email\": \"ada@example.com\"}"));
        assertThat(sent).allSatisfy(e -> assertThat(e.path("user_id").asText()).isEqualTo("user-1"));
        assertThat(Files.readString(dir.resolve("events/amplitude.ndjson"))).doesNotContain("api-key-node-123456");
    }

    private record Run(int exit, String output) {}

    private static Run run(Path cwd, List<String> command, String collector) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        if (collector != null) {
            b.environment().put("COLLECTOR", collector);
        }
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
