package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small draft-07 evaluator that proves an instance valid, or says it cannot; never the other way round.
 *
 * <p>Linting validates every schema file against the project's meta-schema. The full validator explains
 * every violation but costs, in a fresh JVM, far more than the files it checks; nearly every file is
 * valid, and for those this class answers alone. It {@linkplain #compile compiles} only a schema it
 * understands completely (the keywords a meta-schema uses, references within the document and to the
 * draft-07 meta-schema); for anything else there is no quick schema and the full validator does all the
 * work. Where the full validator's answer depends on a detail this class does not model (a number's
 * representation, a string with a line break under a {@code pattern}), the answer is {@link #UNKNOWN}, and
 * the full validator decides. Formats and regular expressions are checked exactly as the full validator
 * checks them, with its own regular-expression rewriting.
 *
 * <p>Contract: never VALID where networknt finds a violation, never INVALID where it finds none (checked by random
 * differential tests, {@code QuickSchemaTest}). What it buys: without it, linting Iglu Central's 660 schemas takes 486 ms instead of 259 ms
 * (bench/README.md, issue 30).
 *
 * <p>Immutable and thread-safe once compiled.
 */
final class QuickSchema {

    /** An evaluation's outcome: proven valid. */
    static final int VALID = 1;

    /** Proven invalid. */
    static final int INVALID = 0;

    /** Not decided here. */
    static final int UNKNOWN = -1;

    private static final String DRAFT_7 = "http://json-schema.org/draft-07/schema";

    /** Keywords without a validation aspect in draft-07. */
    private static final Set<String> ANNOTATIONS =
            Set.of("$schema", "$id", "$comment", "title", "description", "default", "examples", "definitions");

    /** Keywords the full validator implements for draft-07 and this class does not: their presence declines. */
    private static final Set<String> UNMODELED = Set.of(
            "contentEncoding",
            "contentMediaType",
            "dependencies",
            "if",
            "then",
            "else",
            "additionalItems",
            "minContains",
            "maxContains",
            "readOnly",
            "writeOnly",
            "id",
            "true",
            "false",
            "notAllowed");

    private static final Set<String> TYPES =
            Set.of("array", "boolean", "integer", "null", "number", "object", "string");

    private static final Set<String> NAME_MAPS =
            Set.of("properties", "patternProperties", "definitions", "dependencies");

    private final Node root;

    private QuickSchema(Node root) {
        this.root = root;
    }

    /**
     * Compiles {@code schema}, or returns empty when any part of it is outside what this class models
     * exactly (then the full validator must do all the work).
     */
    static Optional<QuickSchema> compile(JsonNode schema) {
        try {
            return Optional.of(new QuickSchema(new Compiler().document(schema, false)));
        } catch (Declined e) {
            return Optional.empty();
        }
    }

    /** {@link #VALID}, {@link #INVALID} or {@link #UNKNOWN} for {@code instance}. */
    int evaluate(JsonNode instance) {
        return root.evaluate(instance);
    }

    /** The schema is outside what this class models. */
    private static final class Declined extends Exception {
        Declined() {
            super(null, null, false, false);
        }
    }

    /** Compiles one document and those it references; a node per schema location, shared by references. */
    private static final class Compiler {

        private final Map<String, Node> compiled = new HashMap<>();
        private JsonNode draft7;

        Node document(JsonNode doc, boolean isDraft7) throws Declined {
            JsonNode dialect = doc.get("$schema");
            if (dialect != null && !(dialect.isTextual() && isDraft7Uri(dialect.textValue()))) {
                throw new Declined();
            }
            rejectEmbeddedIds(doc, true, false);
            return schema(doc, doc, isDraft7 ? "draft7" : "own", "");
        }

        /** An {@code $id} below the root changes what references resolve to; not modelled. */
        private static void rejectEmbeddedIds(JsonNode node, boolean root, boolean names) throws Declined {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!root && !names && "$id".equals(e.getKey())) {
                        throw new Declined();
                    }
                    rejectEmbeddedIds(e.getValue(), false, !names && NAME_MAPS.contains(e.getKey()));
                }
            } else if (node.isArray()) {
                for (JsonNode item : node) {
                    rejectEmbeddedIds(item, false, false);
                }
            }
        }

        private Node schema(JsonNode node, JsonNode doc, String docName, String pointer) throws Declined {
            String key = docName + "#" + pointer;
            Node known = compiled.get(key);
            if (known != null) {
                return known;
            }
            Node out = new Node();
            compiled.put(key, out);
            if (node.isBoolean()) {
                out.always = node.booleanValue() ? VALID : INVALID;
                return out;
            }
            if (!node.isObject()) {
                throw new Declined();
            }
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!"$ref".equals(name) && !ANNOTATIONS.contains(name) && isKeyword(name)) {
                        throw new Declined();
                    }
                }
                out.ref = reference(ref, doc, docName);
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                keyword(out, e.getKey(), e.getValue(), doc, docName, pointer + "/" + LocatedTree.escape(e.getKey()));
            }
            return out;
        }

        private static boolean isKeyword(String name) {
            return UNMODELED.contains(name) || Node.MODELED.contains(name);
        }

        private void keyword(Node out, String name, JsonNode value, JsonNode doc, String docName, String at)
                throws Declined {
            if (ANNOTATIONS.contains(name)) {
                return;
            }
            if (UNMODELED.contains(name)) {
                throw new Declined();
            }
            switch (name) {
                case "type" -> out.types = Node.typeBits(types(value));
                case "properties" -> out.properties = schemaMap(value, doc, docName, at);
                case "patternProperties" -> {
                    Map<String, Node> byPattern = schemaMap(value, doc, docName, at);
                    out.patternProperties = new ArrayList<>();
                    for (Map.Entry<String, Node> e : byPattern.entrySet()) {
                        out.patternProperties.add(Map.entry(regex(e.getKey()), e.getValue()));
                    }
                }
                case "additionalProperties" -> out.additionalProperties = schema(value, doc, docName, at);
                case "propertyNames" -> out.propertyNames = schema(value, doc, docName, at);
                case "required" -> out.required = strings(value);
                case "minProperties" -> out.minProperties = count(value);
                case "maxProperties" -> out.maxProperties = count(value);
                case "items" -> {
                    if (value.isArray()) {
                        throw new Declined();
                    }
                    out.items = schema(value, doc, docName, at);
                }
                case "contains" -> out.contains = schema(value, doc, docName, at);
                case "minItems" -> out.minItems = count(value);
                case "maxItems" -> out.maxItems = count(value);
                case "uniqueItems" -> {
                    if (!value.isBoolean()) {
                        throw new Declined();
                    }
                    out.uniqueItems = value.booleanValue();
                }
                case "minLength" -> out.minLength = count(value);
                case "maxLength" -> out.maxLength = count(value);
                case "pattern" -> {
                    if (!value.isTextual()) {
                        throw new Declined();
                    }
                    out.pattern = regex(value.textValue());
                }
                case "format" -> {
                    if (!value.isTextual()) {
                        throw new Declined();
                    }
                    if (!Node.FORMATS.contains(value.textValue())) {
                        // the full validator's own implementation of the format: the same answer by construction
                        out.delegated = Node.DELEGATED.get(value.textValue());
                        if (out.delegated == null) {
                            throw new Declined();
                        }
                    }
                    out.format = value.textValue();
                }
                case "enum" -> {
                    if (!value.isArray() || value.isEmpty()) {
                        throw new Declined();
                    }
                    out.enumValues = value;
                    out.enumStrings = textsOnly(value);
                }
                case "const" -> out.constValue = value;
                case "minimum" -> out.minimum = bound(value);
                case "maximum" -> out.maximum = bound(value);
                case "exclusiveMinimum" -> out.exclusiveMinimum = bound(value);
                case "exclusiveMaximum" -> out.exclusiveMaximum = bound(value);
                case "multipleOf" -> out.multipleOf = divisor(value);
                case "allOf" -> out.allOf = schemaList(value, doc, docName, at);
                case "anyOf" -> out.anyOf = schemaList(value, doc, docName, at);
                case "oneOf" -> out.oneOf = schemaList(value, doc, docName, at);
                case "not" -> out.not = schema(value, doc, docName, at);
                default -> {
                    // a keyword draft-07 does not define: an annotation, as in SchemaValidator's dialect
                }
            }
        }

        private Node reference(JsonNode ref, JsonNode doc, String docName) throws Declined {
            if (!ref.isTextual()) {
                throw new Declined();
            }
            String text = ref.textValue();
            if (isDraft7Uri(text)) {
                return draft7Root();
            }
            if (!text.startsWith("#") || text.indexOf('%') >= 0) {
                throw new Declined();
            }
            String pointer = text.substring(1);
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new Declined();
            }
            JsonNode target = doc;
            if (!pointer.isEmpty()) {
                for (String token : pointer.substring(1).split("/", -1)) {
                    String name = LocatedTree.unescape(token);
                    target = target.isObject() ? target.get(name) : null;
                    if (target == null) {
                        throw new Declined();
                    }
                }
            }
            return schema(target, doc, docName, pointer);
        }

        private Node draft7Root() throws Declined {
            if (draft7 == null) {
                draft7 = readDraft7();
            }
            String key = "draft7#";
            Node known = compiled.get(key);
            return known != null ? known : document(draft7, true);
        }

        private static JsonNode readDraft7() throws Declined {
            // the full validator's own copy, so that both read the same meta-schema
            try (InputStream in = com.networknt.schema.regex.RegularExpressions.class
                    .getClassLoader()
                    .getResourceAsStream("draft-07/schema")) {
                if (in == null) {
                    throw new Declined();
                }
                return new LocatedTreeReader()
                        .readJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .root();
            } catch (IOException | ParseException e) {
                throw new Declined();
            }
        }

        private Map<String, Node> schemaMap(JsonNode value, JsonNode doc, String docName, String at) throws Declined {
            if (!value.isObject()) {
                throw new Declined();
            }
            Map<String, Node> out = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), schema(e.getValue(), doc, docName, at + "/" + LocatedTree.escape(e.getKey())));
            }
            return out;
        }

        private List<Node> schemaList(JsonNode value, JsonNode doc, String docName, String at) throws Declined {
            if (!value.isArray() || value.isEmpty()) {
                throw new Declined();
            }
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                out.add(schema(value.get(i), doc, docName, at + "/" + i));
            }
            return out;
        }

        private static Set<String> types(JsonNode value) throws Declined {
            Set<String> out = new HashSet<>();
            if (value.isTextual()) {
                out.add(value.textValue());
            } else if (value.isArray() && !value.isEmpty()) {
                for (JsonNode t : value) {
                    if (!t.isTextual() || !out.add(t.textValue())) {
                        throw new Declined();
                    }
                }
            } else {
                throw new Declined();
            }
            if (!TYPES.containsAll(out)) {
                throw new Declined();
            }
            return out;
        }

        /** The options of an {@code enum} that has only strings, else null. */
        private static Set<String> textsOnly(JsonNode options) {
            Set<String> out = new HashSet<>();
            for (JsonNode option : options) {
                if (!option.isTextual()) {
                    return null;
                }
                out.add(option.textValue());
            }
            return out;
        }

        private static Set<String> strings(JsonNode value) throws Declined {
            if (!value.isArray()) {
                throw new Declined();
            }
            Set<String> out = new HashSet<>();
            for (JsonNode s : value) {
                if (!s.isTextual()) {
                    throw new Declined();
                }
                out.add(s.textValue());
            }
            return out;
        }

        private static long count(JsonNode value) throws Declined {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw new Declined();
            }
            return value.longValue();
        }

        /**
         * A bound, exactly as written: the full validator compares a decimal with a bound by their decimal texts
         * (and two longs as longs), which is exact comparison. A binary floating-point node is not modelled.
         */
        private static BigDecimal bound(JsonNode value) throws Declined {
            if (!exactNumber(value)) {
                throw new Declined();
            }
            return value.decimalValue();
        }

        /**
         * A {@code multipleOf} divisor as the full validator takes it: its decimal value with trailing zeros
         * stripped. Zero (which the full validator ignores) and negative divisors are not modelled.
         */
        private static BigDecimal divisor(JsonNode value) throws Declined {
            if (!exactNumber(value) || value.decimalValue().signum() <= 0 || beyondDouble(value)) {
                throw new Declined();
            }
            return value.decimalValue().stripTrailingZeros();
        }

        private static Pattern regex(String source) throws Declined {
            try {
                return EcmaRegex.compile(source);
            } catch (RuntimeException e) {
                throw new Declined();
            }
        }
    }

    /**
     * A path of unreserved characters and slashes ({@code shop/Cart_Viewed/1-0.json}), not starting with
     * {@code //}: java.net.URI reads it as a relative path, so it is a valid URI reference.
     */
    static boolean plainRelativePath(String text) {
        if (text.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '/'
                    || c == '.'
                    || c == '_'
                    || c == '-'
                    || c == '~')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is a number held exactly (an integer or a decimal), not a binary double. */
    static boolean exactNumber(JsonNode value) {
        return value.isIntegralNumber() || value.isBigDecimal();
    }

    /** Whether {@code value} is an integer a double does not hold exactly (beyond 2^53). */
    static boolean beyondDouble(JsonNode value) {
        return value.isIntegralNumber() && (!value.canConvertToLong() || Math.abs(value.longValue()) > (1L << 53));
    }

    static boolean isDraft7Uri(String uri) {
        return uri.equals(DRAFT_7) || uri.equals(DRAFT_7 + "#");
    }

    /** One schema location. Unset keywords are null. */
    private static final class Node {

        static final Set<String> MODELED = Set.of(
                "type",
                "properties",
                "patternProperties",
                "additionalProperties",
                "propertyNames",
                "required",
                "minProperties",
                "maxProperties",
                "items",
                "contains",
                "minItems",
                "maxItems",
                "uniqueItems",
                "minLength",
                "maxLength",
                "pattern",
                "format",
                "enum",
                "const",
                "minimum",
                "maximum",
                "exclusiveMinimum",
                "exclusiveMaximum",
                "multipleOf",
                "allOf",
                "anyOf",
                "oneOf",
                "not",
                "$ref");

        static final Set<String> FORMATS = Set.of("uri", "uri-reference", "regex");

        /**
         * The formats of draft-07 (and {@code uuid}, common in tracking plans) that the full validator checks with a
         * test of the string alone, evaluated with that same implementation: event payloads are full of
         * {@code date-time}, {@code email} and {@code uuid}, and a schema with one would otherwise never take the
         * quick path.
         */
        static final Map<String, com.networknt.schema.format.Format> DELEGATED = delegated();

        private static Map<String, com.networknt.schema.format.Format> delegated() {
            Set<String> names = Set.of(
                    "date-time",
                    "date",
                    "time",
                    "email",
                    "idn-email",
                    "hostname",
                    "idn-hostname",
                    "ipv4",
                    "ipv6",
                    "iri",
                    "iri-reference",
                    "uri-template",
                    "json-pointer",
                    "relative-json-pointer",
                    "uuid");
            Map<String, com.networknt.schema.format.Format> out = new HashMap<>();
            for (com.networknt.schema.format.Format f : com.networknt.schema.format.Formats.DEFAULT) {
                if (names.contains(f.getName())) {
                    out.put(f.getName(), f);
                }
            }
            return Map.copyOf(out);
        }

        static final int OBJECT = 1;
        static final int ARRAY = 2;
        static final int STRING = 4;
        static final int BOOLEAN = 8;
        static final int NULL = 16;
        static final int NUMBER = 32;
        static final int INTEGER = 64;

        int always = UNKNOWN;
        Node ref;
        BigDecimal multipleOf;
        /** The allowed types as bits ({@link #OBJECT} ...), 0 when {@code type} is absent. */
        int types;

        Map<String, Node> properties;
        List<Map.Entry<Pattern, Node>> patternProperties;
        Node additionalProperties;
        Node propertyNames;
        Set<String> required;
        Long minProperties;
        Long maxProperties;
        Node items;
        Node contains;
        Long minItems;
        Long maxItems;
        boolean uniqueItems;
        Long minLength;
        Long maxLength;
        Pattern pattern;
        String format;
        com.networknt.schema.format.Format delegated;
        JsonNode enumValues;
        /** The {@link #enumValues} when all are strings: a value is one of them when it is a string in the set. */
        Set<String> enumStrings;

        JsonNode constValue;
        BigDecimal minimum;
        BigDecimal maximum;
        BigDecimal exclusiveMinimum;
        BigDecimal exclusiveMaximum;
        List<Node> allOf;
        List<Node> anyOf;
        List<Node> oneOf;
        Node not;

        int evaluate(JsonNode value) {
            if (always != UNKNOWN) {
                return always;
            }
            if (ref != null) {
                return ref.evaluate(value);
            }
            int result = VALID;
            if (types != 0) {
                result = and(result, type(value));
                if (result == INVALID) {
                    return INVALID;
                }
            }
            if (value.isObject()) {
                result = and(result, object(value));
                if (uniqueItems) {
                    result = and(result, UNKNOWN); // the full validator applies it to an object's values
                }
            } else if (value.isArray()) {
                result = and(result, array(value));
            } else if (value.isTextual()) {
                result = and(result, string(value.textValue()));
            } else if (value.isNumber()) {
                result = and(result, number(value));
            }
            if (result == INVALID) {
                return INVALID;
            }
            if (enumStrings != null) {
                result = and(result, value.isTextual() && enumStrings.contains(value.textValue()) ? VALID : INVALID);
            } else if (enumValues != null) {
                int any = INVALID;
                for (JsonNode option : enumValues) {
                    any = or(any, same(value, option));
                }
                result = and(result, any);
            }
            if (constValue != null) {
                result = and(result, same(value, constValue));
            }
            return result == INVALID ? INVALID : and(result, combinators(value));
        }

        private int combinators(JsonNode value) {
            int result = VALID;
            if (allOf != null) {
                for (Node n : allOf) {
                    result = and(result, n.evaluate(value));
                    if (result == INVALID) {
                        return INVALID;
                    }
                }
            }
            if (anyOf != null) {
                int any = INVALID;
                for (Node n : anyOf) {
                    any = or(any, n.evaluate(value));
                    if (any == VALID) {
                        break;
                    }
                }
                result = and(result, any);
            }
            if (oneOf != null) {
                int valid = 0;
                boolean unknown = false;
                for (Node n : oneOf) {
                    int r = n.evaluate(value);
                    valid += r == VALID ? 1 : 0;
                    unknown |= r == UNKNOWN;
                }
                result = and(result, valid > 1 ? INVALID : unknown ? UNKNOWN : valid == 1 ? VALID : INVALID);
            }
            if (not != null) {
                int r = not.evaluate(value);
                result = and(result, r == UNKNOWN ? UNKNOWN : r == VALID ? INVALID : VALID);
            }
            return result;
        }

        static int typeBits(Set<String> names) {
            int bits = 0;
            for (String name : names) {
                bits |= switch (name) {
                    case "object" -> OBJECT;
                    case "array" -> ARRAY;
                    case "string" -> STRING;
                    case "boolean" -> BOOLEAN;
                    case "null" -> NULL;
                    case "number" -> NUMBER;
                    case "integer" -> INTEGER;
                    default -> throw new IllegalArgumentException(name); // TYPES was checked
                };
            }
            return bits;
        }

        private int type(JsonNode value) {
            if (value.isObject()) {
                return (types & OBJECT) != 0 ? VALID : INVALID;
            }
            if (value.isArray()) {
                return (types & ARRAY) != 0 ? VALID : INVALID;
            }
            if (value.isTextual()) {
                return (types & STRING) != 0 ? VALID : INVALID;
            }
            if (value.isBoolean()) {
                return (types & BOOLEAN) != 0 ? VALID : INVALID;
            }
            if (value.isNull()) {
                return (types & NULL) != 0 ? VALID : INVALID;
            }
            if (value.isNumber()) {
                if ((types & NUMBER) != 0 || (value.isIntegralNumber() && (types & INTEGER) != 0)) {
                    return VALID;
                }
                // whether 2.0 is an integer is the full validator's call
                return (types & INTEGER) != 0 ? UNKNOWN : INVALID;
            }
            return UNKNOWN;
        }

        private int object(JsonNode value) {
            int result = VALID;
            int size = value.size();
            if (minProperties != null && size < minProperties) {
                return INVALID;
            }
            if (maxProperties != null && size > maxProperties) {
                return INVALID;
            }
            if (required != null) {
                for (String name : required) {
                    if (!value.has(name)) {
                        return INVALID;
                    }
                }
            }
            if (properties == null
                    && patternProperties == null
                    && additionalProperties == null
                    && propertyNames == null) {
                return result;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                boolean matched = false;
                if (properties != null) {
                    Node p = properties.get(name);
                    if (p != null) {
                        matched = true;
                        result = and(result, p.evaluate(e.getValue()));
                    }
                }
                if (patternProperties != null) {
                    for (Map.Entry<Pattern, Node> pp : patternProperties) {
                        int found = find(pp.getKey(), name);
                        if (found == UNKNOWN) {
                            return UNKNOWN;
                        }
                        if (found == VALID) {
                            matched = true;
                            result = and(result, pp.getValue().evaluate(e.getValue()));
                        }
                    }
                }
                if (!matched && additionalProperties != null) {
                    result = and(result, additionalProperties.evaluate(e.getValue()));
                }
                if (propertyNames != null) {
                    result = and(
                            result, propertyNames.evaluate(com.fasterxml.jackson.databind.node.TextNode.valueOf(name)));
                }
                if (result == INVALID) {
                    return INVALID;
                }
            }
            return result;
        }

        private int array(JsonNode value) {
            int size = value.size();
            if (minItems != null && size < minItems) {
                return INVALID;
            }
            if (maxItems != null && size > maxItems) {
                return INVALID;
            }
            int result = VALID;
            if (items != null) {
                for (JsonNode item : value) {
                    result = and(result, items.evaluate(item));
                    if (result == INVALID) {
                        return INVALID;
                    }
                }
            }
            if (contains != null) {
                int any = INVALID;
                for (JsonNode item : value) {
                    any = or(any, contains.evaluate(item));
                    if (any == VALID) {
                        break;
                    }
                }
                result = and(result, any);
            }
            if (uniqueItems) {
                result = and(result, unique(value));
            }
            return result;
        }

        /**
         * Whether the items are distinct. The full validator puts them in a {@code HashSet}, so Jackson's equality
         * decides there; the specification also calls {@code 1} and {@code 1.0} equal, so where two items differ
         * only in how a number is written, the answer is left to it.
         */
        private static int unique(JsonNode array) {
            boolean texts = true;
            for (JsonNode item : array) {
                texts &= item.isTextual();
            }
            if (texts) {
                Set<String> seen = new HashSet<>();
                for (JsonNode item : array) {
                    if (!seen.add(item.textValue())) {
                        return INVALID;
                    }
                }
                return VALID;
            }
            Set<JsonNode> seen = new HashSet<>();
            Set<String> numeric = new HashSet<>();
            for (JsonNode item : array) {
                if (!seen.add(item)) {
                    return INVALID;
                }
                String canonical = canonical(item, new StringBuilder()).toString();
                if (!numeric.add(canonical)) {
                    return UNKNOWN;
                }
            }
            return VALID;
        }

        /**
         * {@code value} with numbers by value and object members sorted: equal for values the spec calls equal.
         * Written by hand: a JsonNode's {@code toString} would load all of databind (about 300 ms in a fresh JVM).
         */
        private static StringBuilder canonical(JsonNode value, StringBuilder out) {
            if (value.isNumber()) {
                out.append(
                        exactNumber(value)
                                ? value.decimalValue().stripTrailingZeros().toString()
                                : value.asText());
            } else if (value.isTextual()) {
                quoted(value.textValue(), out);
            } else if (value.isObject()) {
                List<String> names = new ArrayList<>();
                value.fieldNames().forEachRemaining(names::add);
                java.util.Collections.sort(names);
                out.append('{');
                for (String name : names) {
                    quoted(name, out).append(':');
                    canonical(value.get(name), out).append(',');
                }
                out.append('}');
            } else if (value.isArray()) {
                out.append('[');
                for (JsonNode item : value) {
                    canonical(item, out).append(',');
                }
                out.append(']');
            } else {
                out.append(value.isNull() ? "null" : value.asText());
            }
            return out;
        }

        private static StringBuilder quoted(String text, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.append('"');
        }

        private int string(String text) {
            int result = VALID;
            if (minLength != null || maxLength != null) {
                for (int i = 0; i < text.length(); i++) {
                    if (Character.isSurrogate(text.charAt(i))) {
                        return UNKNOWN;
                    }
                }
                if ((minLength != null && text.length() < minLength)
                        || (maxLength != null && text.length() > maxLength)) {
                    return INVALID;
                }
            }
            if (pattern != null) {
                result = and(result, find(pattern, text));
            }
            if (delegated != null) {
                result = and(result, delegated.matches(null, text) ? VALID : INVALID);
            } else if (format != null) {
                result = and(result, format(format, text) ? VALID : INVALID);
            }
            return result;
        }

        private int number(JsonNode value) {
            if (minimum == null
                    && maximum == null
                    && exclusiveMinimum == null
                    && exclusiveMaximum == null
                    && multipleOf == null) {
                return VALID;
            }
            if (!exactNumber(value)) {
                return UNKNOWN; // a binary double: the full validator's own rules for infinities and rounding
            }
            BigDecimal n = value.decimalValue();
            boolean ok = (minimum == null || n.compareTo(minimum) >= 0)
                    && (maximum == null || n.compareTo(maximum) <= 0)
                    && (exclusiveMinimum == null || n.compareTo(exclusiveMinimum) > 0)
                    && (exclusiveMaximum == null || n.compareTo(exclusiveMaximum) < 0);
            if (!ok) {
                return INVALID;
            }
            if (multipleOf != null) {
                if (beyondDouble(value)) {
                    return UNKNOWN; // the full validator divides an integer through its double value
                }
                // the remainder of the exact division, as the full validator computes it; a quotient too long to
                // compute cheaply is left to it
                long digits = (long) n.precision() - n.scale() - ((long) multipleOf.precision() - multipleOf.scale());
                if (digits > 1_000 || n.scale() - (long) multipleOf.scale() > 1_000) {
                    return UNKNOWN;
                }
                return n.remainder(multipleOf).signum() == 0 ? VALID : INVALID;
            }
            return VALID;
        }

        /**
         * Whether two JSON values are equal: decided for strings, booleans and null (and containers of
         * them); numbers are left to the full validator unless they are the same integer.
         */
        private static int same(JsonNode a, JsonNode b) {
            if (a.isTextual() || a.isBoolean() || a.isNull()) {
                return a.equals(b) ? VALID : INVALID;
            }
            if (a.isNumber()) {
                if (b.isNumber()) {
                    if (a.isIntegralNumber() && b.isIntegralNumber()) {
                        return a.bigIntegerValue().equals(b.bigIntegerValue()) ? VALID : INVALID;
                    }
                    if (exactNumber(a) && exactNumber(b)) {
                        int cmp = a.decimalValue().compareTo(b.decimalValue());
                        if (cmp != 0) {
                            return INVALID; // different values whatever their notation
                        }
                        if (a.getClass() == b.getClass()) {
                            return VALID; // the same value in the same notation
                        }
                    }
                    return UNKNOWN;
                }
                return INVALID;
            }
            if (a.getNodeType() != b.getNodeType()) {
                return INVALID;
            }
            if (a.size() != b.size()) {
                return INVALID;
            }
            int result = VALID;
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    result = and(result, same(a.get(i), b.get(i)));
                }
                return result;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                result = and(result, other == null ? INVALID : same(e.getValue(), other));
            }
            return result;
        }

        /** Whether {@code pattern} matches; one that backtracks past its budget is the full validator's to report. */
        private static int find(Pattern pattern, String text) {
            try {
                return EcmaRegex.find(pattern, pattern.pattern(), text) ? VALID : INVALID;
            } catch (EcmaRegex.TooSlow e) {
                return UNKNOWN;
            }
        }

        private static boolean format(String format, String text) {
            switch (format) {
                case "regex":
                    try {
                        EcmaRegex.compile(text);
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                case "uri": {
                    Boolean known = URIS.get(text);
                    if (known == null) {
                        // what java.net.URI refuses, networknt's own check decides: INVALID is never wrong
                        known = uri(text, true) || NETWORKNT_URI.matches(null, text);
                        if (URIS.size() < 256) {
                            URIS.put(text, known);
                        }
                    }
                    return known;
                }
                default:
                    return plainRelativePath(text) || uri(text, false) || NETWORKNT_URI_REFERENCE.matches(null, text);
            }
        }

        private static final com.networknt.schema.format.Format NETWORKNT_URI =
                new com.networknt.schema.format.UriFormat();
        private static final com.networknt.schema.format.Format NETWORKNT_URI_REFERENCE =
                new com.networknt.schema.format.UriReferenceFormat();

        /** Absolute URIs checked, by text ({@code $schema} is the same in every file); bounded. */
        private static final Map<String, Boolean> URIS = new java.util.concurrent.ConcurrentHashMap<>();

        /** RFC 3986 as the full validator checks it: java.net.URI parses it, ASCII only, no brackets in a query. */
        static boolean uri(String text, boolean absolute) {
            try {
                URI uri = new URI(text);
                if (absolute && !uri.isAbsolute()) {
                    return false;
                }
                String whole = uri.toString();
                for (int i = 0; i < whole.length(); i++) {
                    if (whole.charAt(i) >= 127) {
                        return false;
                    }
                }
                String query = uri.getRawQuery();
                return query == null || (query.indexOf('[') < 0 && query.indexOf(']') < 0);
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private static int and(int a, int b) {
            if (a == INVALID || b == INVALID) {
                return INVALID;
            }
            return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : VALID;
        }

        private static int or(int a, int b) {
            if (a == VALID || b == VALID) {
                return VALID;
            }
            return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : INVALID;
        }
    }
}
