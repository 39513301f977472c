package dev.reflekt.core.breaking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.reflekt.core.Corpora;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every draft-07 keyword family, old and new schema with the expected verdict and message
 * ({@code src/test/resources/breaking/keyword-cases.json}), and the soundness of the verdicts against an independent
 * oracle: for each case called compatible, every value valid under the old schema (the valid instances of the
 * JSON-Schema-Test-Suite's files for the keyword, and values drawn from both schemas by {@link Instances}) is valid
 * under the new one by networknt; for each case called breaking, such a value that the new schema rejects is found.
 */
class KeywordCompletenessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SUITE = Corpora.SHARED.resolve("json-schema-test-suite/draft7");
    private static final int DRAWS = Integer.getInteger("reflekt.breaking.draws", 400);
    private static final long SEED = Long.getLong("reflekt.fuzz.seed", 20261203L);

    /** One case of the file. */
    record Case(
            int index,
            String family,
            JsonNode old,
            JsonNode nu,
            boolean root,
            String verdict,
            String message,
            List<String> suite) {

        @Override
        public String toString() {
            return index + " " + family + " (" + verdict + ")";
        }

        /** The event schema this case's schema makes: the property {@code p}, or keywords of the root. */
        ObjectNode event(JsonNode schema) {
            ObjectNode event = (ObjectNode) JSON.createObjectNode().put("description", "d");
            event.set("self", JSON.createObjectNode().put("vendor", "com.acme").put("name", "e"));
            if (root) {
                event.set(
                        "properties",
                        JSON.createObjectNode().set("p", JSON.createObjectNode().put("type", "string")));
                event.setAll((ObjectNode) schema);
            } else {
                event.put("type", "object");
                event.set("properties", JSON.createObjectNode().set("p", schema));
            }
            return event;
        }
    }

    static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        try (InputStream in = KeywordCompletenessTest.class.getResourceAsStream("/breaking/keyword-cases.json")) {
            JsonNode all = JSON.readTree(in);
            for (int i = 0; i < all.size(); i++) {
                JsonNode c = all.get(i);
                List<String> suite = new ArrayList<>();
                c.path("suite").forEach(s -> suite.add(s.asText()));
                out.add(new Case(
                        i + 1,
                        c.get("family").asText(),
                        c.get("old"),
                        c.get("new"),
                        c.path("root").asBoolean(false),
                        c.get("verdict").asText(),
                        c.get("message").asText(),
                        suite));
            }
        }
        return out;
    }

    private static List<Change> diff(Case c) {
        return SchemaDiff.diff(c.event(c.old()), c.event(c.nu()), false);
    }

    /** {@code compatible}, {@code breaking} (a proven break) or {@code unproven}. */
    private static String verdict(List<Change> changes) {
        if (changes.stream().anyMatch(ch -> ch.breaking() && ch.kind() != ChangeKind.NOT_PROVEN_COMPATIBLE)) {
            return "breaking";
        }
        return changes.stream().anyMatch(Change::breaking) ? "unproven" : "compatible";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachKeywordFamilyGetsItsVerdictAndSaysWhy(Case c) {
        List<Change> changes = diff(c);
        assertThat(verdict(changes)).as(changes.toString()).isEqualTo(c.verdict());
        List<Change> deciding =
                switch (c.verdict()) {
                    case "breaking" ->
                        changes.stream()
                                .filter(ch -> ch.breaking() && ch.kind() != ChangeKind.NOT_PROVEN_COMPATIBLE)
                                .toList();
                    case "unproven" -> changes.stream().filter(Change::breaking).toList();
                    default -> changes;
                };
        assertThat(deciding).extracting(Change::describe).anyMatch(d -> d.contains(c.message()));
        if (c.verdict().equals("unproven")) {
            assertThat(deciding).extracting(Change::kind).containsOnly(ChangeKind.NOT_PROVEN_COMPATIBLE);
        }
    }

    /**
     * What the checker's verdicts claim holds for networknt: where it says compatible, the new schema accepts every
     * old value tried; where it says breaking, one is rejected. The values tried are printed per family.
     */
    @Test
    void verdictsHoldForEveryValueTheOldSchemaAccepts() throws Exception {
        Corpora.require(SUITE);
        List<String> unsound = new ArrayList<>();
        List<String> unfound = new ArrayList<>();
        Map<String, int[]> tried = new TreeMap<>();
        for (Case c : cases()) {
            // what the checker says, not what the case expects: a wrong verdict must meet its counter-example
            String verdict = verdict(diff(c));
            if (verdict.equals("unproven")) {
                continue;
            }
            Schema older = compile(c.event(c.old()));
            Schema newer = compile(c.event(c.nu()));
            JsonNode counter = null;
            int valid = 0;
            for (JsonNode instance : candidates(c)) {
                if (!older.validate(instance).isEmpty()) {
                    continue;
                }
                valid++;
                if (!newer.validate(instance).isEmpty()) {
                    counter = instance;
                    break;
                }
            }
            tried.computeIfAbsent(c.family(), k -> new int[1])[0] += valid;
            if (verdict.equals("compatible") && counter != null) {
                unsound.add(c + ": called compatible, but the new schema rejects " + counter
                        + ", which the old one accepts");
            } else if (verdict.equals("breaking") && counter == null) {
                unfound.add(c + ": no value of the old schema that the new one rejects among " + valid);
            }
        }
        System.out.println("values valid under the old schema, tried per family: "
                + tried.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()[0])
                        .toList());
        assertThat(unsound).as("compatible verdicts with a counter-example").isEmpty();
        assertThat(unfound).as("breaking verdicts without a counter-example").isEmpty();
    }

    /** Values drawn from the case's schemas, and the suite's valid instances for its keywords, as events. */
    private static List<JsonNode> candidates(Case c) throws Exception {
        List<JsonNode> values = new ArrayList<>();
        long seed = SEED * 31 + c.index();
        if (c.root()) {
            values.addAll(new Instances(c.event(c.old()), c.event(c.nu()), seed).draw(DRAWS));
        } else {
            new Instances(c.old(), c.nu(), seed).draw(DRAWS).forEach(v -> values.add(wrap(v)));
            values.add(JSON.createObjectNode());
        }
        for (String keyword : c.suite()) {
            for (JsonNode v : suiteValues(keyword)) {
                values.add(c.root() ? v : wrap(v));
            }
        }
        return values;
    }

    private static JsonNode wrap(JsonNode value) {
        ObjectNode event = JSON.createObjectNode();
        event.set("p", value);
        return event;
    }

    /** The data of every valid test of the suite's file for {@code keyword}. */
    private static List<JsonNode> suiteValues(String keyword) throws Exception {
        Path file = SUITE.resolve(keyword + ".json");
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (JsonNode group : JSON.readTree(file.toFile())) {
            for (JsonNode test : group.path("tests")) {
                if (test.path("valid").asBoolean(false)) {
                    out.add(test.get("data"));
                }
            }
        }
        return out;
    }

    private static Schema compile(ObjectNode event) {
        ObjectNode schema = event.deepCopy();
        schema.remove("self");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(), b -> {});
        Schema compiled = registry.getSchema(SchemaLocation.of("https://x.test/e"), schema);
        compiled.initializeValidators();
        return compiled;
    }

    @Test
    void theCasesCoverEveryKeywordFamilyTheIssueNames() throws Exception {
        List<String> families = cases().stream().map(Case::family).distinct().toList();
        assertThat(families)
                .contains(
                        "anyOf",
                        "oneOf",
                        "allOf",
                        "not",
                        "multipleOf",
                        "dependencies",
                        "if-then-else",
                        "propertyNames",
                        "patternProperties",
                        "contains",
                        "additionalProperties",
                        "additionalItems",
                        "items",
                        "root");
        try (Stream<JsonNode> s = cases().stream().map(Case::old)) {
            assertThat(s.count()).isGreaterThan(60);
        }
    }
}
