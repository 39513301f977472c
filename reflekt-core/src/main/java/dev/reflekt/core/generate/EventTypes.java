package dev.reflekt.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.internal.json.EcmaRegex;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.project.IgluUri;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads event schemas into {@link EventType}s: one per event name and MAJOR version, from its highest MINOR
 * (MINOR versions only add, as {@code reflekt:breaking} enforces). Everything the generators cannot type
 * faithfully is an error naming the file, line and column; nothing is guessed.
 *
 * <p>Decisions: {@code $ref}s are resolved first ({@link Definitions}). {@code oneOf}/{@code anyOf}/{@code allOf}/{@code not},
 * several non-null types and tuple {@code items} are errors (a typed builder for a union would be silently wrong for one branch). A
 * property without {@code type} holds any JSON value. An object without {@code properties} is a map; one with
 * them is a nested type with its own builder.
 */
public final class EventTypes {

    private static final Pattern VERSION = Pattern.compile("([1-9][0-9]*)-(0|[1-9][0-9]*)");
    /** Longest class name: its {@code .class} file, with nested classes' {@code $} suffixes, must fit 255 bytes. */
    private static final int MAX_TYPE_NAME = 120;
    /** Longest {@code .class} file name most file systems take (ext4, APFS, NTFS: 255). */
    private static final int MAX_CLASS_FILE = 255;
    /**
     * Most values an enum (its own class) or a list of allowed values (in the event's class initializer) may have:
     * javac refuses an initializer over 64 KB ("code too large"), which ~2,400 enum constants reach.
     */
    static final int MAX_VALUES = 2_000;

    private static final Set<String> COMBINERS = Set.of("oneOf", "anyOf", "allOf", "not", "if");

    private final List<String> problems = new ArrayList<>();
    /** The type names from the top-level class to the object being read: its nested classes' file name. */
    private final java.util.Deque<String> chain = new java.util.ArrayDeque<>();

    private final Definitions definitions;
    /** Shared definition id → its type's name. */
    private final Map<String, String> sharedNames = new TreeMap<>();
    /** Shared definition id → its type, built once for every event that uses it. */
    private final Map<String, Shape.Obj> shared = new HashMap<>();

    private EventTypes(Definitions definitions) {
        this.definitions = definitions;
    }

    /** A read schema file, with its {@code $ref}s resolved. */
    private record Read(
            SchemaFile file, LocatedTree tree, String vendor, String name, int major, int minor, Resolved resolved) {}

    /** As {@link #read(Definitions, List)} for schemas without shared definitions. */
    public static List<EventType> read(List<SchemaFile> files) throws ReflektException {
        return read(Definitions.none(), files);
    }

    /**
     * The event types of {@code files}, ordered by type name. A shared definition that is an object becomes
     * one type ({@code Product}, {@code MoneyV2} for MAJOR 2) used by every event that refers to it.
     *
     * @throws ReflektException listing every schema that cannot be generated, with file:line:col and the fix
     */
    public static List<EventType> read(Definitions definitions, List<SchemaFile> files) throws ReflektException {
        EventTypes reader = new EventTypes(definitions);
        List<EventType> out = reader.readAll(files);
        if (!reader.problems.isEmpty()) {
            throw new ReflektException(reader.problems);
        }
        return out;
    }

    private List<EventType> readAll(List<SchemaFile> files) {
        LocatedTreeReader reader = new LocatedTreeReader();
        Map<String, Read> latest = new TreeMap<>();
        for (SchemaFile file : files) {
            LocatedTree tree;
            try {
                tree = reader.readJson(file.path());
            } catch (ParseException e) {
                problems.add(file.displayPath() + ":" + e.position() + ": " + e.reason() + "; run reflekt:lint.");
                continue;
            } catch (IOException e) {
                problems.add(file.displayPath() + ": cannot read: " + e.getMessage());
                continue;
            }
            JsonNode self = tree.root().path("self");
            Matcher v = VERSION.matcher(self.path("version").asText(""));
            if (!self.path("name").isTextual() || !v.matches()) {
                problems.add(file.displayPath() + ":1:1: not a Reflekt event schema (self.name and a MAJOR-MINOR"
                        + " self.version are needed); run reflekt:lint.");
                continue;
            }
            String name = self.path("name").asText();
            int major = Integer.parseInt(v.group(1));
            int minor = Integer.parseInt(v.group(2));
            Resolved resolved = definitions.resolve(file.id(), tree);
            if (!resolved.ok()) {
                resolved.problems().forEach(p -> problems.add(p.describe()));
                continue;
            }
            String vendor = self.path("vendor").asText("");
            Read read = new Read(file, tree, vendor, name, major, minor, resolved);
            // one type per vendor, name and MAJOR: two vendors' events of one name are two types
            latest.merge(vendor + "\u0000" + name + "\u0000" + major, read, (a, b) -> a.minor() >= b.minor() ? a : b);
        }
        List<EventType> out = new ArrayList<>();
        Map<String, Read> typeNames = new HashMap<>();
        List<Map.Entry<Read, String>> named = new ArrayList<>();
        Map<String, String> qualifiers = qualifiers(latest.values());
        for (Read r : latest.values()) {
            String base = Identifiers.type(r.name());
            if (base != null) {
                base = qualifiers.getOrDefault(r.vendor() + "\u0000" + r.name(), "") + base;
            }
            if (base == null) {
                problems.add(r.file().displayPath() + ":" + r.tree().position("/self/name") + ": self.name '" + r.name()
                        + "' has no ASCII letter or digit to name a class; rename the event.");
                continue;
            }
            if (base.length() > MAX_TYPE_NAME) {
                problems.add(r.file().displayPath() + ":" + r.tree().position("/self/name") + ": self.name makes a"
                        + " class name of " + base.length() + " characters; file systems take " + MAX_TYPE_NAME
                        + " at most here; shorten the event name.");
                continue;
            }
            if (Identifiers.TAKEN_TYPES.contains(base)) {
                base = base + "Event";
            }
            String typeName = r.major() == 1 ? base : base + "V" + r.major();
            Read clash = typeNames.putIfAbsent(typeName, r);
            if (clash != null) {
                problems.add(r.file().displayPath() + ":" + r.tree().position("/self/name") + ": event '" + r.name()
                        + "' and event '" + clash.name() + "' (" + clash.file().displayPath() + ") both make class "
                        + typeName + "; rename one of them.");
                continue;
            }
            named.add(Map.entry(r, typeName));
        }
        nameSharedTypes(typeNames.keySet());
        for (Map.Entry<Read, String> e : named) {
            EventType type = event(e.getKey(), e.getValue());
            if (type != null) {
                out.add(type);
            }
        }
        out.sort(java.util.Comparator.comparing(EventType::typeName));
        return out;
    }

    /**
     * The prefix of an event's class name when vendors share its name (vendor + name → prefix): the vendor's last
     * segment ({@code com.snowplowanalytics.mobile} → {@code Mobile}, so {@code MobileScreenView}), or as many last
     * segments as it takes to tell the vendors apart ({@code AcmeShopOrderCompleted}). Events whose name no other
     * vendor uses keep their plain name.
     */
    private static Map<String, String> qualifiers(java.util.Collection<Read> reads) {
        Map<String, Set<String>> vendorsByName = new TreeMap<>();
        for (Read r : reads) {
            vendorsByName
                    .computeIfAbsent(r.name(), k -> new java.util.TreeSet<>())
                    .add(r.vendor());
        }
        Map<String, String> out = new HashMap<>();
        vendorsByName.forEach((name, vendors) -> {
            if (vendors.size() < 2) {
                return;
            }
            int most = vendors.stream()
                    .mapToInt(v -> v.split("\\.", -1).length)
                    .max()
                    .orElse(1);
            for (int k = 1; k <= most; k++) {
                Map<String, String> prefixes = new HashMap<>();
                for (String vendor : vendors) {
                    String[] segments = vendor.split("\\.", -1);
                    String last = String.join(
                            " ",
                            java.util.Arrays.asList(segments)
                                    .subList(Math.max(0, segments.length - k), segments.length));
                    String prefix = Identifiers.type(last);
                    prefixes.put(vendor, prefix == null ? "" : prefix);
                }
                if (new java.util.HashSet<>(prefixes.values()).size() == vendors.size() || k == most) {
                    prefixes.forEach((vendor, prefix) -> out.put(vendor + "\u0000" + name, prefix));
                    return;
                }
            }
        });
        return out;
    }

    /**
     * Names the type of every shared definition from its folder ({@code product} → {@code Product}, MAJOR 2 →
     * {@code ProductV2}); a name an event's class has gets {@code Definition} appended.
     */
    private void nameSharedTypes(Set<String> eventTypes) {
        Set<String> taken = new HashSet<>(eventTypes);
        for (String id : definitions.files().keySet()) {
            String[] parts = id.substring(Definitions.PREFIX.length()).split("/");
            Matcher v = VERSION.matcher(parts[parts.length - 1].replace(".json", ""));
            String base = Identifiers.type(parts[0]);
            if (parts.length != 2 || !v.matches() || base == null || base.length() > MAX_TYPE_NAME) {
                continue; // lint reports the layout; such a definition is inlined
            }
            String name = v.group(1).equals("1") ? base : base + "V" + v.group(1);
            if (taken.contains(name) || Identifiers.TAKEN_TYPES.contains(name)) {
                name = name + "Definition";
            }
            if (taken.add(name)) {
                sharedNames.put(id, name);
            }
        }
    }

    /** The enclosing names every type scope avoids: the event's own and the shared types'. */
    private Set<String> enclosing(String typeName) {
        Set<String> out = new HashSet<>(sharedNames.values());
        out.add(typeName);
        return out;
    }

    private EventType event(Read r, String typeName) {
        JsonNode json = r.resolved().json();
        int before = problems.size();
        Shape.Obj root = object(r, "", json, typeName, enclosing(typeName), null);
        if (problems.size() > before) {
            return null;
        }
        String call = r.name().strip().toLowerCase(Locale.ROOT);
        EventType.Call kind =
                switch (call) {
                    case "identify" -> EventType.Call.IDENTIFY;
                    case "group" -> EventType.Call.GROUP;
                    default -> EventType.Call.TRACK;
                };
        Map<String, String> metadata = new LinkedHashMap<>();
        json.path("self")
                .path("metadata")
                .fields()
                .forEachRemaining(e -> metadata.put(
                        e.getKey(),
                        e.getValue().isTextual()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        return new EventType(
                r.name(),
                typeName,
                kind,
                r.file().id(),
                "iglu:" + IgluUri.path(r.file().id(), json),
                metadata,
                root);
    }

    /** The object at {@code pointer}, whose type is named {@code typeName} inside {@code enclosing} types. */
    private Shape.Obj object(
            Read r, String pointer, JsonNode node, String typeName, Set<String> enclosing, String definition) {
        List<String> outer = List.copyOf(chain);
        if (definition != null) {
            chain.clear(); // a shared definition is a top-level class
        }
        chain.addLast(typeName);
        try {
            return objectIn(r, pointer, node, typeName, enclosing, definition);
        } finally {
            chain.clear();
            chain.addAll(outer);
        }
    }

    /**
     * A type nested in the object being read, named after {@code base} (at most {@value Identifiers#MAX_NESTED_NAME}
     * characters of it) and {@code suffix}, or null when its class file name would be longer than file systems take (a problem at
     * {@code at}).
     */
    private String nested(Read r, String at, String base, String suffix, Identifiers.TypeScope scope) {
        String name = scope.claim(Identifiers.capped(base) + suffix);
        String file = String.join("$", chain) + "$" + name + ".class";
        if (file.length() > MAX_CLASS_FILE) {
            problems.add(where(r, at) + ": types nest " + chain.size() + " deep here, and the class file "
                    + file.substring(0, 40) + "..." + " would be named with " + file.length() + " characters; file"
                    + " systems take " + MAX_CLASS_FILE + "; shorten the property names or flatten the object.");
            return null;
        }
        return name;
    }

    private Shape.Obj objectIn(
            Read r, String pointer, JsonNode node, String typeName, Set<String> enclosing, String definition) {
        Set<String> nested = new HashSet<>(enclosing);
        nested.add(typeName);
        // a member type may not be named like its own class either (javac: "already defined")
        Identifiers.TypeScope scope = new Identifiers.TypeScope(nested);
        // the required array, in its order and once each: the order of the builder's steps
        Set<String> required = new java.util.LinkedHashSet<>();
        node.path("required").forEach(n -> required.add(n.asText()));
        Map<String, String> members = new HashMap<>();
        Map<String, Shape.Property> byWire = new LinkedHashMap<>();
        var fields = node.path("properties").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String wire = e.getKey();
            String at = pointer + "/properties/" + LocatedTree.escape(wire);
            String member = Identifiers.member(wire);
            if (member == null) {
                problems.add(where(r, at) + ": property '" + wire
                        + "' has no ASCII letter or digit to name a method; rename it.");
                continue;
            }
            String other = members.putIfAbsent(member, wire);
            if (other != null) {
                problems.add(where(r, at) + ": properties '" + other + "' and '" + wire + "' both become " + member
                        + "() in code; rename one of them.");
                continue;
            }
            boolean isRequired = required.contains(wire);
            String step = null;
            if (isRequired) {
                step = nested(r, at, pascal(member), "Step", scope);
                if (step == null) {
                    continue;
                }
            }
            Shape.Property p = property(r, at, wire, member, e.getValue(), isRequired, step, scope, nested);
            if (p != null) {
                byWire.put(wire, p);
            }
        }
        List<Shape.Property> steps =
                required.stream().filter(byWire::containsKey).map(byWire::get).toList();
        String description = definition == null
                ? node.path("description").asText("")
                : definitions
                        .get(definition)
                        .orElseThrow()
                        .tree()
                        .root()
                        .path("description")
                        .asText("");
        return new Shape.Obj(typeName, description, List.copyOf(byWire.values()), steps, definition);
    }

    private static String tooMany(Read r, String at, String wire, int size) {
        return where(r, at + "/enum") + ": " + (wire == null ? "the" : "property '" + wire + "' has an") + " enum of "
                + size + " values; generated Java takes at most " + MAX_VALUES + " (javac refuses a class initializer"
                + " over 64 KB); keep the values in a lookup table and type the property as a string with a pattern.";
    }

    private static String pascal(String member) {
        String m = member.endsWith("_") && !member.equals("_") ? member.substring(0, member.length() - 1) : member;
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }

    private Shape.Property property(
            Read r,
            String at,
            String wire,
            String member,
            JsonNode node,
            boolean required,
            String step,
            Identifiers.TypeScope scope,
            Set<String> enclosing) {
        if (!node.isObject()) {
            problems.add(where(r, at) + ": property '" + wire + "' is not a schema object; run reflekt:lint.");
            return null;
        }
        boolean nullable = nullable(node);
        Shape shape = shape(r, at, wire, node, pascal(member), scope, enclosing);
        if (shape == null) {
            return null;
        }
        return new Shape.Property(
                wire,
                member,
                shape,
                required,
                nullable,
                node.path("description").asText(""),
                constraints(r, at, node, shape),
                step);
    }

    private static boolean nullable(JsonNode node) {
        JsonNode type = node.path("type");
        boolean inType = type.isArray()
                ? java.util.stream.StreamSupport.stream(type.spliterator(), false)
                        .anyMatch(t -> "null".equals(t.asText()))
                : "null".equals(type.asText());
        boolean inEnum = java.util.stream.StreamSupport.stream(node.path("enum").spliterator(), false)
                .anyMatch(JsonNode::isNull);
        return inType || inEnum;
    }

    private Shape shape(
            Read r,
            String at,
            String wire,
            JsonNode node,
            String typeBase,
            Identifiers.TypeScope scope,
            Set<String> enclosing) {
        if (dev.reflekt.core.definitions.Resolved.isUrlRef(node)) {
            return Shape.Scalar.ANY; // never read: any JSON value
        }
        if (node.has("$ref")) {
            problems.add(where(r, at + "/$ref") + ": property '" + wire
                    + "' uses $ref, which reflekt:generate does not resolve; inline the definition.");
            return null;
        }
        for (String combiner : COMBINERS) {
            if (node.has(combiner)) {
                problems.add(where(r, at + "/" + combiner) + ": property '" + wire + "' uses " + combiner
                        + ", which has no single type in code; give it one type, or split the event.");
                return null;
            }
        }
        if (node.has("const")) {
            return new Shape.Const(node.get("const"), where(r, at + "/const"));
        }
        List<String> types = new ArrayList<>();
        JsonNode type = node.path("type");
        if (type.isArray()) {
            type.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    types.add(t.asText());
                }
            });
        } else if (type.isTextual() && !"null".equals(type.asText())) {
            types.add(type.asText());
        }
        JsonNode enumNode = node.path("enum");
        if (enumNode.isArray() && enumNode.size() > 0 && (types.isEmpty() || types.equals(List.of("string")))) {
            boolean allText = true;
            for (JsonNode v : enumNode) {
                allText &= v.isTextual() || v.isNull();
            }
            if (allText) {
                if (enumNode.size() > MAX_VALUES) {
                    problems.add(tooMany(r, at, wire, enumNode.size()));
                    return null;
                }
                String name = nested(r, at, typeBase, "", scope);
                return name == null ? null : enumeration(r, at, enumNode, name);
            }
        }
        if (types.size() > 1) {
            problems.add(where(r, at + "/type") + ": property '" + wire + "' has several types " + types
                    + ", which have no single type in code; give it one type (and \"null\" if it may be null).");
            return null;
        }
        if (types.isEmpty()) {
            return Shape.Scalar.ANY;
        }
        switch (types.get(0)) {
            case "string":
                return switch (node.path("format").asText("")) {
                    case "date-time" -> Shape.Scalar.INSTANT;
                    case "date" -> Shape.Scalar.DATE;
                    default -> Shape.Scalar.STRING;
                };
            case "integer":
                return Shape.Scalar.INTEGER;
            case "number":
                return node.has("multipleOf") ? Shape.Scalar.DECIMAL : Shape.Scalar.NUMBER;
            case "boolean":
                return Shape.Scalar.BOOLEAN;
            case "object":
                if (!node.path("properties").isObject()
                        || node.path("properties").isEmpty()) {
                    return new Shape.FreeMap();
                }
                String definition = sharedDefinition(r, node);
                if (definition != null) {
                    Shape.Obj known = shared.get(definition);
                    if (known == null) {
                        String name = sharedNames.get(definition);
                        int before = problems.size();
                        known = object(r, at, node, name, enclosing(name), definition);
                        if (problems.size() > before) {
                            return null;
                        }
                        shared.put(definition, known);
                    }
                    return known;
                }
                String name = nested(r, at, typeBase, "", scope);
                return name == null ? null : object(r, at, node, name, enclosing, null);
            case "array":
                JsonNode items = node.path("items");
                if (items.isMissingNode()) {
                    return new Shape.ListOf(Shape.Scalar.ANY);
                }
                if (!items.isObject()) {
                    problems.add(where(r, at + "/items") + ": property '" + wire + "' lists item schemas (a tuple),"
                            + " which has no single type in code; give items one schema.");
                    return null;
                }
                Shape item = shape(r, at + "/items", wire, items, typeBase + "Item", scope, enclosing);
                return item == null ? null : new Shape.ListOf(item);
            default:
                problems.add(where(r, at + "/type") + ": property '" + wire + "' has type '" + types.get(0)
                        + "', which JSON Schema does not define; run reflekt:lint.");
                return null;
        }
    }

    /**
     * The id of the shared definition {@code node} is, when it is a whole definition file with a type name; null
     * for anything written in the event, a part of a definition file, or a local {@code #/definitions/...}.
     */
    private String sharedDefinition(Read r, JsonNode node) {
        String label = r.resolved().origin(node);
        if (label == null || label.startsWith("#") || label.contains("#")) {
            return null;
        }
        String id = ReflektProject.META_DIR + "/" + label + ".json";
        return sharedNames.containsKey(id) ? id : null;
    }

    private Shape enumeration(Read r, String at, JsonNode values, String typeName) {
        List<Shape.Enumeration.Constant> constants = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int index = 0;
        for (JsonNode v : values) {
            index++;
            if (v.isNull()) {
                continue;
            }
            String name = Identifiers.constant(v.asText(), index);
            String other = seen.putIfAbsent(name, v.asText());
            if (other != null) {
                if (!other.equals(v.asText())) {
                    problems.add(where(r, at + "/enum") + ": enum values '" + other + "' and '" + v.asText()
                            + "' both become constant " + name + "; change one of them.");
                }
                continue;
            }
            constants.add(new Shape.Enumeration.Constant(name, v.asText()));
        }
        return new Shape.Enumeration(typeName, constants);
    }

    private Shape.Constraints constraints(Read r, String at, JsonNode node, Shape shape) {
        String pattern = node.path("pattern").isTextual() ? node.path("pattern").asText() : null;
        if (pattern != null) {
            try {
                EcmaRegex.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(where(r, at + "/pattern") + ": pattern is not a regular expression Java can run ("
                        + e.getDescription() + "); simplify it.");
            }
        }
        List<JsonNode> allowed = null;
        if (!(shape instanceof Shape.Enumeration) && node.path("enum").size() > MAX_VALUES) {
            problems.add(tooMany(r, at, null, node.path("enum").size()));
        } else if (!(shape instanceof Shape.Enumeration) && node.path("enum").isArray()) {
            allowed = new ArrayList<>();
            node.path("enum").forEach(allowed::add);
        }
        return new Shape.Constraints(
                whole(node, "minLength"),
                whole(node, "maxLength"),
                pattern,
                decimal(node, "minimum"),
                decimal(node, "maximum"),
                decimal(node, "exclusiveMinimum"),
                decimal(node, "exclusiveMaximum"),
                whole(node, "minItems"),
                whole(node, "maxItems"),
                allowed == null ? null : List.copyOf(allowed));
    }

    private static Long whole(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.canConvertToLong() && v.isNumber() ? v.asLong() : null;
    }

    private static BigDecimal decimal(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isNumber() ? v.decimalValue() : null;
    }

    /** The shared definitions' types that {@code events} use, directly or inside each other, by type name. */
    static Map<String, Shape.Obj> sharedTypes(List<EventType> events) {
        Map<String, Shape.Obj> out = new TreeMap<>();
        for (EventType e : events) {
            collectShared(e.root(), out);
        }
        return out;
    }

    private static void collectShared(Shape s, Map<String, Shape.Obj> out) {
        if (s instanceof Shape.Obj o) {
            if (o.shared() && out.putIfAbsent(o.typeName(), o) != null) {
                return;
            }
            o.properties().forEach(p -> collectShared(p.shape(), out));
        } else if (s instanceof Shape.ListOf l) {
            collectShared(l.item(), out);
        }
    }

    private static String where(Read r, String pointer) {
        return r.file().displayPath() + ":" + r.tree().position(pointer);
    }
}
