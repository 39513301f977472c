package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON types a schema allows: its {@code type}, narrowed by its {@code const}/{@code enum} values and its
 * {@code allOf} branches, and by the union of its {@code anyOf}/{@code oneOf} branches. Empty when any type is
 * allowed; an empty set when none is ({@code {"allOf": [{"type": "number"}, {"type": "string"}]}}). An integer is a
 * number.
 */
final class Types {

    private static final int DEPTH = 4;

    private Types() {}

    static Optional<Set<String>> of(JsonNode schema) {
        return of(schema, DEPTH, true);
    }

    /**
     * The types allowed, counting {@code const} and {@code enum} at the top only when {@code values}: a change
     * that adds or removes them is reported as such, not also as a type change.
     */
    static Optional<Set<String>> of(JsonNode schema, boolean values) {
        return of(schema, DEPTH, values);
    }

    /** Whether a schema lists its values ({@code const} or {@code enum}). */
    static boolean listsValues(JsonNode schema) {
        return schema != null && (schema.has("const") || schema.path("enum").isArray());
    }

    private static Optional<Set<String>> of(JsonNode schema, int depth, boolean values) {
        if (schema == null || schema.isBoolean()) {
            return schema != null && !schema.booleanValue() ? Optional.of(Set.of()) : Optional.empty();
        }
        if (!schema.isObject()) {
            return Optional.empty();
        }
        Optional<Set<String>> out = declared(schema.get("type"));
        if (values && schema.has("const")) {
            out = intersect(out, Optional.of(Set.of(ofValue(schema.get("const")))));
        }
        JsonNode list = schema.get("enum");
        if (values && list != null && list.isArray()) {
            Set<String> types = new TreeSet<>();
            list.forEach(v -> types.add(ofValue(v)));
            out = intersect(out, Optional.of(types));
        }
        if (depth == 0) {
            return out;
        }
        JsonNode all = schema.get("allOf");
        if (all != null && all.isArray()) {
            for (JsonNode branch : all) {
                out = intersect(out, of(branch, depth - 1, true));
            }
        }
        for (String key : new String[] {"anyOf", "oneOf"}) {
            JsonNode branches = schema.get(key);
            if (branches != null && branches.isArray() && branches.size() > 0) {
                Set<String> union = new TreeSet<>();
                boolean any = false;
                for (JsonNode branch : branches) {
                    Optional<Set<String>> t = of(branch, depth - 1, true);
                    any |= t.isEmpty();
                    t.ifPresent(union::addAll);
                }
                if (!any) {
                    out = intersect(out, Optional.of(union));
                }
            }
        }
        return out;
    }

    /** The {@code type} keyword's types ({@code any}, an old draft's, dropped); empty when it allows any. */
    private static Optional<Set<String>> declared(JsonNode type) {
        Set<String> out = new TreeSet<>();
        if (type != null && type.isTextual()) {
            out.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        }
        out.remove("any");
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** The JSON type of a value; a number with no fraction is an integer. */
    static String ofValue(JsonNode value) {
        if (value.isNull()) {
            return "null";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isTextual()) {
            return "string";
        } else if (value.isObject()) {
            return "object";
        } else if (value.isArray()) {
            return "array";
        }
        return value.isIntegralNumber()
                        || value.decimalValue().stripTrailingZeros().scale() <= 0
                ? "integer"
                : "number";
    }

    /** The types both allow: an integer is a number. */
    static Optional<Set<String>> intersect(Optional<Set<String>> a, Optional<Set<String>> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        Set<String> out = new TreeSet<>();
        for (String t : a.get()) {
            if (b.get().contains(t)) {
                out.add(t);
            } else if (t.equals("integer") && b.get().contains("number")
                    || t.equals("number") && b.get().contains("integer")) {
                out.add("integer");
            }
        }
        return Optional.of(out);
    }

    /** Whether a value of {@code type} is allowed by {@code types}. */
    static boolean covers(Set<String> types, String type) {
        return types.contains(type) || (type.equals("integer") && types.contains("number"));
    }

    /** How messages show a type set. */
    static String show(Optional<Set<String>> types) {
        return types.map(t -> t.isEmpty() ? "none" : t.toString()).orElse("any");
    }
}
