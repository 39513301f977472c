package dev.reflekt.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded payloads of Segment-style batches and Snowplow tp2 bodies, checked against a plan: every rule located
 * (file, line, JSON pointer), versions matched, unseen events listed, values never shown unless asked, damaged
 * input (not JSON, cut gzip, not UTF-8, unknown documents) reported without a stack trace.
 */
class EventCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "CANARY-4f1d-personal";

    @TempDir
    Path dir;

    private ReflektProject project() throws Exception {
        String entity = TestProject.schemaJson(
                        "shop/Product/1-0.json",
                        "Product",
                        "1-0",
                        "{\"product_id\": {\"type\": \"string\", \"description\": \"P.\"}}")
                .replace("\"format\": \"jsonschema\",", "\"format\": \"jsonschema\", \"kind\": \"entity\",");
        return TestProject.create(dir.resolve("p"))
                .write(
                        "schemas/shop/Order_Completed/1-0.json",
                        TestProject.schemaJson(
                                        "shop/Order_Completed/1-0.json",
                                        "Order Completed",
                                        "1-0",
                                        "{\"order_id\": {\"type\": \"string\", \"description\": \"O.\"},"
                                                + " \"revenue\": {\"type\": \"number\", \"minimum\": 0,"
                                                + " \"description\": \"R.\"}}")
                                .replace("\"properties\":", "\"required\": [\"order_id\"], \"properties\":"))
                .schema(
                        "shop/Order_Completed/2-0.json",
                        "Order Completed",
                        "{\"order_ref\": {\"type\": \"integer\", \"description\": \"O.\"}}")
                .schema(
                        "shop/Identify/1-0.json",
                        "Identify",
                        "{\"email\": {\"type\": \"string\", \"description\": \"E.\"}}")
                .schema(
                        "shop/Button_Press/1-0.json",
                        "Button Press",
                        "{\"label\": {\"type\": \"string\", \"description\": \"L.\"}}")
                .schema("shop/Never_Sent/1-0.json", "Never Sent", "{}")
                .write("schemas/shop/Product/1-0.json", entity)
                .load();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String recording() {
        String batch = "{\"batch\": ["
                + "{\"type\": \"track\", \"event\": \"Order Completed\", \"properties\": {\"order_id\": \"o-1\", \"revenue\": 3}},"
                + "{\"type\": \"track\", \"event\": \"Order Completed\", \"properties\": {\"order_ref\": 7}},"
                + "{\"type\": \"track\", \"event\": \"Order Completed\", \"properties\": {\"order_id\": \"o-2\", \"revenue\": \""
                + CANARY + "\"}},"
                + "{\"type\": \"track\", \"event\": \"Order Completed\", \"properties\": {\"revenue\": 1, \"coupon\": \""
                + CANARY + "\"}},"
                + "{\"type\": \"track\", \"event\": \"Secret Thing\", \"properties\": {}},"
                + "{\"type\": \"identify\", \"userId\": \"u\", \"traits\": {\"email\": \"" + CANARY + "\"}}]}";
        String event = "{\"schema\": \"iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0\", \"data\":"
                + " {\"schema\": \"iglu:com.example/Button_Press/jsonschema/1-0-0\", \"data\": {\"label\": 5}}}";
        String contexts = "{\"schema\": \"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1\", \"data\": ["
                + "{\"schema\": \"iglu:com.example/Product/jsonschema/1-0-0\", \"data\": {\"product_id\": \"p\"}},"
                + "{\"schema\": \"iglu:com.example/Product/jsonschema/2-0-0\", \"data\": {}}]}";
        String tp2 = "{\"schema\": \"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\", \"data\": ["
                + "{\"e\": \"ue\", \"ue_px\": \"" + b64(event) + "\", \"cx\": \"" + b64(contexts) + "\"},"
                + "{\"e\": \"pv\", \"url\": \"" + CANARY + "\"}]}";
        return batch + "\n" + tp2 + "\n{\"what\": \"" + CANARY + "\"}\n";
    }

    private EventCheck.Result check(Path file, EventCheck.Options options) throws Exception {
        ReflektProject p = project();
        Plan plan = Plan.of(Definitions.of(p), p.schemaFiles());
        EventCheck check = new EventCheck(plan, Severities.defaults(), options);
        EventFiles.read(file, "events/" + file.getFileName(), PayloadFormats.all(), check::accept, check::problem);
        return check.finish();
    }

    @Test
    void everyRuleIsLocatedAndNoValueIsShown() throws Exception {
        Path file = dir.resolve("rec.ndjson");
        Files.writeString(file, recording());
        EventCheck.Result r = check(file, new EventCheck.Options(false, false));
        List<String> lines = r.findings().stream().map(Finding::format).toList();
        String fix = "; fix the app, or the schema if the plan is wrong";
        assertThat(lines)
                .containsExactly(
                        "events/rec.ndjson:1:1: error [required] /batch/3/properties: track 'Order Completed'"
                                + " (shop/Order_Completed/1-0.json): 'order_id' is required and was not sent" + fix,
                        "events/rec.ndjson:1:1: error [type] /batch/2/properties/revenue: track 'Order Completed'"
                                + " (shop/Order_Completed/1-0.json): is a string, not the type the schema declares"
                                + fix,
                        "events/rec.ndjson:1:1: error [unplanned-event] /batch/4/properties: track 'Secret Thing' has no"
                                + " schema in the plan; add a schema, or stop sending it",
                        "events/rec.ndjson:1:1: warning [unplanned-property] /batch/3/properties/coupon: track 'Order"
                                + " Completed' (shop/Order_Completed/1-0.json): 'coupon' is not declared in the schema;"
                                + " declare it in the schema, or stop sending it",
                        "events/rec.ndjson:2:1: error [type] /data/0/ue_px/data/data/label:"
                                + " 'iglu:com.example/Button_Press/jsonschema/1-0-0' (shop/Button_Press/1-0.json): is an"
                                + " integer, not the type the schema declares" + fix,
                        "events/rec.ndjson:2:1: error [wrong-version] /data/0/cx/data/1/data:"
                                + " iglu:com.example/Product/jsonschema/2-0-0 names a version the plan does not have (it"
                                + " has 1-0); send a version of the plan, or add the schema",
                        "events/rec.ndjson:3:1: error [unreadable-payload] this object is no payload of a collector"
                                + " Reflekt knows (a Segment or RudderStack message or batch, a Snowplow self-describing"
                                + " JSON or tp2 payload)",
                        "schemas/shop/Never_Sent/1-0.json:1:1: warning [unseen-event] event 'Never Sent' 1-0 was never"
                                + " sent in the recorded events; send it in a test, or leave it out with reflekt.select");
        // both versions of Order Completed matched what fits them; the identify and the context of 1-0 are valid
        assertThat(r.events().get("Order Completed").seen()).isEqualTo(4);
        assertThat(r.events().get("Order Completed").valid()).isEqualTo(2);
        assertThat(r.events().get("Order Completed").versions()).containsExactly("1-0", "2-0");
        assertThat(r.events().get("Identify").valid()).isEqualTo(1);
        assertThat(r.events().get("iglu:com.example/Product/jsonschema/1-0-0").valid())
                .isEqualTo(1);
        assertThat(r.unseen()).containsExactly("shop/Never_Sent/1-0.json");
        assertThat(String.join("\n", lines)).doesNotContain(CANARY);

        // asked for, the values are shown
        assertThat(check(file, new EventCheck.Options(false, true)).findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("(sent: \"" + CANARY + "\")"));
        // requireAll: an unseen event is an error
        assertThat(check(file, new EventCheck.Options(true, false)).findings())
                .filteredOn(f -> f.rule() == EventRule.UNSEEN_EVENT)
                .extracting(f -> f.severity().name())
                .containsExactly("ERROR");
    }

    /** The same recording gzip-compressed, or as one JSON array of its documents, reads the same. */
    @Test
    void gzipAndArraysReadAsNdjson() throws Exception {
        Path plain = dir.resolve("rec.ndjson");
        Files.writeString(plain, recording());
        List<String> expected = messages(check(plain, new EventCheck.Options(false, false)));

        Path gz = dir.resolve("rec.ndjson");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(recording().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
        assertThat(messages(check(gz, new EventCheck.Options(false, false)))).isEqualTo(expected);

        Path array = dir.resolve("rec.json");
        Files.writeString(array, "[" + String.join(",", recording().strip().split("\n")) + "]");
        List<String> fromArray = messages(check(array, new EventCheck.Options(false, false)));
        assertThat(fromArray).hasSameSizeAs(expected);
        assertThat(fromArray).anySatisfy(m -> assertThat(m).startsWith("/0/batch/2/properties/revenue:"));
    }

    private static List<String> messages(EventCheck.Result r) {
        return r.findings().stream().map(Finding::message).toList();
    }

    /** Damaged input is a located finding, never an exception, and never quotes what it could not read. */
    @Test
    void damagedInputIsReportedWithoutItsText() throws Exception {
        List<String> found = new ArrayList<>();
        Path notJson = dir.resolve("bad.ndjson");
        Files.writeString(notJson, "{\"type\": \"track\", \"event\": \"A\", \"properties\": {}}\n" + CANARY + "\n");
        Path cut = dir.resolve("cut.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(recording().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(cut, java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        Path latin1 = dir.resolve("latin1.ndjson");
        Files.write(
                latin1,
                ("{\"type\": \"track\", \"event\": \"Caf\u00e9\", \"properties\": {}}\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path deep = dir.resolve("deep.ndjson");
        Files.writeString(deep, "[".repeat(200) + "]".repeat(200));
        for (Path f : List.of(notJson, cut, latin1, deep)) {
            EventCheck.Result r = check(f, new EventCheck.Options(false, false));
            r.findings().stream()
                    .filter(x -> x.rule() == EventRule.UNREADABLE_PAYLOAD)
                    .forEach(x -> found.add(f.getFileName() + " " + x.line() + " " + x.message()));
        }
        assertThat(found).hasSizeGreaterThanOrEqualTo(4).noneMatch(m -> m.contains(CANARY));
        assertThat(found)
                .anySatisfy(m -> assertThat(m).startsWith("bad.ndjson 2 not JSON from here on"))
                .anySatisfy(m -> assertThat(m).startsWith("cut.gz 1 the gzip data is cut short"))
                .anySatisfy(m -> assertThat(m).startsWith("latin1.ndjson 1 not JSON from here on"))
                .anySatisfy(m -> assertThat(m).startsWith("deep.ndjson 1 not JSON from here on"));
    }

    /**
     * Checked in parallel partitions, a large recording gives exactly what one check gives: the same findings listed
     * (the first 100 of each event name, past the cap), the same counts, versions and most frequent findings.
     */
    @Test
    void theParallelCheckFindsWhatOneCheckFinds() throws Exception {
        StringBuilder rec = new StringBuilder();
        for (int i = 0; i < 6_000; i++) {
            String properties =
                    switch (i % 23) { // sparse: an event name's first 100 findings span several batches
                        // two findings a document, inserted in another order than they are output
                        case 0 -> "{\"revenue\": -1, \"k" + (i % 90) + "\": 1}";
                        case 1 -> "{\"revenue\": -1, \"a\": 2}";
                        case 2 -> "{\"order_ref\": \"x\"}";
                        default -> "{\"order_id\": \"o-" + i + "\", \"revenue\": 3}";
                    };
            String event = i % 11 == 0 ? "Unplanned " + (i % 13) : "Order Completed";
            rec.append("{\"type\": \"track\", \"event\": \"")
                    .append(event)
                    .append("\", \"properties\": ")
                    .append(properties)
                    .append("}\n");
            if (i % 500 == 0) {
                rec.append("[1, 2]\n");
            }
        }
        rec.append(recording());
        Path file = dir.resolve("big.ndjson");
        Files.writeString(file, rec.toString());
        EventCheck.Result one = check(file, new EventCheck.Options(false, false));
        ReflektProject p = project();
        EventCheck.Result parallel = ParallelCheck.run(
                Plan.of(Definitions.of(p), p.schemaFiles()),
                Severities.defaults(),
                new EventCheck.Options(false, false),
                List.of(new ParallelCheck.Input(file, "events/big.ndjson")),
                PayloadFormats.all());
        assertThat(one.unexplained()).isPositive();
        assertThat(one.events().get("Order Completed").top()).hasSizeGreaterThan(3);
        assertThat(parallel.findings()).isEqualTo(one.findings());
        assertThat(parallel.byEvent()).isEqualTo(one.byEvent());
        assertThat(parallel.unseen()).isEqualTo(one.unseen());
        // seen, valid and the versions matched are exact; the rules counted are those of the events explained (each
        // partition explains the first invalid events of a name until it has listed 100 findings of it)
        assertThat(parallel.events().keySet()).isEqualTo(one.events().keySet());
        parallel.events().forEach((name, seen) -> {
            assertThat(seen.seen()).as(name).isEqualTo(one.events().get(name).seen());
            assertThat(seen.valid()).as(name).isEqualTo(one.events().get(name).valid());
            assertThat(seen.versions())
                    .as(name)
                    .isEqualTo(one.events().get(name).versions());
        });
        // explaining each invalid event finds no other rules than explaining the first ones
        assertThat(parallel.events().get("Order Completed").rules().keySet())
                .isEqualTo(one.events().get("Order Completed").rules().keySet());
    }

    /**
     * Each rule of a schema's keywords, from one event each: the rule, where, and the schema's keyword behind it; an
     * event valid under its only version has none.
     */
    @Test
    void eachKeywordIsItsRule() throws Exception {
        ReflektProject p = TestProject.create(dir.resolve("rules"))
                .schema(
                        "shop/Signed_Up/1-0.json",
                        "Signed Up",
                        "{\"plan\": {\"type\": \"string\", \"enum\": [\"free\", \"pro\"], \"description\": \"P.\"},"
                                + " \"source\": {\"const\": \"web\", \"description\": \"S.\"},"
                                + " \"email\": {\"type\": \"string\", \"format\": \"email\", \"description\": \"E.\"},"
                                + " \"zip\": {\"type\": \"string\", \"pattern\": \"^[0-9]{5}$\", \"description\": \"Z.\"},"
                                + " \"seats\": {\"type\": \"integer\", \"maximum\": 10, \"description\": \"N.\"},"
                                + " \"ref\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}],"
                                + " \"description\": \"R.\"}}")
                .load();
        Plan plan = Plan.of(Definitions.of(p), p.schemaFiles());
        List<String[]> cases = List.of(
                new String[] {"{\"plan\": \"gold\"}", "enum", "/properties/plan"},
                new String[] {"{\"source\": \"app\"}", "const", "/properties/source"},
                new String[] {"{\"email\": \"not-an-address\"}", "format", "/properties/email"},
                new String[] {"{\"zip\": \"1234\"}", "pattern", "/properties/zip"},
                new String[] {"{\"seats\": 11}", "bounds", "/properties/seats"},
                new String[] {"{\"ref\": true}", "schema", "/properties/ref"},
                new String[] {
                    "{\"plan\": \"pro\", \"source\": \"web\", \"email\": \"a@example.com\", \"zip\": \"10115\","
                            + " \"seats\": 3, \"ref\": 7}",
                    null,
                    null
                });
        for (String[] c : cases) {
            EventCheck check = new EventCheck(plan, Severities.defaults(), new EventCheck.Options(false, false));
            List<Finding> found = check.check(new SentEvent(
                    "segment",
                    "track",
                    "Signed Up",
                    JSON.readTree(c[0]),
                    new SentEvent.Location("e.ndjson", 1, 1, "/properties"),
                    List.of()));
            if (c[1] == null) {
                assertThat(found).as(c[0]).isEmpty();
            } else {
                assertThat(found)
                        .as(c[0])
                        .extracting(f -> f.rule().id() + " " + f.message().split(":")[0])
                        .contains(c[1] + " " + c[2])
                        // a failed oneOf brings its branches' own findings (networknt's), all at that property
                        .allSatisfy(f -> assertThat(f).endsWith(" " + c[2]))
                        .hasSize(c[1].equals("schema") ? 3 : 1);
            }
        }
    }
}
