package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether no value matches both of two schemas, as far as can be told without enumerating values: their types
 * share none, their {@code const}/{@code enum} values share none, or a property both require is apart (a
 * discriminator such as {@code "kind": {"const": "card"}}). False means "not proven apart".
 */
final class Disjoint {

    private Disjoint() {}

    static boolean test(JsonNode a, JsonNode b, int depth) {
        return test(a, b, depth, Optional.empty());
    }

    /**
     * @param context the types the enclosing schema allows (branches of a {@code oneOf} under {@code "type":
     *     "object"}): the object rules hold only where both can be nothing but objects
     */
    static boolean test(JsonNode a, JsonNode b, int depth, Optional<Set<String>> context) {
        if (a == null || b == null) {
            return false;
        }
        if (a.isBoolean() && !a.booleanValue() || b.isBoolean() && !b.booleanValue()) {
            return true;
        }
        Optional<Set<String>> both = Types.intersect(context, Types.intersect(Types.of(a), Types.of(b)));
        if (both.isPresent() && both.get().isEmpty()) {
            return true;
        }
        Optional<List<JsonNode>> va = values(a);
        Optional<List<JsonNode>> vb = values(b);
        if (va.isPresent() && vb.isPresent() && va.get().stream().noneMatch(x -> contains(vb.get(), x))) {
            return true;
        }
        // "required" and "properties" constrain objects only: a string satisfies both branches' rules
        boolean objects = both.isPresent() && both.get().equals(Set.of("object"));
        if (depth > 0 && objects && a.isObject() && b.isObject()) {
            JsonNode pa = a.path("properties");
            JsonNode pb = b.path("properties");
            for (Iterator<String> it = pa.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (pb.has(name)
                        && required(a, name)
                        && required(b, name)
                        && test(pa.get(name), pb.get(name), depth - 1)) {
                    return true;
                }
            }
            return forbids(a, b) || forbids(b, a);
        }
        return false;
    }

    /** Whether {@code a} requires a property {@code closed} cannot have (closed, not declared, no pattern). */
    private static boolean forbids(JsonNode a, JsonNode closed) {
        JsonNode additional = closed.get("additionalProperties");
        if (additional == null
                || !additional.isBoolean()
                || additional.booleanValue()
                || closed.path("patternProperties").size() > 0) {
            return false;
        }
        for (JsonNode r : a.path("required")) {
            if (!closed.path("properties").has(r.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean required(JsonNode schema, String name) {
        for (JsonNode r : schema.path("required")) {
            if (r.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The values a schema allows when it lists them ({@code const}, {@code enum}). */
    private static Optional<List<JsonNode>> values(JsonNode schema) {
        if (!schema.isObject()) {
            return Optional.empty();
        }
        if (schema.has("const")) {
            return Optional.of(List.of(schema.get("const")));
        }
        JsonNode e = schema.get("enum");
        if (e != null && e.isArray()) {
            List<JsonNode> out = new ArrayList<>();
            e.forEach(out::add);
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** JSON equality: {@code 1} and {@code 1.0} are one number. */
    private static boolean contains(List<JsonNode> values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)
                    || v.isNumber() && value.isNumber() && v.decimalValue().compareTo(value.decimalValue()) == 0) {
                return true;
            }
        }
        return false;
    }
}
