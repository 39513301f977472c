package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Random JSON values drawn from a pair of schemas (the old and the new version of one property), seeded: values of
 * the types they name, near their bounds, their listed values, objects with their properties, arrays of their items.
 * Objects carry the old schema's declared properties and names neither version declares (never a property only the
 * new version declares, unless the old one planned it through a schema in {@code additionalProperties} or a pattern):
 * that is Reflekt's rule, under which an optional property added to an open model is compatible. Which of the values
 * the old schema accepts is for the caller to ask a validator.
 */
final class Instances {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] TYPES = {"null", "boolean", "integer", "number", "string", "array", "object"};
    private static final List<String> FORMAT_EXAMPLES = List.of(
            "a@b.co",
            "2020-01-31",
            "2020-01-31T12:00:00Z",
            "12:00:00Z",
            "http://example.com/x",
            "example.com",
            "127.0.0.1",
            "::1",
            "/a/b",
            "^a+$",
            "ü@b.co");

    private final Random random;
    private final JsonNode older;
    private final JsonNode newer;
    private final List<JsonNode> literals = new ArrayList<>();
    private final List<BigDecimal> numbers = new ArrayList<>();
    private final Set<String> strings = new LinkedHashSet<>();
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<Integer> lengths = new LinkedHashSet<>();

    Instances(JsonNode older, JsonNode newer, long seed) {
        this.random = new Random(seed);
        this.older = older;
        this.newer = newer;
        for (String s : new String[] {"", "a", "ab", "abc", "abcd", "abcdef", "b", "x_a", "x_bcd", "hello world"}) {
            strings.add(s);
        }
        strings.addAll(FORMAT_EXAMPLES);
        for (double d : new double[] {0, 1, -1, 2, 3, 5, 7, 10, 15, 20, 100, 0.5, 1.5, -2.5, 0.25}) {
            numbers.add(BigDecimal.valueOf(d));
        }
        names.add("extra");
        names.add("zz");
        names.add("x_a");
        names.add("x_bcd");
        lengths.add(0);
        lengths.add(1);
        lengths.add(2);
        lengths.add(3);
        collect(older, 0);
        collect(newer, 0);
    }

    /** {@code count} values (the same ones for the same seed). */
    List<JsonNode> draw(int count) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(value(random.nextBoolean() ? older : newer, older, 0));
        }
        return out;
    }

    /** Literal values, bounds, lengths and names anywhere in a schema. */
    private void collect(JsonNode schema, int depth) {
        if (schema == null || !schema.isContainerNode() || depth > 12) {
            return;
        }
        if (schema.isObject()) {
            if (schema.has("const")) {
                literals.add(schema.get("const"));
            }
            schema.path("enum").forEach(literals::add);
            for (String k : new String[] {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}) {
                if (schema.path(k).isNumber()) {
                    BigDecimal v = schema.get(k).decimalValue();
                    for (BigDecimal d : new BigDecimal[] {
                        v,
                        v.add(BigDecimal.ONE),
                        v.subtract(BigDecimal.ONE),
                        v.add(new BigDecimal("0.5")),
                        v.multiply(BigDecimal.valueOf(2)),
                        v.multiply(BigDecimal.valueOf(3)),
                        v.divide(BigDecimal.valueOf(2))
                    }) {
                        numbers.add(d);
                    }
                }
            }
            for (String k :
                    new String[] {"minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"}) {
                if (schema.path(k).canConvertToInt()) {
                    int v = schema.get(k).intValue();
                    for (int l = Math.max(0, v - 1); l <= v + 1 && l < 64; l++) {
                        lengths.add(l);
                        strings.add("a".repeat(l));
                    }
                }
            }
            schema.path("properties").fieldNames().forEachRemaining(names::add);
            schema.path("required").forEach(r -> names.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            schema.path("dependencies").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                names.add(e.getKey());
                if (e.getValue().isArray()) {
                    e.getValue().forEach(r -> names.add(r.asText()));
                }
            }
        }
        for (JsonNode child : schema) {
            collect(child, depth + 1);
        }
    }

    /** A value for {@code schema}; objects take their properties' rule from {@code plan} (the old schema's). */
    private JsonNode value(JsonNode schema, JsonNode plan, int depth) {
        if (depth > 6) {
            return scalar(pick(new String[] {"null", "boolean", "integer", "string"}));
        }
        if (schema == null || !schema.isObject()) {
            return any(depth);
        }
        if (!literals.isEmpty() && random.nextInt(4) == 0) {
            return literals.get(random.nextInt(literals.size()));
        }
        for (String key : new String[] {"anyOf", "oneOf", "allOf"}) {
            JsonNode branches = schema.get(key);
            if (branches != null && branches.isArray() && branches.size() > 0 && random.nextInt(3) > 0) {
                JsonNode branch = branches.get(random.nextInt(branches.size()));
                return value(branch, plan == schema ? branch : plan, depth + 1);
            }
        }
        String type = type(schema);
        return switch (type) {
            case "array" -> array(schema, plan, depth);
            case "object" -> object(schema, plan, depth);
            default -> scalar(type);
        };
    }

    private String type(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t != null && t.isTextual() && random.nextInt(8) > 0) {
            return t.asText();
        }
        if (t != null && t.isArray() && t.size() > 0 && random.nextInt(8) > 0) {
            return t.get(random.nextInt(t.size())).asText();
        }
        if (schema.has("properties") && random.nextBoolean()) {
            return "object";
        }
        if (schema.has("items") && random.nextBoolean()) {
            return "array";
        }
        return pick(TYPES);
    }

    private JsonNode any(int depth) {
        String type = pick(TYPES);
        if (type.equals("array")) {
            return array(null, null, depth);
        }
        if (type.equals("object")) {
            return object(F.objectNode(), null, depth);
        }
        return scalar(type);
    }

    private JsonNode scalar(String type) {
        return switch (type) {
            case "null" -> F.nullNode();
            case "boolean" -> F.booleanNode(random.nextBoolean());
            case "integer" -> F.numberNode(pickNumber().setScale(0, java.math.RoundingMode.DOWN));
            case "number" -> F.numberNode(pickNumber());
            case "string" -> F.textNode(pick(strings.toArray(String[]::new)));
            case "array" -> array(null, null, 7);
            case "object" -> object(F.objectNode(), null, 7);
            default -> F.nullNode();
        };
    }

    private ArrayNode array(JsonNode schema, JsonNode plan, int depth) {
        ArrayNode out = F.arrayNode();
        Integer[] ls = lengths.toArray(Integer[]::new);
        int length = Math.min(ls[random.nextInt(ls.length)], 6);
        for (int i = 0; i < length; i++) {
            JsonNode itemSchema = null;
            if (schema != null) {
                JsonNode items = schema.get("items");
                if (items != null && items.isArray()) {
                    itemSchema = i < items.size() ? items.get(i) : schema.get("additionalItems");
                } else if (items != null) {
                    itemSchema = items;
                }
                if (schema.has("contains") && random.nextInt(3) == 0) {
                    itemSchema = schema.get("contains");
                }
            }
            out.add(itemSchema == null ? any(depth + 1) : value(itemSchema, itemSchema, depth + 1));
        }
        return out;
    }

    private ObjectNode object(JsonNode schema, JsonNode plan, int depth) {
        ObjectNode out = F.objectNode();
        JsonNode rules = plan != null && plan.isObject() ? plan : schema;
        Set<String> required = new LinkedHashSet<>();
        rules.path("required").forEach(r -> required.add(r.asText()));
        for (String name : names) {
            boolean declaredOld = rules.path("properties").has(name);
            boolean onlyNew = declares(newer, name, 0) && !declares(older, name, 0);
            boolean planned = rules.path("additionalProperties").isObject() || matchesPattern(rules, name);
            boolean allowed = declaredOld || !onlyNew || planned;
            if (!allowed || !(required.contains(name) || random.nextInt(5) < 2)) {
                continue;
            }
            JsonNode propertySchema = rules.path("properties").get(name);
            if (propertySchema == null) {
                propertySchema = patternSchema(rules, name);
            }
            if (propertySchema == null && rules.path("additionalProperties").isObject()) {
                propertySchema = rules.get("additionalProperties");
            }
            JsonNode other = schema != null ? schema.path("properties").get(name) : null;
            JsonNode from = other != null && random.nextBoolean() ? other : propertySchema;
            out.set(name, from == null ? any(depth + 1) : value(from, propertySchema, depth + 1));
        }
        return out;
    }

    private static boolean declares(JsonNode schema, String name, int depth) {
        if (schema == null || !schema.isContainerNode() || depth > 12) {
            return false;
        }
        if (schema.isObject() && schema.path("properties").has(name)) {
            return true;
        }
        for (JsonNode child : schema) {
            if (declares(child, name, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesPattern(JsonNode schema, String name) {
        return patternSchema(schema, name) != null;
    }

    private static JsonNode patternSchema(JsonNode schema, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("patternProperties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Pattern.compile(e.getKey()).matcher(name).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    private BigDecimal pickNumber() {
        return numbers.get(random.nextInt(numbers.size()));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
