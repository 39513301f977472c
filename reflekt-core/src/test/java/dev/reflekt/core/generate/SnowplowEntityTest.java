package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.internal.json.SchemaValidator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snowplow entities ({@code self.kind: entity}) are contexts, not events: the Java adapter makes a
 * {@code SelfDescribingJson} of one for the tracker's {@code customContext}, TypeScript a {@code {schema, data}} for
 * the browser tracker's {@code context}; neither can be sent as an event, and the Segment adapter has nothing for
 * them. The real Snowplow Java tracker sends an event with two contexts to a local collector.
 */
class SnowplowEntityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String entity(String id, String name, String properties) {
        return TestProject.schemaJson(id, name, "1-0", properties)
                .replace("\"format\": \"jsonschema\",", "\"format\": \"jsonschema\",\n    \"kind\": \"entity\",");
    }

    private TestProject project() {
        return TestProject.create(dir.resolve("p"))
                .schema(
                        "shop/Product_Viewed/1-0.json",
                        "Product Viewed",
                        "{\"product_id\": {\"type\": \"string\", \"description\": \"P.\"}}")
                .write(
                        "schemas/shop/Product/1-0.json",
                        entity(
                                "shop/Product/1-0.json",
                                "Product",
                                "{\"product_id\": {\"type\": \"string\", \"description\": \"P.\"},"
                                        + " \"price\": {\"type\": \"number\", \"minimum\": 0, \"description\": \"Q.\"}}"))
                .write(
                        "schemas/shop/Page_Context/1-0.json",
                        entity(
                                "shop/Page_Context/1-0.json",
                                "Page Context",
                                "{\"path\": {\"type\": \"string\", \"description\": \"P.\"}}"));
    }

    private Map<String, String> generate(TestProject p, String sdk, List<String> languages) throws Exception {
        Generator.run(
                p.load(),
                new GenerateRequest(
                        languages, "x.events", dir.resolve("out/java"), dir.resolve("out/ts"), sdk, null, "T"));
        return languages.contains("java")
                ? new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"))
                : new TreeMap<>();
    }

    @Test
    void theJavaTrackerSendsAnEventWithTwoEntitiesAsContexts() throws Exception {
        TestProject p = project();
        Map<String, String> sources = generate(p, "snowplow", List.of("java"));
        sources.put("app/Send.java", """
                package app;

                import x.events.*;

                public final class Send {
                    public static void send(String url) {
                        com.snowplowanalytics.snowplow.tracker.Tracker tracker =
                                com.snowplowanalytics.snowplow.tracker.Snowplow.createTracker("t", "shop", url);
                        tracker.track(SnowplowEvents.selfDescribing(ProductViewed.builder().productId("p-1").build())
                                .customContext(java.util.List.of(
                                        SnowplowEvents.context(Product.builder().productId("p-1").price(2.5).build()),
                                        SnowplowEvents.context(PageContext.builder().path("/p").build())))
                                .build());
                        tracker.getEmitter().flushBuffer();
                        tracker.close();
                    }
                }
                """);
        Compilation.Result compiled = Compilation.compile(dir.resolve("c"), sources);
        assertThat(compiled.errors()).isEmpty();

        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        collector.start();
        JsonNode payload;
        try {
            compiled.load("app.Send")
                    .getMethod("send", String.class)
                    .invoke(null, "http://127.0.0.1:" + collector.getAddress().getPort());
            JsonNode body = received.poll(30, TimeUnit.SECONDS);
            assertThat(body).as("a tp2 payload within 30 s").isNotNull();
            payload = body.path("data").get(0);
        } finally {
            collector.stop(0);
        }
        assertThat(payload.path("e").asText()).isEqualTo("ue");
        JsonNode contexts = payload.has("co")
                ? JSON.readTree(payload.get("co").asText())
                : JSON.readTree(Base64.getUrlDecoder()
                        .decode(payload.get("cx").asText().replace('+', '-').replace('/', '_')));
        assertThat(contexts.path("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1");
        List<String> uris = new ArrayList<>();
        for (JsonNode c : contexts.path("data")) {
            uris.add(c.path("schema").asText());
            String file = c.path("schema").asText().contains("Product") ? "Product" : "Page_Context";
            JsonNode schema = JSON.readTree(Files.readString(dir.resolve("p/schemas/shop/" + file + "/1-0.json")));
            assertThat(SchemaValidator.compile("https://x.test/" + file, schema).validate(c.path("data")))
                    .as(c.toString())
                    .isEmpty();
        }
        assertThat(uris)
                .containsExactly(
                        "iglu:com.example/Product/jsonschema/1-0-0", "iglu:com.example/Page_Context/jsonschema/1-0-0");
        assertThat(contexts.at("/data/0/data").toString()).isEqualTo("{\"product_id\":\"p-1\",\"price\":2.5}");
    }

    @Test
    void anEntityIsNotAnEventInAnyAdapter() throws Exception {
        TestProject p = project();
        for (var use : Map.of(
                        "snowplow",
                        "SnowplowEvents.selfDescribing(Product.builder().build())",
                        "segment",
                        "SegmentMessages.track(Product.builder().build())")
                .entrySet()) {
            Map<String, String> sources = generate(p, use.getKey(), List.of("java"));
            sources.put(
                    "app/Bad.java",
                    "package app;\n\nimport x.events.*;\n\nfinal class Bad {\n    Object bad() {\n        return "
                            + use.getValue() + ";\n    }\n}\n");
            Compilation.Result r = Compilation.compile(dir.resolve("c-" + use.getKey()), sources);
            assertThat(r.errors()).as(use.getKey()).isNotEmpty().allMatch(e -> e.startsWith("app/Bad.java:"));
        }
    }

    @Test
    void typeScriptMakesContextsForTheBrowserTracker() throws Exception {
        GeneratedTypeScriptTest.findTsc();
        generate(project(), "snowplow", List.of("typescript"));
        Path ts = dir.resolve("out/ts");
        String events = Files.readString(ts.resolve("events.ts"));
        assertThat(events).contains("export function contextProduct(").doesNotContain("export function trackProduct(");
        Files.writeString(ts.resolve("good.ts"), """
                import { trackProductViewed, contextProduct, contextPageContext } from "./events";

                const sent: unknown[] = [];
                const snowplow = { trackSelfDescribingEvent(e: unknown) { sent.push(e); } };
                trackProductViewed(snowplow, { product_id: "p-1" },
                    [contextProduct({ product_id: "p-1", price: 2.5 }), contextPageContext({ path: "/p" })]);
                console.log(JSON.stringify(sent));
                """);
        GeneratedTypeScriptTest.Run compile = GeneratedTypeScriptTest.run(
                ts,
                GeneratedTypeScriptTest.tscArgs("--outDir", "out", "events.ts", "good.ts")
                        .toArray(String[]::new));
        assertThat(compile.output()).isEmpty();
        GeneratedTypeScriptTest.Run node = GeneratedTypeScriptTest.run(ts, "node", "out/good.js");
        JsonNode sent = JSON.readTree(node.output()).get(0);
        assertThat(sent.at("/event/schema").asText()).isEqualTo("iglu:com.example/Product_Viewed/jsonschema/1-0-0");
        assertThat(sent.path("context").toString())
                .isEqualTo(
                        "[{\"schema\":\"iglu:com.example/Product/jsonschema/1-0-0\",\"data\":{\"product_id\":\"p-1\","
                                + "\"price\":2.5}},{\"schema\":\"iglu:com.example/Page_Context/jsonschema/1-0-0\","
                                + "\"data\":{\"path\":\"/p\"}}]");
        Files.writeString(ts.resolve("bad.ts"), """
                import { trackProductViewed } from "./events";
                const snowplow = { trackSelfDescribingEvent(e: unknown) {} };
                trackProductViewed(snowplow, { product_id: "p-1" }, [{ schema: "iglu:x/y/jsonschema/1-0-0" }]);
                """);
        GeneratedTypeScriptTest.Run bad = GeneratedTypeScriptTest.run(
                ts,
                GeneratedTypeScriptTest.tscArgs("--noEmit", "events.ts", "bad.ts")
                        .toArray(String[]::new));
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.output()).contains("bad.ts");
    }
}
