package dev.reflekt.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shapes a property's schema allows, as the generators type them: its {@code allOf} branches merged into it,
 * one variant per {@code anyOf}/{@code oneOf} branch (each merged with what the schema says beside the combinator),
 * one per type of a type list, so that every variant has one JSON type (or none: any value). {@code not} and
 * {@code if}/{@code then}/{@code else} only constrain and never change a type; they are left out. A combinator whose
 * branches only constrain ({@code anyOf: [{format: ipv4}, {format: ipv6}]}, {@code oneOf: [{required: [a]}, ...]})
 * does not change the type either.
 *
 * <p>Variants that cannot hold a value ({@code type: string} beside {@code oneOf: [{type: object}]}) are dropped; a
 * union of string values only ({@code oneOf} of {@code const}s) is one string enum.
 */
final class Variants {

    /** Most variants a property may have before it is typed as any JSON value. */
    static final int MAX = 16;
    /** Deepest nesting of combinators followed. */
    private static final int DEPTH = 8;

    private static final Set<String> COMBINATORS = Set.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else");
    /** Keywords that only annotate: the first schema's are kept. */
    private static final Set<String> ANNOTATIONS =
            Set.of("description", "title", "$comment", "examples", "default", "$schema", "$id", "self", "readOnly");
    /** Keywords that make a branch more than a constraint on its parent's type. */
    private static final Set<String> SHAPING =
            Set.of("type", "properties", "items", "enum", "const", "allOf", "anyOf", "oneOf", "additionalProperties");

    private static final List<String> TYPES = List.of("string", "integer", "number", "boolean", "object", "array");

    private Variants() {}

    /**
     * What a schema allows.
     *
     * @param branches the variants, each with one type or none (any JSON value); empty when only {@code null} or
     *     nothing is allowed
     * @param nullable whether {@code null} is allowed
     * @param untyped why the schema is typed as any JSON value though it says more (too many variants, branches that
     *     do not merge), else null
     * @param unsatisfiable no value but perhaps {@code null} satisfies the schema
     */
    record Outcome(List<ObjectNode> branches, boolean nullable, String untyped, boolean unsatisfiable) {

        /** Whether there is more than one variant. */
        boolean union() {
            return branches.size() > 1;
        }
    }

    /** Thrown when branches do not merge; the message says why. */
    private static final class Unmergeable extends Exception {
        Unmergeable(String why) {
            super(why, null, false, false);
        }
    }

    /** The variants of {@code schema}. */
    static Outcome of(JsonNode schema) {
        if (!schema.isObject()) {
            return new Outcome(List.of(), false, null, false);
        }
        if (!hasCombinatorOrList(schema)) {
            boolean nullable = allowsNull(schema);
            if (nullOnly(schema)) {
                return new Outcome(List.of(), true, null, false);
            }
            return new Outcome(List.of((ObjectNode) schema), nullable, null, false);
        }
        List<ObjectNode> expanded;
        try {
            expanded = expand(schema, 0);
        } catch (Unmergeable e) {
            return new Outcome(List.of(), allowsNull(schema), e.getMessage(), false);
        }
        boolean nullable = false;
        List<ObjectNode> typed = new ArrayList<>();
        for (ObjectNode v : expanded) {
            for (ObjectNode one : split(v)) {
                if (nullOnly(one)) {
                    nullable = true;
                } else if (!typed.contains(one)) {
                    typed.add(one);
                }
            }
            nullable |= allowsNull(v);
        }
        typed = stringValues(typed);
        if (typed.size() > MAX) {
            return new Outcome(
                    List.of(), nullable, typed.size() + " variants (more than " + MAX + " are not typed)", false);
        }
        if (typed.stream().anyMatch(v -> !v.has("type") && !v.has("enum") && !v.has("const"))) {
            // one variant takes any value: so does the union
            ObjectNode any = typed.stream()
                    .filter(v -> !v.has("type") && !v.has("enum") && !v.has("const"))
                    .findFirst()
                    .orElseThrow();
            return new Outcome(List.of(any), nullable, null, false);
        }
        return new Outcome(typed, nullable, null, typed.isEmpty() && !nullable);
    }

    private static boolean hasCombinatorOrList(JsonNode schema) {
        for (String c : COMBINATORS) {
            if (schema.has(c)) {
                return true;
            }
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            int nonNull = 0;
            for (JsonNode t : type) {
                nonNull += "null".equals(t.asText()) ? 0 : 1;
            }
            return nonNull > 1;
        }
        return !schema.has("type") && !schema.has("enum") && !schema.has("const") && objectKeywords(schema);
    }

    private static boolean objectKeywords(JsonNode schema) {
        return schema.path("properties").isObject()
                && !schema.path("properties").isEmpty();
    }

    /** Only {@code null}: {@code type: "null"}, {@code type: ["null"]}, {@code enum: [null]}, {@code const: null}. */
    private static boolean nullOnly(JsonNode v) {
        if (v.has("const")) {
            return v.get("const").isNull();
        }
        if (v.path("enum").isArray() && v.path("enum").size() > 0) {
            for (JsonNode e : v.path("enum")) {
                if (!e.isNull()) {
                    return false;
                }
            }
            return true;
        }
        Set<String> types = types(v);
        return types != null && types.equals(Set.of("null"));
    }

    private static boolean allowsNull(JsonNode v) {
        Set<String> types = types(v);
        boolean inEnum = false;
        for (JsonNode e : v.path("enum")) {
            inEnum |= e.isNull();
        }
        return (types != null && types.contains("null")) || inEnum;
    }

    /** The listed types, or null when none are given. */
    private static Set<String> types(JsonNode v) {
        JsonNode type = v.path("type");
        if (type.isTextual()) {
            return Set.of(type.asText());
        }
        if (type.isArray()) {
            Set<String> out = new LinkedHashSet<>();
            type.forEach(t -> out.add(t.asText()));
            return out;
        }
        return null;
    }

    /** The variants of {@code schema}, combinators resolved; the result is never empty but may hold none-typed. */
    private static List<ObjectNode> expand(JsonNode schema, int depth) throws Unmergeable {
        if (depth > DEPTH) {
            throw new Unmergeable("combinators nest more than " + DEPTH + " deep");
        }
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        schema.fields().forEachRemaining(e -> {
            if (!COMBINATORS.contains(e.getKey())) {
                base.set(e.getKey(), e.getValue());
            }
        });
        List<ObjectNode> current = new ArrayList<>(List.of(base));
        for (JsonNode branch : schema.path("allOf")) {
            current = product(current, expand(branch, depth + 1));
        }
        for (String union : List.of("anyOf", "oneOf")) {
            JsonNode branches = schema.path(union);
            if (!branches.isArray() || branches.isEmpty() || onlyConstrain(branches)) {
                continue;
            }
            List<ObjectNode> all = new ArrayList<>();
            for (JsonNode branch : branches) {
                all.addAll(expand(branch, depth + 1));
            }
            current = product(current, all);
            if (current.size() > MAX * 4) {
                throw new Unmergeable(current.size() + " variants (more than " + MAX + " are not typed)");
            }
        }
        return current;
    }

    private static boolean onlyConstrain(JsonNode branches) {
        for (JsonNode b : branches) {
            for (String k : SHAPING) {
                if (b.has(k)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every variant of {@code left} merged with every variant of {@code right}; merges that allow nothing dropped. */
    private static List<ObjectNode> product(List<ObjectNode> left, List<ObjectNode> right) throws Unmergeable {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode l : left) {
            for (ObjectNode r : right) {
                ObjectNode m = merge(l, r);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        if (out.isEmpty()) {
            // nothing satisfies both: a variant allowing no type at all
            ObjectNode none = JsonNodeFactory.instance.objectNode();
            none.set("type", JsonNodeFactory.instance.arrayNode());
            out.add(none);
        }
        return out;
    }

    /** Both schemas at once, or null when no value (but perhaps null) satisfies both. */
    private static ObjectNode merge(ObjectNode a, ObjectNode b) throws Unmergeable {
        ObjectNode out = a.deepCopy();
        var fields = b.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String k = e.getKey();
            JsonNode theirs = e.getValue();
            JsonNode mine = out.get(k);
            if (mine == null) {
                out.set(k, theirs);
            } else if (mine.equals(theirs) || ANNOTATIONS.contains(k)) {
                continue;
            } else if (k.equals("type")) {
                Set<String> t = intersect(types(out), types(b));
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                t.forEach(list::add);
                out.set("type", list.size() == 1 ? list.get(0) : list);
            } else if (k.equals("properties") && mine.isObject() && theirs.isObject()) {
                ObjectNode props = ((ObjectNode) mine).deepCopy();
                var ps = theirs.fields();
                while (ps.hasNext()) {
                    var p = ps.next();
                    JsonNode had = props.get(p.getKey());
                    if (had == null || had.equals(p.getValue())) {
                        props.set(p.getKey(), p.getValue());
                    } else {
                        ObjectNode both = JsonNodeFactory.instance.objectNode();
                        both.putArray("allOf").add(had).add(p.getValue());
                        props.set(p.getKey(), both);
                    }
                }
                out.set("properties", props);
            } else if (k.equals("required") && mine.isArray() && theirs.isArray()) {
                Set<String> req = new LinkedHashSet<>();
                mine.forEach(n -> req.add(n.asText()));
                theirs.forEach(n -> req.add(n.asText()));
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                req.forEach(list::add);
                out.set("required", list);
            } else if (k.equals("enum") && mine.isArray() && theirs.isArray()) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (JsonNode v : mine) {
                    for (JsonNode w : theirs) {
                        if (v.equals(w)) {
                            list.add(v);
                            break;
                        }
                    }
                }
                out.set("enum", list);
            } else if (Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
                            .contains(k)
                    && mine.isNumber()
                    && theirs.isNumber()) {
                out.set(k, mine.decimalValue().compareTo(theirs.decimalValue()) >= 0 ? mine : theirs);
            } else if (Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
                            .contains(k)
                    && mine.isNumber()
                    && theirs.isNumber()) {
                out.set(k, mine.decimalValue().compareTo(theirs.decimalValue()) <= 0 ? mine : theirs);
            } else {
                throw new Unmergeable("two branches set '" + k + "' differently");
            }
        }
        Set<String> t = types(out);
        if (t != null && t.isEmpty()) {
            return null;
        }
        if (out.has("const") && t != null && t.stream().noneMatch(x -> fits(out.get("const"), x))) {
            return null;
        }
        if (out.path("enum").isArray() && out.path("enum").isEmpty()) {
            return null;
        }
        return out;
    }

    /** Types both allow: an integer is a number; no list means any type. */
    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : a) {
            if (b.contains(t)) {
                out.add(t);
            } else if (t.equals("integer") && b.contains("number")) {
                out.add("integer");
            } else if (t.equals("number") && b.contains("integer")) {
                out.add("integer");
            }
        }
        return out;
    }

    /** One variant per listed type (null among them kept apart), enum and const values kept where they fit. */
    private static List<ObjectNode> split(ObjectNode v) {
        Set<String> types = types(v);
        if (types == null) {
            if (!v.has("enum") && !v.has("const") && objectKeywords(v)) {
                ObjectNode o = v.deepCopy();
                o.put("type", "object");
                return List.of(o);
            }
            return List.of(v);
        }
        List<ObjectNode> out = new ArrayList<>();
        List<String> nonNull = new ArrayList<>();
        for (String t : types) {
            if (t.equals("null")) {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("type", "null");
                out.add(n);
            } else if (TYPES.contains(t) && !nonNull.contains(t)) {
                nonNull.add(t);
            }
        }
        if (nonNull.size() == 1 && !types.contains("null")) {
            return List.of(v);
        }
        for (String t : nonNull) {
            ObjectNode one = v.deepCopy();
            one.put("type", t);
            if (v.path("enum").isArray()) {
                ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                v.path("enum").forEach(e -> {
                    if (fits(e, t)) {
                        kept.add(e);
                    }
                });
                if (kept.isEmpty()) {
                    continue;
                }
                one.set("enum", kept);
            }
            if (v.has("const") && !fits(v.get("const"), t)) {
                continue;
            }
            out.add(one);
        }
        return out;
    }

    private static boolean fits(JsonNode value, String type) {
        String t = jsonType(value);
        return t.equals(type) || (type.equals("number") && t.equals("integer"));
    }

    private static String jsonType(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isIntegralNumber()
                || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0)) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isArray() ? "array" : "object";
    }

    /** A union of string constants and string enums only is one string enum of all their values. */
    private static List<ObjectNode> stringValues(List<ObjectNode> variants) {
        if (variants.size() < 2) {
            return variants;
        }
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode v : variants) {
            Set<String> t = types(v);
            if (t != null && !t.equals(Set.of("string"))) {
                return variants;
            }
            if (v.has("const") && v.get("const").isTextual()) {
                values.add(v.get("const"));
            } else if (v.path("enum").isArray() && !v.path("enum").isEmpty()) {
                for (JsonNode e : v.path("enum")) {
                    if (!e.isTextual()) {
                        return variants;
                    }
                    values.add(e);
                }
            } else {
                return variants;
            }
        }
        ObjectNode one = JsonNodeFactory.instance.objectNode();
        one.put("type", "string");
        ArrayNode distinct = JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> {
            boolean seen = false;
            for (JsonNode d : distinct) {
                seen |= d.equals(v);
            }
            if (!seen) {
                distinct.add(v);
            }
        });
        one.set("enum", distinct);
        return List.of(one);
    }
}
