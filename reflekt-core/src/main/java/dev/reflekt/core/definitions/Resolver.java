package dev.reflekt.core.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.Position;
import dev.reflekt.core.project.ReflektProject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Replaces the {@code $ref}s of one schema by their targets. A {@code $ref} may point into the same file
 * ({@code #/definitions/address}, {@code #/$defs/address}) or to a file under
 * {@code schemas/.reflekt/definitions/}, by its path relative to the file ({@code
 * ../../.reflekt/definitions/product/1-0.json}), from {@code schemas/} ({@code
 * /.reflekt/definitions/product/1-0.json}) or by its {@code $id} ({@code .reflekt/definitions/product/1-0.json}),
 * with an optional JSON Pointer fragment. Nothing outside {@code schemas/} is ever read: a URI with a scheme
 * ({@code https:}, {@code file:}) is a problem, as is a path that leaves {@code schemas/}.
 *
 * <p>A target used twice in one schema is resolved once and shared, and the expanded schema is limited
 * in size and depth, so that a small file of references cannot expand into gigabytes. Not thread-safe:
 * one resolver per schema.
 */
final class Resolver {

    /** The most nodes a resolved schema may have once every reference is expanded. */
    static final int MAX_NODES = 250_000;
    /** The deepest a resolved schema may nest. */
    static final int MAX_DEPTH = LocatedTreeReader.MAX_DEPTH;

    /** Keywords whose values are data, not schemas: a {@code $ref} inside them is not a reference. */
    private static final Set<String> DATA = Set.of("enum", "const", "default", "examples", "self");
    /** Keywords allowed beside {@code $ref}: annotations, the first of which overrides the target's. */
    private static final Set<String> BESIDE_REF = Set.of("$ref", "description", "title", "$comment");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    /** The JSON Schema meta-schemas, which every validator bundles. */
    private static final Pattern META_SCHEMA = Pattern.compile("^https?://json-schema\\.org/draft-0[467]/schema#?$");

    /** Whether {@code ref}, the value of a {@code $ref}, is a URI with a scheme: never read. */
    static boolean isUrl(String ref) {
        int hash = ref.indexOf('#');
        return SCHEME.matcher(hash < 0 ? ref : ref.substring(0, hash)).matches();
    }

    private final Definitions definitions;
    private final Map<String, JsonNode> done = new HashMap<>();
    private final Map<String, Set<String>> doneUses = new HashMap<>();
    private final Set<String> failed = new java.util.HashSet<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<RefProblem> problems = new LinkedHashSet<>();
    private final Set<RefProblem> urls = new LinkedHashSet<>();
    private final Set<String> uses = new TreeSet<>();
    private final Map<JsonNode, String> origins = new IdentityHashMap<>();

    Resolver(Definitions definitions) {
        this.definitions = definitions;
    }

    /** A document being walked: the file's id and tree. */
    private record Doc(String id, LocatedTree tree) {}

    Resolved resolve(String id, LocatedTree tree) {
        JsonNode json = walk(new Doc(id, tree), tree.root(), "");
        if (problems.isEmpty() && json != tree.root()) {
            Size size = measure(json, new IdentityHashMap<>());
            if (size.nodes > MAX_NODES || size.depth > MAX_DEPTH) {
                problems.add(new RefProblem(
                        id,
                        "",
                        Position.START,
                        "with its $refs expanded the schema has "
                                + (size.nodes > MAX_NODES
                                        ? "more than " + MAX_NODES + " nodes"
                                        : size.depth + " levels of nesting, more than " + MAX_DEPTH),
                        "use fewer or shallower definitions"));
                json = tree.root();
            }
        }
        return new Resolved(json, new ArrayList<>(problems), new ArrayList<>(urls), new TreeSet<>(uses), origins);
    }

    private record Size(long nodes, int depth) {}

    private static Size measure(JsonNode node, Map<JsonNode, Size> seen) {
        Size known = seen.get(node);
        if (known != null) {
            return known;
        }
        long nodes = 1;
        int depth = 0;
        for (JsonNode child : node) {
            Size s = measure(child, seen);
            nodes = Math.min(Long.MAX_VALUE / 4, nodes + s.nodes);
            depth = Math.max(depth, s.depth + 1);
        }
        Size size = new Size(nodes, depth);
        seen.put(node, size);
        return size;
    }

    /** The node with every reference inside it resolved; the node itself when it holds none. */
    private JsonNode walk(Doc doc, JsonNode node, String pointer) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                return reference(doc, (ObjectNode) node, ref.asText(), pointer);
            }
            ObjectNode copy = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (DATA.contains(e.getKey()) && !isPropertiesMap(pointer)) {
                    continue;
                }
                JsonNode child = walk(doc, e.getValue(), pointer + "/" + LocatedTree.escape(e.getKey()));
                if (child != e.getValue()) {
                    if (copy == null) {
                        copy = JsonNodeFactory.instance.objectNode();
                        copy.setAll((ObjectNode) node);
                    }
                    copy.set(e.getKey(), child);
                }
            }
            return copy == null ? node : copy;
        }
        if (node.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = walk(doc, node.get(i), pointer + "/" + i);
                if (child != node.get(i)) {
                    if (copy == null) {
                        copy = JsonNodeFactory.instance.arrayNode(node.size());
                        copy.addAll((ArrayNode) node);
                    }
                    copy.set(i, child);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }

    /** Whether {@code pointer} is a {@code properties} map, whose keys are property names, not keywords. */
    private static boolean isPropertiesMap(String pointer) {
        return pointer.endsWith("/properties") || pointer.endsWith("/definitions") || pointer.endsWith("/$defs");
    }

    private JsonNode reference(Doc doc, ObjectNode node, String ref, String pointer) {
        if (isUrl(ref)) {
            // Never read. Keywords beside it are moot: draft-07 ignores them and nothing checks the target.
            String meta = META_SCHEMA.matcher(ref).matches()
                    ? "the JSON Schema meta-schema, which validators take from their bundled copy; "
                    : "";
            urls.add(new RefProblem(
                    doc.id(),
                    pointer,
                    doc.tree().position(pointer + "/$ref"),
                    "$ref \"" + ref + "\" is a URL, " + meta + "Reflekt never reads it, so here it allows any JSON"
                            + " value (build: the warehouse's JSON type; generate: an untyped JSON value)",
                    "to check and type it, copy the schema it names into"
                            + " schemas/.reflekt/definitions/<name>/1-0.json and refer to that"));
            return node;
        }
        JsonNode typeBeside = null;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equals("type")) {
                typeBeside = node.get(key); // the Python CLI demands a type on every property: checked below
            } else if (!BESIDE_REF.contains(key)) {
                return problem(
                        doc,
                        node,
                        pointer,
                        "'" + key + "' beside \"$ref\" is ignored by draft-07 validators",
                        "move it into the definition, or leave only \"$ref\" and \"description\" in this object");
            }
        }
        String base = ref;
        String fragment = "";
        int hash = ref.indexOf('#');
        if (hash >= 0) {
            base = ref.substring(0, hash);
            fragment = ref.substring(hash + 1);
        }
        String targetId;
        if (base.isEmpty()) {
            targetId = doc.id();
        } else {
            String path = decode(base);
            if (path == null || path.indexOf('\\') >= 0) {
                return problem(
                        doc,
                        node,
                        pointer,
                        "$ref \"" + ref + "\" is not a usable path",
                        "write a path with '/' separators, e.g. ../../.reflekt/definitions/product/1-0.json");
            }
            targetId = target(definitions, doc.id(), path);
            if (targetId == null) {
                return problem(
                        doc,
                        node,
                        pointer,
                        "$ref \"" + ref + "\" leads outside schemas/, and Reflekt reads" + " nothing outside it",
                        "point to a definition under schemas/.reflekt/definitions/");
            }
            if (!targetId.startsWith(Definitions.PREFIX)) {
                return problem(
                        doc,
                        node,
                        pointer,
                        "$ref \"" + ref + "\" points to schemas/" + targetId + ", which is not a shared definition",
                        "move the shared part to schemas/.reflekt/definitions/<name>/1-0.json and refer to it");
            }
        }
        String targetPointer = decode(fragment);
        if (targetPointer == null || (!targetPointer.isEmpty() && !targetPointer.startsWith("/"))) {
            return problem(
                    doc,
                    node,
                    pointer,
                    "$ref \"" + ref + "\" has a fragment that is not a JSON Pointer",
                    "write the fragment as a JSON Pointer, e.g. #/definitions/address");
        }
        if (targetPointer.equals("/")) {
            targetPointer = "";
        }
        Doc target;
        if (targetId.equals(doc.id())) {
            target = doc;
        } else {
            var loaded = definitions.get(targetId);
            if (loaded.isEmpty()) {
                return problem(
                        doc,
                        node,
                        pointer,
                        "$ref \"" + ref + "\" points to schemas/" + targetId + ", which does not exist",
                        "create it, or correct the path (definitions are schemas/.reflekt/definitions/<name>/"
                                + "<MAJOR-MINOR>.json)");
            }
            if (!loaded.get().readable()) {
                problems.add(new RefProblem(
                        targetId,
                        "",
                        loaded.get().errorAt(),
                        loaded.get().error(),
                        loaded.get().hint()));
                return node;
            }
            target = new Doc(targetId, loaded.get().tree());
        }
        JsonNode at = target.tree().root().at(targetPointer.isEmpty() ? "" : targetPointer);
        if (at.isMissingNode()) {
            return problem(
                    doc,
                    node,
                    pointer,
                    "$ref \"" + ref + "\" points to '#" + targetPointer + "', which"
                            + (target == doc ? " this file" : " schemas/" + targetId) + " does not have",
                    "correct the pointer or add the definition");
        }
        String notSchema = schemaPosition(targetPointer, at);
        if (notSchema != null) {
            return problem(
                    doc,
                    node,
                    pointer,
                    "$ref \"" + ref + "\" points to '#" + targetPointer + "', " + notSchema,
                    "point it at a schema: the whole file, a definition, a property, items or a part of allOf/anyOf/oneOf");
        }
        String key = targetId + "#" + targetPointer;
        String label = target == doc
                ? "#" + targetPointer
                : Definitions.label(targetId) + (targetPointer.isEmpty() ? "" : "#" + targetPointer);
        if (stack.contains(key)) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (Iterator<String> it = stack.descendingIterator(); it.hasNext(); ) {
                String k = it.next();
                in |= k.equals(key);
                if (in) {
                    cycle.add(shown(k));
                }
            }
            cycle.add(shown(key));
            return problem(
                    doc,
                    node,
                    pointer,
                    "$ref \"" + ref + "\" makes a cycle: " + String.join(" → ", cycle),
                    "break the cycle; a definition cannot contain itself");
        }
        if (target != doc) {
            uses.add(targetId);
        }
        JsonNode resolved = done.get(key);
        if (resolved == null && !failed.contains(key)) {
            stack.push(key);
            int before = problems.size();
            Set<String> usesBefore = new TreeSet<>(uses);
            resolved = walk(target, at, targetPointer);
            stack.pop();
            if (problems.size() == before) {
                done.put(key, resolved);
                Set<String> added = new TreeSet<>(uses);
                added.removeAll(usesBefore);
                doneUses.put(key, added);
            } else {
                failed.add(key);
                resolved = null;
            }
        } else if (resolved != null) {
            uses.addAll(doneUses.get(key));
        }
        if (resolved == null) {
            return node;
        }
        if (typeBeside != null && !types(typeBeside).equals(types(resolved.path("type")))) {
            JsonNode declared = resolved.path("type");
            return problem(
                    doc,
                    node,
                    pointer,
                    "'type' " + typeBeside + " beside \"$ref\" "
                            + (declared.isMissingNode()
                                    ? "cannot be checked: " + shown(key) + " declares no type"
                                    : "contradicts the type " + declared + " of " + shown(key))
                            + ", and draft-07 validators ignore it",
                    "remove 'type' here, or make it the definition's type");
        }
        JsonNode description = node.get("description");
        if (description != null && resolved.isObject() && !description.equals(resolved.get("description"))) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            copy.setAll((ObjectNode) resolved);
            copy.set("description", description);
            resolved = copy;
        }
        origins.putIfAbsent(resolved, label);
        return resolved;
    }

    /** Keywords whose value is a schema ({@code items} also a list of schemas). */
    private static final Set<String> SCHEMA_VALUED = Set.of(
            "additionalProperties",
            "additionalItems",
            "not",
            "if",
            "then",
            "else",
            "contains",
            "propertyNames",
            "items");
    /** Keywords whose value maps names to schemas. */
    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "definitions", "$defs", "dependencies");
    /** Keywords whose value is a list of schemas. */
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");

    /**
     * Null when {@code pointer} names a place that holds a schema (and {@code node}, what is there, is one), else
     * why not: a {@code $ref} into {@code enum}, {@code const}, {@code required}, {@code self} or a {@code type}
     * value points at data, which no goal can use as a schema.
     */
    static String schemaPosition(String pointer, JsonNode node) {
        String[] tokens =
                pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
        int i = 0;
        while (i < tokens.length) {
            String keyword = LocatedTree.unescape(tokens[i]);
            boolean indexNext = i + 1 < tokens.length
                    && !tokens[i + 1].isEmpty()
                    && tokens[i + 1].chars().allMatch(Character::isDigit);
            if (SCHEMA_MAPS.contains(keyword) && i + 1 < tokens.length) {
                i += 2;
            } else if (SCHEMA_LISTS.contains(keyword) && indexNext) {
                i += 2;
            } else if (keyword.equals("items") && indexNext) {
                i += 2;
            } else if (SCHEMA_VALUED.contains(keyword)) {
                i += 1;
            } else {
                return "which is inside the value of '" + keyword + "', not a schema";
            }
        }
        return node.isObject() || node.isBoolean()
                ? null
                : "which is not a schema (a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** The set of type names a {@code type} keyword allows; empty for a missing or malformed one. */
    private static Set<String> types(JsonNode type) {
        Set<String> out = new TreeSet<>();
        if (type.isTextual()) {
            out.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        }
        return out;
    }

    /** The file id a decoded {@code $ref} path names from the file {@code fromId}; null when it leaves schemas/. */
    static String target(Definitions definitions, String fromId, String path) {
        if (definitions.get(path).isPresent()) {
            return path;
        }
        return normalize(path.startsWith("/") ? path.substring(1) : folder(fromId) + path);
    }

    private static String shown(String key) {
        int hash = key.indexOf('#');
        String id = key.substring(0, hash);
        String pointer = key.substring(hash + 1);
        return (id.startsWith(Definitions.PREFIX) ? Definitions.label(id) : ReflektProject.SCHEMAS_DIR + "/" + id)
                + (pointer.isEmpty() ? "" : "#" + pointer);
    }

    private JsonNode problem(Doc doc, JsonNode node, String pointer, String message, String hint) {
        problems.add(new RefProblem(doc.id(), pointer, doc.tree().position(pointer + "/$ref"), message, hint));
        return node;
    }

    private static String folder(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash + 1);
    }

    /** {@code a/b/../c} → {@code a/c}; null when the path leaves its root or has empty segments. */
    static String normalize(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.removeLast();
            } else if (s.isEmpty()) {
                return null;
            } else {
                out.addLast(s);
            }
        }
        return out.isEmpty() ? null : String.join("/", out);
    }

    /** Percent-decodes a URI part (UTF-8); null when an escape is malformed or decodes to a NUL. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s.indexOf('\0') >= 0 ? null : s;
        }
        StringBuilder out = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '%') {
                int next = s.indexOf('%', i);
                out.append(s, i, next < 0 ? s.length() : next);
                i = next < 0 ? s.length() : next;
                continue;
            }
            bytes.reset();
            while (i < s.length() && s.charAt(i) == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            }
            out.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.indexOf("\0") >= 0 ? null : out.toString();
    }
}
