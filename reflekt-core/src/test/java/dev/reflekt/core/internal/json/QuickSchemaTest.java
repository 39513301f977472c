package dev.reflekt.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick path may only ever say what the full validator says: every instance it proves valid has no
 * violation, every instance it proves invalid has one. Checked on the project's own schemas and on
 * thousands of generated near-misses.
 */
class QuickSchemaTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final LocatedTreeReader READER = new LocatedTreeReader();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The schemas lint validates against: the archetype's meta-schema, draft-07 itself, the project config. */
    private static List<JsonNode> schemas() throws Exception {
        return List.of(
                READER.readJson(ROOT.resolve("examples/jaffle-shop/schemas/.reflekt/meta/1-0.json"))
                        .root(),
                READER.readJson("{\"$ref\": \"http://json-schema.org/draft-07/schema#\"}")
                        .root(),
                READER.readJson(new String(
                                SchemaValidator.class
                                        .getResourceAsStream("/dev/reflekt/core/project/reflekt_project.schema.json")
                                        .readAllBytes(),
                                java.nio.charset.StandardCharsets.UTF_8))
                        .root(),
                READER.readJson(KITCHEN_SINK).root());
    }

    /** Every keyword the quick path models, as a meta-schema might use them. */
    private static final String KITCHEN_SINK = """
            {
              "type": "object",
              "properties": {
                "self": {"type": "object", "properties": {
                  "version": {"type": "string", "pattern": "[0-9]-[0-9]$"},
                  "name": {"type": "string", "minLength": 2, "maxLength": 20, "pattern": "\\\\p{Letter}"},
                  "format": {"enum": ["jsonschema", 1, null, ["a"]]}
                }},
                "description": {"oneOf": [{"type": "string", "maxLength": 5}, {"type": "string", "minLength": 3}]},
                "title": {"not": {"enum": ["a", "", 1, null]}},
                "examples": {"type": "array", "contains": {"const": "a"}, "maxItems": 3, "uniqueItems": true},
                "minimum": {"type": "integer", "exclusiveMinimum": 0, "maximum": 3},
                "maxLength": {"type": "number", "minimum": -1, "exclusiveMaximum": 3}
              },
              "patternProperties": {"^x-": {"type": "string"}, "s$": {"type": ["boolean", "object"]}},
              "additionalProperties": {"$ref": "#/definitions/any"},
              "propertyNames": {"maxLength": 14},
              "maxProperties": 6,
              "minProperties": 1,
              "definitions": {"any": {"anyOf": [{"type": "object", "minProperties": 1}, {"type": ["string", "number", "boolean", "null", "array"]}]}}
            }
            """;

    @Test
    void compilesTheSchemasLintUses() throws Exception {
        for (JsonNode schema : schemas()) {
            assertThat(QuickSchema.compile(schema)).as(schema.toString()).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"if\": {\"type\": \"string\"}, \"then\": {\"minLength\": 1}}",
                "{\"properties\": {\"a\": {\"$ref\": \"other.json#/definitions/a\"}}}",
                "{\"properties\": {\"a\": {\"$id\": \"#inner\", \"type\": \"string\"}}}",
                "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\"}",
                "{\"properties\": {\"a\": {\"$ref\": \"#/definitions/missing\"}}}",
                "{\"pattern\": \"[a\"}",
                "{\"type\": \"date\"}",
                "{\"format\": \"credit-card\"}",
                "{\"items\": [{\"type\": \"string\"}]}",
                "{\"$ref\": \"#\", \"type\": \"string\"}",
                "{\"multipleOf\": 0}",
                "{\"contains\": {\"type\": \"string\"}, \"maxContains\": 1}",
                "{\"contains\": {\"type\": \"string\"}, \"minContains\": 2}",
                "{\"minimum\": 1.5e0, \"maximum\": 9007199254740993, \"multipleOf\": 9007199254740993}"
            })
    void declinesWhatItDoesNotModelExactly(String schema) throws Exception {
        assertThat(QuickSchema.compile(READER.readJson(schema).root())).isEmpty();
    }

    /**
     * Numbers equal in value and written differently are equal in JSON Schema, unequal to Jackson (and so to
     * networknt's uniqueItems): never proven distinct here. Decimals compare exactly, as networknt compares them.
     */
    @Test
    void numbersByValueNotByNotation() throws Exception {
        QuickSchema unique = QuickSchema.compile(
                        READER.readJson("{\"uniqueItems\": true}").root())
                .orElseThrow();
        assertThat(unique.evaluate(READER.readJson("[1, 1.0]").root())).isEqualTo(QuickSchema.UNKNOWN);
        assertThat(unique.evaluate(
                        READER.readJson("[{\"a\": 1}, {\"a\": 1.00}]").root()))
                .isEqualTo(QuickSchema.UNKNOWN);
        assertThat(unique.evaluate(READER.readJson("[1, 1.5, \"1\", null, [1], {\"a\": 1}]")
                        .root()))
                .isEqualTo(QuickSchema.VALID);
        assertThat(unique.evaluate(READER.readJson("[{\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}]")
                        .root()))
                .isEqualTo(QuickSchema.INVALID);
        QuickSchema bounds = QuickSchema.compile(
                        READER.readJson("{\"minimum\": -90.0, \"exclusiveMaximum\": 0.3, \"multipleOf\": 0.1}")
                                .root())
                .orElseThrow();
        assertThat(bounds.evaluate(READER.readJson("-90").root())).isEqualTo(QuickSchema.VALID);
        assertThat(bounds.evaluate(READER.readJson("0.2").root())).isEqualTo(QuickSchema.VALID);
        assertThat(bounds.evaluate(READER.readJson("0.3").root())).isEqualTo(QuickSchema.INVALID);
        assertThat(bounds.evaluate(READER.readJson("-90.05").root())).isEqualTo(QuickSchema.INVALID);
        assertThat(bounds.evaluate(READER.readJson("0.25").root())).isEqualTo(QuickSchema.INVALID);
        for (String v : new String[] {"-90", "0.2", "0.3", "-90.05", "0.25", "1e-400", "9007199254740993"}) {
            JsonNode schema = READER.readJson("{\"minimum\": -90.0, \"exclusiveMaximum\": 0.3, \"multipleOf\": 0.1}")
                    .root();
            int quick = QuickSchema.compile(schema)
                    .orElseThrow()
                    .evaluate(READER.readJson(v).root());
            if (quick != QuickSchema.UNKNOWN) {
                boolean full = SchemaValidator.compileFull("https://x.test/s", schema)
                        .validate(READER.readJson(v).root())
                        .isEmpty();
                assertThat(quick == QuickSchema.VALID).as(v).isEqualTo(full);
            }
        }
    }

    @Test
    void keepsNamedPropertiesCalledIdApartFromEmbeddedIds() throws Exception {
        JsonNode schema = READER.readJson(
                        "{\"properties\": {\"$id\": {\"type\": \"string\"}}, \"required\": [\"$id\"]}")
                .root();
        assertThat(QuickSchema.compile(schema)).isPresent();
    }

    @Test
    void agreesWithTheFullValidatorOnTheProjectsSchemaFiles() throws Exception {
        List<JsonNode> instances = new ArrayList<>();
        for (String dir : List.of("examples", "src/it", "archetype/src", "reflekt-core/src/test/resources")) {
            Path base = ROOT.resolve(dir);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(f -> f.toString().endsWith(".json") && f.toString().contains("schemas"))
                        .forEach(f -> {
                            try {
                                instances.add(READER.readJson(f).root());
                            } catch (ParseException | IOException e) {
                                // malformed on purpose: lint's parse error, not the validator's business
                            }
                        });
            }
        }
        assertThat(instances.size()).isGreaterThan(50);
        int decided = agree(instances);
        // the point of the quick path: it decides nearly every real file alone
        assertThat(decided).isGreaterThan(instances.size() * 3 * 9 / 10);
    }

    /** Random near-miss event schemas against the meta-schemas lint uses, until {@link Fuzz}'s time is up. */
    @Test
    void agreesWithTheFullValidatorOnRandomNearMisses() throws Exception {
        List<QuickSchema> quick = new ArrayList<>();
        List<SchemaValidator> full = new ArrayList<>();
        List<JsonNode> schemas = schemas();
        for (JsonNode schema : schemas) {
            quick.add(QuickSchema.compile(schema).orElseThrow());
            full.add(SchemaValidator.compileFull("file:///project/schemas/.reflekt/meta/1-0.json", schema));
        }
        int[] verdicts = new int[3];
        Fuzz.Outcome outcome = Fuzz.run("quick evaluator vs networknt on near-miss events", 1_000, random -> {
            JsonNode instance = eventSchema(random);
            boolean decided = false;
            for (int i = 0; i < schemas.size(); i++) {
                int answer = agree(quick.get(i), full.get(i), schemas.get(i), instance);
                verdicts[answer + 1]++;
                decided |= answer != QuickSchema.UNKNOWN;
            }
            return decided;
        });
        assertThat(verdicts[QuickSchema.VALID + 1])
                .as("some instances proven valid")
                .isPositive();
        assertThat(verdicts[QuickSchema.INVALID + 1])
                .as("some instances proven invalid")
                .isPositive();
        assertThat(outcome.decided()).isGreaterThan(outcome.cases() / 2);
    }

    /**
     * Random schemas (every keyword the quick path models, and many it declines) against random values, until
     * {@link Fuzz}'s time is up: whenever the quick path compiles a schema and answers, networknt agrees.
     */
    @Test
    void agreesWithTheFullValidatorOnRandomSchemasAndValues() throws Exception {
        Fuzz.Outcome outcome = Fuzz.run("quick evaluator vs networknt on random schemas", 1_000, random -> {
            JsonNode schema = schema(random, 0);
            java.util.Optional<QuickSchema> quick;
            SchemaValidator full;
            try {
                quick = QuickSchema.compile(schema);
                full = SchemaValidator.compileFull("file:///project/schemas/x.json", schema);
            } catch (IllegalArgumentException e) {
                return false; // networknt cannot compile it: lint reports that, no answer to compare
            }
            if (quick.isEmpty()) {
                return false;
            }
            boolean decided = false;
            for (int i = 0; i < 8; i++) {
                JsonNode instance = random.nextBoolean() ? value(random, 0) : eventSchema(random);
                decided |= agree(quick.get(), full, schema, instance) != QuickSchema.UNKNOWN;
            }
            return decided;
        });
        assertThat(outcome.decided()).isGreaterThan(outcome.cases() / 10);
    }

    /** The quick path's answer for {@code instance}, asserted to agree with networknt's. */
    private static int agree(QuickSchema quick, SchemaValidator full, JsonNode schema, JsonNode instance) {
        int answer = quick.evaluate(instance);
        if (answer == QuickSchema.VALID) {
            assertThat(full.validate(instance))
                    .as("proven valid: %s against %s", instance, schema)
                    .isEmpty();
        } else if (answer == QuickSchema.INVALID) {
            assertThat(full.validate(instance))
                    .as("proven invalid: %s against %s", instance, schema)
                    .isNotEmpty();
        }
        return answer;
    }

    /** Asserts agreement on every instance and schema; returns how many answers the quick path gave. */
    private static int agree(List<JsonNode> instances) throws Exception {
        int decided = 0;
        int valid = 0;
        int invalid = 0;
        for (JsonNode schema : schemas()) {
            QuickSchema quick = QuickSchema.compile(schema).orElseThrow();
            SchemaValidator full =
                    SchemaValidator.compileFull("file:///project/schemas/.reflekt/meta/1-0.json", schema);
            for (JsonNode instance : instances) {
                int answer = quick.evaluate(instance);
                if (answer == QuickSchema.UNKNOWN) {
                    continue;
                }
                decided++;
                List<SchemaViolation> violations = full.validate(instance);
                if (answer == QuickSchema.VALID) {
                    valid++;
                    assertThat(violations)
                            .as("proven valid: %s against %s", instance, schema)
                            .isEmpty();
                } else {
                    invalid++;
                    assertThat(violations)
                            .as("proven invalid: %s against %s", instance, schema)
                            .isNotEmpty();
                }
            }
        }
        assertThat(valid).as("some instances proven valid").isPositive();
        assertThat(invalid).as("some instances proven invalid").isPositive();
        return decided;
    }

    // ---- generated near-misses: event schemas with one or more keywords given odd values

    private static final String[] STRINGS = {
        "",
        "a",
        "string",
        "date",
        "object",
        "integer",
        "number",
        "1-0",
        "01-0",
        "1-0\n",
        "jsonschema",
        "JSONSchema",
        "http://json-schema.org/draft-07/schema#",
        "https://example.com/a b",
        "relative/path.json",
        "#/definitions/x",
        "%zz",
        "http://[::1",
        "urn:x",
        "a:b:c",
        "//host/p",
        "http://h/p?q=[1]",
        "caf\u00e9",
        "\ud83d\ude00",
        "^[a-z]+$",
        "[a",
        "a{,3}",
        "\\p{Letter}",
        "\\p{L}",
        "(?<=a)b",
        "(?i)x",
        "[$]",
        "\\Qa$\\E",
        "a$\nb",
        "$"
    };

    private static final String[] KEYWORDS = {
        "type",
        "description",
        "pattern",
        "format",
        "enum",
        "const",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "required",
        "items",
        "additionalProperties",
        "properties",
        "$ref",
        "$id",
        "$schema",
        "examples",
        "multipleOf",
        "uniqueItems",
        "minItems",
        "default",
        "readOnly",
        "contentEncoding",
        "dependencies",
        "propertyNames",
        "patternProperties",
        "if",
        "not",
        "anyOf",
        "oneOf",
        "allOf",
        "title",
        "x-custom",
        "definitions"
    };

    private static ObjectNode eventSchema(Random r) {
        ObjectNode root = NODES.objectNode();
        if (r.nextInt(10) > 0) {
            root.put("$schema", r.nextInt(5) > 0 ? "http://json-schema.org/draft-07/schema#" : pick(r, STRINGS));
        }
        if (r.nextInt(10) > 0) {
            ObjectNode self = root.putObject("self");
            self.put("vendor", "com.example");
            self.put("name", "Order Completed");
            self.put("format", r.nextInt(8) > 0 ? "jsonschema" : pick(r, STRINGS));
            self.set("version", r.nextInt(6) > 0 ? NODES.textNode("1-" + r.nextInt(3)) : value(r, 0));
            if (r.nextInt(8) > 0) {
                ObjectNode metadata = self.putObject("metadata");
                metadata.put("code_owner", "web");
                if (r.nextInt(6) > 0) {
                    metadata.set("product_owner", r.nextInt(6) > 0 ? NODES.textNode("growth") : value(r, 0));
                }
            }
            if (r.nextInt(6) == 0) {
                self.set(pick(r, new String[] {"lint", "entity", "extra"}), value(r, 1));
            }
        }
        if (r.nextInt(10) > 0) {
            ObjectNode properties = root.putObject("properties");
            for (int i = r.nextInt(5); i > 0; i--) {
                properties.set("p" + i, schema(r, 0));
            }
        }
        if (r.nextInt(3) == 0) {
            root.set(pick(r, KEYWORDS), value(r, 1));
        }
        return root;
    }

    private static JsonNode schema(Random r, int depth) {
        if (r.nextInt(20) == 0) {
            return NODES.booleanNode(r.nextBoolean());
        }
        ObjectNode s = NODES.objectNode();
        s.put("type", pick(r, new String[] {"string", "integer", "number", "boolean", "object", "array"}));
        for (int i = r.nextInt(4); i > 0; i--) {
            String keyword = pick(r, KEYWORDS);
            JsonNode value = depth < 2 && r.nextInt(3) == 0 ? nested(r, keyword, depth) : value(r, depth + 1);
            s.set(keyword, value);
        }
        return s;
    }

    private static JsonNode nested(Random r, String keyword, int depth) {
        switch (keyword) {
            case "properties", "patternProperties", "definitions", "dependencies" -> {
                ObjectNode map = NODES.objectNode();
                map.set(pick(r, STRINGS), schema(r, depth + 1));
                return map;
            }
            case "anyOf", "oneOf", "allOf", "required", "enum", "examples" -> {
                ArrayNode list = NODES.arrayNode();
                for (int i = r.nextInt(3); i >= 0; i--) {
                    list.add(r.nextBoolean() ? schema(r, depth + 1) : value(r, depth + 1));
                }
                return list;
            }
            default -> {
                return schema(r, depth + 1);
            }
        }
    }

    private static JsonNode value(Random r, int depth) {
        switch (r.nextInt(depth > 2 ? 7 : 9)) {
            case 0:
                return NODES.numberNode(r.nextInt(7) - 2);
            case 1:
                return NODES.numberNode(new BigDecimal(pick(r, new String[] {"2.0", "0.5", "-1.5", "1E+2", "0"})));
            case 2:
                return NODES.booleanNode(r.nextBoolean());
            case 3:
                return NODES.nullNode();
            case 4, 5, 6:
                return NODES.textNode(pick(r, STRINGS));
            case 7: {
                ArrayNode a = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(r.nextInt(4) == 0 ? value(r, depth + 1) : NODES.textNode(pick(r, STRINGS)));
                }
                return a;
            }
            default: {
                ObjectNode o = NODES.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    o.set(pick(r, KEYWORDS), value(r, depth + 1));
                }
                return o;
            }
        }
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }

    @Test
    void aPlainRelativePathIsAlwaysAUriReferenceForTheFullValidator() throws Exception {
        SchemaValidator full = SchemaValidator.compileFull(
                "file:///p/meta.json",
                READER.readJson("{\"format\": \"uri-reference\"}").root());
        Random random = new Random(5);
        String alphabet = "ab/.-_~Z9:%# ";
        int plain = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (QuickSchema.plainRelativePath(text.toString())) {
                plain++;
                assertThat(full.validate(JsonNodeFactory.instance.textNode(text.toString())))
                        .as(text.toString())
                        .isEmpty();
            }
        }
        assertThat(plain).isGreaterThan(1000);
    }
}
