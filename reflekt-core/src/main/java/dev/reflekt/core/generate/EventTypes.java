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
 * Reads event schemas into {@link EventType}s: one per vendor, event name and MAJOR version, from its highest
 * MINOR (MINOR versions only add, as {@code reflekt:breaking} enforces). An event that cannot be typed faithfully is
 * skipped, with every reason located (file:line:col) and the fix; nothing is guessed. Problems of the project (a
 * file that does not parse, a broken or untrusted {@code $ref}, two events that make one class) are errors.
 *
 * <p>Decisions: {@code $ref}s are resolved first ({@link Definitions}). A property's {@code allOf} is merged into
 * it, its {@code anyOf}/{@code oneOf} and type lists are unions of their branches ({@link Variants}); {@code not} and
 * {@code if} only constrain. Tuple {@code items} are tuples. A property without {@code type} holds any JSON value,
 * unless it declares {@code properties}: then it is that object. An object without {@code properties} is a map; one
 * with them is a nested type with its own builder. What has no faithful type (branches that do not merge, more than
 * {@value Variants#MAX} variants) holds any JSON value, with a located warning.
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

    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
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

    /**
     * An event that was not generated.
     *
     * @param file the schema file, as shown to users
     * @param name the event name
     * @param reasons why, each located and with the fix
     */
    public record Skipped(String file, String name, List<String> reasons) {}

    /**
     * What could be read.
     *
     * @param events the event types, ordered by type name
     * @param skipped the events that could not be typed
     * @param warnings located notes on what was typed as any JSON value
     */
    public record Outcome(List<EventType> events, List<Skipped> skipped, List<String> warnings) {}

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
        Outcome outcome = outcome(definitions, files);
        if (!outcome.skipped().isEmpty()) {
            List<String> all = new ArrayList<>();
            outcome.skipped().forEach(s -> all.addAll(s.reasons()));
            throw new ReflektException(all);
        }
        return outcome.events();
    }

    /**
     * The event types of {@code files}, and the events skipped because they cannot be typed.
     *
     * @throws ReflektException for problems of the project: a file that does not parse, two events making one class
     */
    public static Outcome outcome(Definitions definitions, List<SchemaFile> files) throws ReflektException {
        EventTypes reader = new EventTypes(definitions);
        List<EventType> out = reader.readAll(files);
        if (!reader.problems.isEmpty()) {
            throw new ReflektException(reader.problems);
        }
        return new Outcome(out, List.copyOf(reader.skipped), List.copyOf(reader.warnings));
    }

    /** Moves the problems found since {@code before} to a skip of {@code r}; whether there were any. */
    private boolean skipIfProblems(Read r, int before) {
        if (problems.size() == before) {
            return false;
        }
        List<String> reasons = new ArrayList<>(problems.subList(before, problems.size()));
        problems.subList(before, problems.size()).clear();
        skipped.add(new Skipped(r.file().displayPath(), r.name(), List.copyOf(reasons)));
        return true;
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
                // a broken or untrusted $ref is the project's problem (lint's error), never skipped quietly
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
                int before = problems.size();
                problems.add(r.file().displayPath() + ":" + r.tree().position("/self/name") + ": self.name '" + r.name()
                        + "' has no ASCII letter or digit to name a class; rename the event.");
                skipIfProblems(r, before);
                continue;
            }
            if (base.length() > MAX_TYPE_NAME) {
                int before = problems.size();
                problems.add(r.file().displayPath() + ":" + r.tree().position("/self/name") + ": self.name makes a"
                        + " class name of " + base.length() + " characters; file systems take " + MAX_TYPE_NAME
                        + " at most here; shorten the event name.");
                skipIfProblems(r, before);
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
        int warned = warnings.size();
        JsonNode rootType = json.path("type");
        if (rootType.isTextual() && !rootType.asText().equals("object")) {
            problems.add(where(r, "/type") + ": the schema describes " + article(rootType.asText()) + ", not an"
                    + " object; an event's properties are an object, so no event class is generated (a Snowplow"
                    + " context or wrapper, not an event?). Leave it out with reflekt.select, or make the root an"
                    + " object.");
            skipIfProblems(r, before);
            return null;
        }
        JsonNode body = json;
        if (json.has("allOf")) {
            // the event's own allOf merged in, where it merges into one object
            Variants.Outcome merged = Variants.of(json);
            if (merged.untyped() == null && merged.branches().size() == 1) {
                body = merged.branches().get(0);
            }
        }
        Shape.Obj root = object(r, "", body, typeName, enclosing(typeName), null);
        if (skipIfProblems(r, before)) {
            warnings.subList(warned, warnings.size()).clear(); // the skip says enough
            return null;
        }
        String call = r.name().strip().toLowerCase(Locale.ROOT);
        EventType.Call kind =
                switch (call) {
                    case "identify" -> EventType.Call.IDENTIFY;
                    case "group" -> EventType.Call.GROUP;
                    default -> EventType.Call.TRACK;
                };
        if (json.path("self").path("kind").asText("").equals("entity")) {
            kind = EventType.Call.ENTITY;
        }
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
        for (String wire : required) {
            if (byWire.containsKey(wire) || node.path("properties").has(wire)) {
                continue;
            }
            // required but not declared: any JSON value, set in its own step
            String at = pointer + "/required";
            String member = Identifiers.member(wire);
            if (member == null || members.putIfAbsent(member, wire) != null) {
                problems.add(where(r, at) + ": required property '" + wire + "' is not declared in properties and"
                        + " makes no method name of its own; declare it in properties.");
                continue;
            }
            String step = nested(r, at, pascal(member), "Step", scope);
            if (step == null) {
                continue;
            }
            warnings.add(where(r, at) + ": required property '" + wire + "' is not declared in properties; it is"
                    + " typed as any JSON value; declare it to type it.");
            byWire.put(
                    wire,
                    new Shape.Property(wire, member, Shape.Scalar.ANY, true, false, "", Shape.Constraints.NONE, step));
        }
        // a constant is always sent: never a step
        List<Shape.Property> steps = required.stream()
                .filter(byWire::containsKey)
                .map(byWire::get)
                .filter(p -> !(p.shape() instanceof Shape.Const))
                .toList();
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

    private static String article(String type) {
        return (type.matches("[aeiou].*") ? "an " : "a ") + type;
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
        Typed typed = typed(r, at, wire, node, pascal(member), scope, enclosing);
        if (typed == null) {
            return null;
        }
        return new Shape.Property(
                wire,
                member,
                typed.shape(),
                required,
                typed.nullable(),
                node.path("description").asText(""),
                typed.constraints(),
                step);
    }

    /** A schema's shape, whether it allows null, and the checks of its value. */
    private record Typed(Shape shape, boolean nullable, Shape.Constraints constraints) {}

    /** The shape of {@code node}, its unions, merges and lists resolved ({@link Variants}); null on a problem. */
    private Typed typed(
            Read r,
            String at,
            String wire,
            JsonNode node,
            String typeBase,
            Identifiers.TypeScope scope,
            Set<String> enclosing) {
        if (dev.reflekt.core.definitions.Resolved.isUrlRef(node)) {
            return new Typed(Shape.Scalar.ANY, false, Shape.Constraints.NONE); // never read: any JSON value
        }
        if (node.has("$ref")) {
            problems.add(where(r, at + "/$ref") + ": property '" + wire
                    + "' uses $ref, which reflekt:generate does not resolve; inline the definition.");
            return null;
        }
        Variants.Outcome v = Variants.of(node);
        boolean nullable = nullable(node) || v.nullable();
        if (v.untyped() != null || v.unsatisfiable()) {
            warnings.add(where(r, at) + ": property '" + wire + "' is typed as any JSON value: "
                    + (v.unsatisfiable() ? "no value satisfies its schema" : v.untyped())
                    + "; simplify the schema to type it.");
            return new Typed(Shape.Scalar.ANY, nullable, Shape.Constraints.NONE);
        }
        if (v.branches().isEmpty()) {
            // only null: a constant
            return new Typed(
                    new Shape.Const(com.fasterxml.jackson.databind.node.NullNode.getInstance(), where(r, at)),
                    true,
                    Shape.Constraints.NONE);
        }
        if (!v.union()) {
            JsonNode one = v.branches().get(0);
            Shape shape = shape(r, at, wire, one, typeBase, scope, enclosing);
            return shape == null ? null : new Typed(shape, nullable, constraints(r, at, one, shape));
        }
        String name = nested(r, at, typeBase, "", scope);
        if (name == null) {
            return null;
        }
        List<Shape.Union.Branch> branches = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int objects = 0;
        for (JsonNode b : v.branches()) {
            objects += "object".equals(b.path("type").asText()) ? 1 : 0;
        }
        int index = 0;
        for (JsonNode b : v.branches()) {
            index++;
            String title = Identifiers.type(b.path("title").asText(""));
            String base = title != null
                    ? title
                    : typeBase + Identifiers.type(b.path("type").asText("value")) + (objects > 1 ? index : "");
            Shape shape = shape(r, at, wire, b, base, scope, enclosing);
            if (shape == null) {
                return null;
            }
            int same = sameType(branches, shape);
            if (same >= 0) {
                // branches of one type that differ only in their checks: one branch, whose checks are left out
                // (a value need only pass one branch's)
                Shape.Union.Branch had = branches.get(same);
                branches.set(same, new Shape.Union.Branch(had.name(), had.shape(), Shape.Constraints.NONE));
                continue;
            }
            String branchName = branchName(shape, index);
            if (!names.add(branchName)) {
                branchName = branchName + index;
                names.add(branchName);
            }
            branches.add(new Shape.Union.Branch(branchName, shape, constraints(r, at, b, shape)));
        }
        if (branches.size() == 1) {
            return new Typed(branches.get(0).shape(), nullable, branches.get(0).constraints());
        }
        return new Typed(new Shape.Union(name, List.copyOf(branches)), nullable, Shape.Constraints.NONE);
    }

    /** The index of the branch of the same Java type as {@code shape} (a scalar, list or map), or -1. */
    private static int sameType(List<Shape.Union.Branch> branches, Shape shape) {
        if (!(shape instanceof Shape.Scalar || shape instanceof Shape.ListOf || shape instanceof Shape.FreeMap)) {
            return -1;
        }
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i).shape().equals(shape)) {
                return i;
            }
        }
        return -1;
    }

    /** A union branch's name in code: its Java type's simple name. */
    private static String branchName(Shape s, int index) {
        if (s instanceof Shape.Scalar scalar) {
            return switch (scalar) {
                case STRING -> "String";
                case INSTANT -> "Instant";
                case DATE -> "Date";
                case INTEGER -> "Long";
                case NUMBER -> "Double";
                case DECIMAL -> "Decimal";
                case BOOLEAN -> "Boolean";
                case ANY -> "Value";
            };
        }
        if (Shape.typeNameOf(s) != null) {
            return Shape.typeNameOf(s);
        }
        if (s instanceof Shape.ListOf) {
            return "List";
        }
        if (s instanceof Shape.FreeMap) {
            return "Map";
        }
        return "Value" + index;
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
                if (items.isArray()) {
                    return tuple(r, at, wire, node, typeBase, scope, enclosing);
                }
                if (!items.isObject()) {
                    return new Shape.ListOf(Shape.Scalar.ANY); // items: true
                }
                Typed item = typed(r, at + "/items", wire, items, typeBase + "Item", scope, enclosing);
                return item == null ? null : new Shape.ListOf(item.shape());
            default:
                problems.add(where(r, at + "/type") + ": property '" + wire + "' has type '" + types.get(0)
                        + "', which JSON Schema does not define; run reflekt:lint.");
                return null;
        }
    }

    /**
     * An array of items listed by position: one component per position ({@code item0}, ...), required up to
     * {@code minItems}; the items after them are {@code additionalItems} (any value when absent, none when false).
     */
    private Shape tuple(
            Read r,
            String at,
            String wire,
            JsonNode node,
            String typeBase,
            Identifiers.TypeScope scope,
            Set<String> enclosing) {
        String name = nested(r, at, typeBase, "", scope);
        if (name == null) {
            return null;
        }
        long minItems = node.path("minItems").asLong(0);
        List<Shape.Property> positions = new ArrayList<>();
        JsonNode items = node.path("items");
        for (int i = 0; i < items.size(); i++) {
            String itemAt = at + "/items/" + i;
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                item = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            }
            Typed typed = typed(r, itemAt, wire, item, typeBase + "Item" + i, scope, enclosing);
            if (typed == null) {
                return null;
            }
            positions.add(new Shape.Property(
                    "[" + i + "]",
                    "item" + i,
                    typed.shape(),
                    i < minItems,
                    typed.nullable(),
                    item.path("description").asText(""),
                    typed.constraints(),
                    null));
        }
        JsonNode additional = node.path("additionalItems");
        Shape rest = Shape.Scalar.ANY;
        if (additional.isBoolean() && !additional.asBoolean()) {
            rest = null;
        } else if (additional.isObject()) {
            Typed typed = typed(r, at + "/additionalItems", wire, additional, typeBase + "Rest", scope, enclosing);
            if (typed == null) {
                return null;
            }
            rest = typed.shape();
        }
        return new Shape.Tuple(name, List.copyOf(positions), rest);
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
                allowed == null ? null : List.copyOf(allowed),
                node.path("format").isTextual() ? node.path("format").asText() : null,
                requiredKeys(node, shape));
    }

    /** The {@code required} keys a map or an untyped value is checked for (an object's are its steps). */
    private static List<String> requiredKeys(JsonNode node, Shape shape) {
        if (!(shape instanceof Shape.FreeMap || shape == Shape.Scalar.ANY)
                || !node.path("required").isArray()
                || node.path("required").isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        node.path("required").forEach(k -> keys.add(k.asText()));
        return List.copyOf(keys);
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
        } else if (s instanceof Shape.Union u) {
            u.branches().forEach(b -> collectShared(b.shape(), out));
        } else if (s instanceof Shape.Tuple t) {
            t.positions().forEach(p -> collectShared(p.shape(), out));
            if (t.rest() != null) {
                collectShared(t.rest(), out);
            }
        }
    }

    private static String where(Read r, String pointer) {
        return r.file().displayPath() + ":" + r.tree().position(pointer);
    }
}
