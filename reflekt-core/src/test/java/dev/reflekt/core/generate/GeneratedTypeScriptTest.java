package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tsc --strict} (TypeScript from npm, installed by {@code scripts/test-databases.sh}) accepts the generated
 * {@code events.ts} and right uses, refuses a missing required property, a wrong enum value and an unknown
 * property; the track functions, run by Node, send what the schemas accept. Skipped, loudly, where tsc is not
 * installed; a failure on CI.
 */
class GeneratedTypeScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path tsc;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTsc() {
        if (tsc != null) {
            return;
        }
        String tools = System.getenv()
                .getOrDefault("REFLEKT_TEST_TOOLS_DIR", System.getProperty("user.home") + "/.cache/reflekt-test-tools");
        Path found = Path.of(tools, "node_modules", ".bin", "tsc");
        boolean present = Files.isExecutable(found);
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("tsc is missing on CI at " + found + "; scripts/test-databases.sh installs it");
        }
        Assumptions.assumeTrue(
                present, "TypeScript is not installed at " + found + " (scripts/test-databases.sh start)");
        tsc = found;
    }

    private Path generate(String sdk) throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        Path out = dir.resolve("ts");
        Generator.run(
                project, new GenerateRequest(List.of("typescript"), "x", dir.resolve("java"), out, sdk, null, "TEST"));
        return out;
    }

    record Run(int exit, String output) {}

    static Run run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    static List<String> tscArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                tsc.toString(), "--strict", "--target", "es2020", "--module", "commonjs", "--lib", "es2020,dom"));
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * An event named like a global type does not shadow it (tsc would say "Type 'Array' is not generic" on every
     * list), and a constant property {@code __proto__} is sent as a property, not set as the prototype.
     */
    @Test
    void namesFromSchemasShadowNoGlobalAndSetNoPrototype() throws Exception {
        TestProject p = TestProject.create(dir.resolve("p"))
                .schema("shop/Array/1-0.json", "Array", """
                        {"tags": {"type": "array", "items": {"type": "string"}, "description": "T."},
                         "__proto__": {"type": "string", "const": "sent", "description": "P."},
                         "nested": {"type": "object", "description": "N.", "properties": {
                           "inner": {"type": "object", "const": {"__proto__": "x", "a": 1}, "description": "I."}}}}""")
                .schema("shop/Record/1-0.json", "Record", """
                        {"extra": {"type": "object", "description": "E."}}""");
        Path ts = dir.resolve("ts2");
        Generator.run(
                p.load(),
                new GenerateRequest(List.of("typescript"), "x", dir.resolve("java2"), ts, "segment", null, "T"));
        String events = Files.readString(ts.resolve("events.ts"));
        assertThat(events).doesNotContain("export interface Array ").doesNotContain("export interface Record ");
        Files.writeString(ts.resolve("use.ts"), """
                import * as ev from "./events";
                const calls: Array<{ event: string; properties?: Record<string, unknown> }> = [];
                const analytics = {
                  track(event: string, properties?: Record<string, unknown>) { calls.push({ event, properties }); },
                  identify(userId: string, traits?: Record<string, unknown>) {},
                };
                for (const name of Object.keys(ev)) {
                  const f = (ev as Record<string, unknown>)[name];
                  if (typeof f === "function" && name.startsWith("track") && name.includes("Array")) {
                    (f as (a: unknown, p: unknown) => void)(analytics, { tags: ["a"] });
                  }
                }
                const p = calls[0].properties as Record<string, unknown>;
                console.log(JSON.stringify({ own: Object.prototype.hasOwnProperty.call(p, "__proto__"),
                  value: Object.getOwnPropertyDescriptor(p, "__proto__")?.value, proto: Object.getPrototypeOf(p) === Object.prototype }));
                """);
        Run compile = run(ts, tscArgs("--outDir", "out", "events.ts", "use.ts").toArray(String[]::new));
        assertThat(compile.output()).isEmpty();
        assertThat(compile.exit()).isZero();
        Run node = run(ts, "node", "out/use.js");
        assertThat(node.exit()).as(node.output()).isZero();
        assertThat(JSON.readTree(node.output()))
                .isEqualTo(JSON.readTree("{\"own\": true, \"value\": \"sent\", \"proto\": true}"));
    }

    @Test
    void rightUsesCompileAndSendWhatTheSchemasAccept() throws Exception {
        Path ts = generate("segment");
        Files.writeString(ts.resolve("good.ts"), """
                import { trackOrderCompleted, trackIdentify, trackPageViewed, OrderCompleted } from "./events";

                const calls: unknown[] = [];
                const analytics = {
                  track(event: string, properties?: Record<string, unknown>) { calls.push({ method: "track", event, properties }); },
                  identify(userId: string, traits?: Record<string, unknown>) { calls.push({ method: "identify", userId, traits }); },
                };
                const order: OrderCompleted = {
                  order_id: "o-1",
                  revenue: 12.5,
                  currency: "EUR",
                  products: [{ product_id: "p-1", quantity: 2, toppings: [{ topping_name: "cheese" }] }],
                };
                trackOrderCompleted(analytics, order);
                trackIdentify(analytics, "u-1", { email: "ada@example.com", first_name: null });
                trackPageViewed(analytics, { path: "/menu", referrer: null });
                console.log(JSON.stringify(calls));
                """);
        Run compile = run(ts, tscArgs("--outDir", "out", "events.ts", "good.ts").toArray(String[]::new));
        assertThat(compile.output()).isEmpty();
        assertThat(compile.exit()).isZero();
        Run node = run(ts, "node", "out/good.js");
        assertThat(node.exit()).as(node.output()).isZero();
        JsonNode calls = JSON.readTree(node.output());
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).path("event").asText()).isEqualTo("Order Completed");
        Map<String, dev.reflekt.core.internal.json.SchemaValidator> validators = GeneratedJavaTest.validators();
        assertThat(validators
                        .get("jaffle_shop/Order_Completed/1-0.json")
                        .validate(calls.get(0).path("properties")))
                .isEmpty();
        assertThat(calls.get(1).path("userId").asText()).isEqualTo("u-1");
        assertThat(validators
                        .get("jaffle_shop/Identify/1-0.json")
                        .validate(calls.get(1).path("traits")))
                .isEmpty();
        assertThat(validators
                        .get("jaffle_shop/Page_Viewed/1-0.json")
                        .validate(calls.get(2).path("properties")))
                .isEmpty();
    }

    /**
     * Amplitude's browser and Node SDKs: {@code track(eventType, eventProperties)}, and identify through the SDK's
     * {@code Identify} builder (its {@code set} per property; nulls left out); a wrong property fails to compile.
     */
    @Test
    void amplitudeTrackAndIdentifyFunctionsCallTheSdk() throws Exception {
        Path ts = generate("amplitude");
        Files.writeString(ts.resolve("good.ts"), """
                import { trackOrderCompleted, trackIdentify } from "./events";

                const calls: unknown[] = [];
                class Identify {
                  readonly set_: Record<string, unknown> = {};
                  set(property: string, value: any): Identify { this.set_[property] = value; return this; }
                }
                const amplitude = {
                  track(eventInput: string, eventProperties?: Record<string, any>) { calls.push({ eventInput, eventProperties }); return { promise: Promise.resolve() }; },
                  identify(identify: Identify) { calls.push({ identify: identify.set_ }); return { promise: Promise.resolve() }; },
                };
                trackOrderCompleted(amplitude, { order_id: "o-1", revenue: 12.5, currency: "EUR", products: [] });
                trackIdentify(amplitude, new Identify(), { email: "ada@example.com", first_name: null });
                console.log(JSON.stringify(calls));
                """);
        Files.writeString(ts.resolve("bad.ts"), """
                import { trackOrderCompleted } from "./events";
                trackOrderCompleted({ track(e: string) {} }, { order_id: "o-1", revenue: 1, currency: "JPY", products: [] });
                """);
        Run compile = run(ts, tscArgs("--outDir", "out", "events.ts", "good.ts").toArray(String[]::new));
        assertThat(compile.output()).isEmpty();
        Run node = run(ts, "node", "out/good.js");
        assertThat(node.exit()).as(node.output()).isZero();
        JsonNode calls = JSON.readTree(node.output());
        assertThat(calls.get(0).path("eventInput").asText()).isEqualTo("Order Completed");
        Map<String, dev.reflekt.core.internal.json.SchemaValidator> validators = GeneratedJavaTest.validators();
        assertThat(validators
                        .get("jaffle_shop/Order_Completed/1-0.json")
                        .validate(calls.get(0).path("eventProperties")))
                .isEmpty();
        assertThat(calls.get(1).path("identify")).isEqualTo(JSON.readTree("{\"email\": \"ada@example.com\"}"));
        Run bad = run(ts, tscArgs("--noEmit", "events.ts", "bad.ts").toArray(String[]::new));
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.output()).contains("bad.ts(2,").contains("'\"JPY\"' is not assignable");
    }

    @Test
    void snowplowTrackFunctionsSendSelfDescribingEvents() throws Exception {
        Path ts = generate("snowplow");
        Files.writeString(ts.resolve("good.ts"), """
                import { trackProductAddedV2 } from "./events";

                const sent: unknown[] = [];
                const snowplow = {
                  trackSelfDescribingEvent(e: { event: { schema: string; data: Record<string, unknown> } }) { sent.push(e); },
                };
                trackProductAddedV2(snowplow, { cart_id: "c-1", product_id: "p-1", quantity: 2 });
                console.log(JSON.stringify(sent));
                """);
        Run compile = run(ts, tscArgs("--outDir", "out", "events.ts", "good.ts").toArray(String[]::new));
        assertThat(compile.output()).isEmpty();
        Run node = run(ts, "node", "out/good.js");
        JsonNode sent = JSON.readTree(node.output()).get(0).path("event");
        assertThat(sent.path("schema").asText()).isEqualTo("iglu:com.jaffleshop/Product_Added/jsonschema/2-0-0");
        assertThat(GeneratedJavaTest.validators()
                        .get("jaffle_shop/Product_Added/2-0.json")
                        .validate(sent.path("data")))
                .isEmpty();
    }

    @Test
    void wrongUsesFailToCompileWithTheExpectedError() throws Exception {
        Path ts = generate("segment");
        String prelude = "import { trackOrderCompleted } from \"./events\";\n"
                + "const analytics = { track(event: string, properties?: Record<string, unknown>) {} };\n";
        Map<String, String> bad = Map.of(
                "missing.ts", "trackOrderCompleted(analytics, { order_id: \"o\", revenue: 1, currency: \"EUR\" });",
                "enum.ts",
                        "trackOrderCompleted(analytics, { order_id: \"o\", revenue: 1, currency: \"JPY\", products: [] });",
                "unknown.ts",
                        "trackOrderCompleted(analytics, { order_id: \"o\", revenue: 1, currency: \"EUR\", products: [],"
                                + " coupon: \"X\" });",
                "nested.ts",
                        "trackOrderCompleted(analytics, { order_id: \"o\", revenue: 1, currency: \"EUR\","
                                + " products: [{ product_id: \"p\" }] });",
                "type.ts",
                        "trackOrderCompleted(analytics, { order_id: 1, revenue: 1, currency: \"EUR\", products: [] });");
        List<String> args = tscArgs("--noEmit", "events.ts");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Files.writeString(ts.resolve(e.getKey()), prelude + e.getValue() + "\n");
            args.add(e.getKey());
        }
        Run compile = run(ts, args.toArray(String[]::new));
        assertThat(compile.exit()).isNotZero();
        String out = compile.output();
        assertThat(out).doesNotContain("events.ts(");
        assertThat(out).contains("missing.ts(3,").contains("error TS2345").contains("Property 'products' is missing");
        assertThat(out)
                .contains("enum.ts(3,")
                .contains("Type '\"JPY\"' is not assignable to type '\"USD\" | \"EUR\" | \"GBP\"'");
        assertThat(out)
                .contains("unknown.ts(3,")
                .contains("error TS2353")
                .contains("'coupon' does not exist in type 'OrderCompleted'");
        assertThat(out).contains("nested.ts(3,").contains("Property 'quantity' is missing");
        assertThat(out).contains("type.ts(3,").contains("Type 'number' is not assignable to type 'string'");
    }
}
