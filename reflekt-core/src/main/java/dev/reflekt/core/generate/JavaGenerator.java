package dev.reflekt.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.internal.Templates;
import dev.reflekt.core.internal.json.EcmaRegex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Java sources for event types: one class per event type with a step builder, {@code Violations} (where
 * constraint violations go) and {@code ReflektJson} (JSON text without a library), plus the SDK's adapter. The
 * layout of every class is a template ({@code java/*.java.vm}: an object's class, an enum, a union, a tuple); what
 * goes into it is decided here: names from {@link Identifiers}, schema text as {@link Text} literals or comments,
 * the type and check expressions. The code needs Java 11 and only the JDK.
 */
final class JavaGenerator {

    private static final String TEMPLATES = "dev/reflekt/core/generate/java/";

    private final String pkg;
    private final String version;

    JavaGenerator(String pkg, String version) {
        this.pkg = pkg;
        this.version = version;
    }

    /** File path (relative to the source root) to content. */
    Map<String, String> files(List<EventType> events, Sdk sdk) {
        Map<String, String> out = new TreeMap<>();
        String dir = pkg.replace('.', '/') + "/";
        // the classes are independent of each other: written on every core, collected in file order
        out.putAll(events.parallelStream()
                .collect(java.util.stream.Collectors.toConcurrentMap(e -> dir + e.typeName() + ".java", this::event)));
        for (Shape.Obj o : EventTypes.sharedTypes(events).values()) {
            out.put(dir + o.typeName() + ".java", shared(o));
        }
        List<String> ids = events.stream().map(EventType::schemaId).toList();
        out.put(dir + "Violations.java", file(List.of(), Runtime.violations(pkg)));
        out.put(dir + "ReflektJson.java", file(List.of(), Runtime.json(pkg)));
        sdk.javaAdapter(pkg, events).ifPresent(c -> out.put(dir + c.name() + ".java", file(ids, c.text())));
        return out;
    }

    /** A file: the header naming the generator's version and the schemas, then {@code body}. */
    private String file(List<String> ids, String body) {
        StringBuilder out = header(ids, body.length());
        return out.append(body).toString();
    }

    /** A file's header, in a buffer of about the file's size. */
    private StringBuilder header(List<String> ids, int size) {
        StringBuilder out = new StringBuilder(size + 512);
        Templates.render(
                TEMPLATES + "file.java.vm",
                Map.of(
                        "version",
                        Text.doc(version),
                        "schemaIds",
                        ids.stream().map(Text::doc).toList()),
                out);
        return out;
    }

    private String event(EventType e) {
        StringBuilder meta = new StringBuilder();
        for (Map.Entry<String, String> m : e.metadata().entrySet()) {
            meta.append(meta.length() == 0 ? "" : "<br>\n")
                    .append(Text.doc(m.getKey()))
                    .append(": ")
                    .append(Text.doc(m.getValue()));
        }
        String doc = doc(
                "",
                Text.doc(e.description()),
                "Event <code>" + Text.doc(e.name()) + "</code>, schema <code>" + Text.doc(e.schemaId())
                        + "</code>, Iglu <code>" + Text.doc(e.schemaUri()) + "</code>.",
                meta.toString());
        return topLevel(List.of(e.schemaId()), doc, new ClassWriter(e.root(), e, e.name(), "", true));
    }

    /** A shared definition's class: a top-level class used by every event whose schema refers to it. */
    private String shared(Shape.Obj o) {
        String doc = doc(
                "",
                Text.doc(o.description()),
                "Shared definition <code>" + Text.doc(o.definition()) + "</code>, used by every event that refers to"
                        + " it.");
        String label = dev.reflekt.core.definitions.Definitions.label(o.definition());
        return topLevel(List.of(o.definition()), doc, new ClassWriter(o, null, label, "", true));
    }

    /** A top-level class's file: header, package, doc comment and the class, written into one buffer. */
    private String topLevel(List<String> ids, String doc, ClassWriter type) {
        StringBuilder out = header(ids, 16 * 1024);
        Templates.render(TEMPLATES + "class.java.vm", Map.of("pkg", pkg, "doc", doc), out);
        type.render(out, "");
        return out.toString();
    }

    /** A doc comment of {@code paragraphs} at {@code indent} (blank ones left out), or nothing when all are blank. */
    private static String doc(String indent, String... paragraphs) {
        StringBuilder out = new StringBuilder();
        Text.docComment(out, indent, paragraphs);
        return out.toString();
    }

    /**
     * A template's values: {@code d} is {@code $} and {@code h} is {@code #}, which a template would read as a
     * reference or a directive.
     */
    private static Map<String, Object> values() {
        Map<String, Object> v = new HashMap<>();
        v.put("d", "$");
        v.put("h", "#");
        return v;
    }

    /**
     * Renders one class (an event's, a shared definition's or a nested object's) at indent 0 and, recursively, its
     * nested types, each one level deeper.
     */
    private static final class ClassWriter {
        private static final String I1 = "    ";
        private static final String I2 = I1 + I1;
        private static final String I3 = I2 + I1;

        private StringBuilder out = new StringBuilder();
        private final Shape.Obj obj;
        private final EventType event;
        private final String eventName;
        private final String path;
        private final String t;
        private final boolean topLevel;

        ClassWriter(Shape.Obj obj, EventType event, String eventName, String path, boolean topLevel) {
            this.obj = obj;
            this.event = event;
            this.eventName = eventName;
            this.path = path;
            this.t = obj.typeName();
            this.topLevel = topLevel;
        }

        /** What {@code write} appends to {@code out}, as text. */
        private String capture(Runnable write) {
            StringBuilder outer = out;
            out = new StringBuilder();
            try {
                write.run();
                return out.toString();
            } finally {
                out = outer;
            }
        }

        /** Appends the class to {@code into}, every line starting with {@code in}, then its nested types. */
        void render(StringBuilder into, String in) {
            Map<String, Object> v = values();
            v.put("modifiers", topLevel ? "" : "static ");
            v.put("t", t);
            v.put("isEvent", event != null);
            v.put("eventName", event == null ? "" : Text.javaString(event.name()));
            v.put("schemaId", event == null ? "" : Text.javaString(event.schemaId()));
            v.put("schemaUri", event == null ? "" : Text.javaString(event.schemaUri()));
            v.put("statics", capture(() -> {
                for (Shape.Property p : obj.properties()) {
                    if (p.shape() instanceof Shape.Const c) {
                        out.append('\n')
                                .append(I1)
                                .append("private static final Object $C_")
                                .append(p.member())
                                .append(" = ")
                                .append(value(c.value()))
                                .append(";\n");
                    }
                    constraintStatics(I1, p.member(), p.constraints());
                }
            }));
            List<Map<String, Object>> fields = new ArrayList<>();
            List<Map<String, Object>> getters = new ArrayList<>();
            List<Map<String, Object>> optionals = new ArrayList<>();
            List<Map<String, Object>> setters = new ArrayList<>();
            List<Shape.Property> steps = obj.steps();
            for (Shape.Property p : obj.properties()) {
                boolean constant = p.shape() instanceof Shape.Const;
                getters.add(Map.of(
                        "doc",
                        doc(I1, propertyDoc(p)),
                        "type",
                        constant ? "Object" : type(p.shape(), primitive(p)),
                        "member",
                        p.member(),
                        "value",
                        constant ? "$C_" + p.member() : p.member()));
                if (constant) {
                    continue;
                }
                fields.add(
                        Map.of("type", type(p.shape(), primitive(p)), "member", p.member(), "presence", presence(p)));
                if (!p.required()) {
                    optionals.add(Map.of(
                            "doc", doc(I2, propertyDoc(p)), "member", p.member(), "type", type(p.shape(), false)));
                }
                int index = steps.indexOf(p);
                setters.add(Map.of(
                        "returns",
                        index < 0 || index + 1 >= steps.size()
                                ? "Builder"
                                : steps.get(index + 1).stepName(),
                        "member",
                        p.member(),
                        "type",
                        type(p.shape(), primitive(p)),
                        "value",
                        stored(p),
                        "presence",
                        presence(p)));
            }
            v.put("fields", fields);
            v.put("getters", getters);
            v.put("optionals", optionals);
            v.put("setters", setters);
            v.put("first", steps.isEmpty() ? "Builder" : steps.get(0).stepName());
            v.put("builderDoc", doc(I1, builderDoc()));
            v.put("puts", puts());
            v.put("toString", event != null ? "NAME + \" \" + toJson()" : "\"" + t + "\" + toJson()");
            List<Map<String, Object>> stepTypes = new ArrayList<>();
            List<String> interfaces = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Shape.Property p = steps.get(i);
                interfaces.add(p.stepName());
                stepTypes.add(Map.of(
                        "doc",
                        doc(
                                I1,
                                "Step " + (i + 1) + " of " + steps.size() + ": the required <code>" + Text.doc(p.wire())
                                        + "</code>."),
                        "name",
                        p.stepName(),
                        "propertyDoc",
                        doc(I2, propertyDoc(p)),
                        "next",
                        i + 1 < steps.size() ? steps.get(i + 1).stepName() : "Builder",
                        "member",
                        p.member(),
                        "type",
                        type(p.shape(), primitive(p))));
            }
            interfaces.add("Builder");
            v.put("steps", stepTypes);
            v.put("interfaces", String.join(", ", interfaces));
            v.put("what", event != null ? "event" : "value");
            v.put("checks", capture(() -> obj.properties().forEach(p -> checks(I3, p))));
            Templates.render(TEMPLATES + "object.java.vm", v, into, in);
            for (Shape.Property p : obj.properties()) {
                nestedTypes(into, in + I1, p, p.shape(), path + p.wire());
            }
            into.append(in).append("}\n"); // the class's end, after its nested types
        }

        private String builderDoc() {
            StringBuilder doc = new StringBuilder("Starts a");
            doc.append(event != null ? "n event" : " value");
            if (obj.steps().isEmpty()) {
                doc.append(": every property is optional.");
            } else {
                doc.append(": the required properties come first, in this order: ");
                for (int i = 0; i < obj.steps().size(); i++) {
                    doc.append(i == 0 ? "" : ", ")
                            .append("{@code ")
                            .append(obj.steps().get(i).member())
                            .append("}");
                }
                doc.append('.');
            }
            return doc.toString();
        }

        /** {@code properties()}'s statements, one or three lines per property, at its indent. */
        private String puts() {
            StringBuilder puts = new StringBuilder();
            for (Shape.Property p : obj.properties()) {
                String wire = Text.javaString(p.wire());
                if (p.shape() instanceof Shape.Const) {
                    puts.append(I2)
                            .append("$m.put(")
                            .append(wire)
                            .append(", $C_")
                            .append(p.member())
                            .append(");\n");
                    continue;
                }
                String put = "$m.put(" + wire + ", " + convert("this." + p.member(), p.shape(), 1) + ");\n";
                if (p.required()) {
                    puts.append(I2).append(put);
                } else {
                    String guard = presence(p) ? "this." + p.member() + "$set" : "this." + p.member() + " != null";
                    puts.append(I2).append("if (").append(guard).append(") {\n");
                    puts.append(I2).append("    ").append(put).append(I2).append("}\n");
                }
            }
            return puts.toString();
        }

        /** The types nested in this class for {@code p}'s shape {@code s}, at {@code at}, written at indent {@code in}. */
        private void nestedTypes(StringBuilder into, String in, Shape.Property p, Shape s, String at) {
            if (s instanceof Shape.Enumeration e) {
                Map<String, Object> v = values();
                v.put("doc", doc("", "The values of <code>" + Text.doc(p.wire()) + "</code>."));
                v.put("name", e.typeName());
                List<Map<String, Object>> constants = new ArrayList<>();
                for (var c : e.constants()) {
                    constants.add(Map.of(
                            "doc",
                            doc(I1, "Sent as <code>" + Text.doc(c.wire()) + "</code>."),
                            "name",
                            c.name(),
                            "wire",
                            Text.javaString(c.wire())));
                }
                v.put("constants", constants);
                Templates.render(TEMPLATES + "enum.java.vm", v, into, in);
            } else if (s instanceof Shape.Obj o && !o.shared()) {
                into.append('\n')
                        .append(doc(in, Text.doc(o.description()), "The value of <code>" + Text.doc(at) + "</code>."));
                new ClassWriter(o, null, eventName, at + ".", false).render(into, in);
            } else if (s instanceof Shape.ListOf l) {
                nestedTypes(into, in, p, l.item(), at + "[]");
            } else if (s instanceof Shape.Union u) {
                union(into, in, u, at);
                for (Shape.Union.Branch b : u.branches()) {
                    nestedTypes(into, in, p, b.shape(), at);
                }
            } else if (s instanceof Shape.Tuple tuple) {
                tuple(into, in, tuple, at);
                for (Shape.Property position : tuple.positions()) {
                    nestedTypes(into, in, p, position.shape(), at + position.wire());
                }
                if (tuple.rest() != null) {
                    nestedTypes(into, in, p, tuple.rest(), at + "[]");
                }
            }
        }

        /** What a builder or tuple stores of {@code p}'s argument: a copy of a list or map. */
        private static String stored(Shape.Property p) {
            if (p.shape() instanceof Shape.ListOf) {
                return "ReflektJson.copy(" + p.member() + ")";
            }
            return p.shape() instanceof Shape.FreeMap ? "ReflektJson.copyMap(" + p.member() + ")" : p.member();
        }

        /** A union's class ({@code union.java.vm}). */
        private void union(StringBuilder into, String in, Shape.Union u, String at) {
            List<Shape.Union.Branch> bs = u.branches();
            StringBuilder kinds = new StringBuilder();
            for (Shape.Union.Branch b : bs) {
                kinds.append(kinds.length() == 0 ? "" : ", ")
                        .append("{@code ")
                        .append(b.name())
                        .append('}');
            }
            Map<String, Object> v = values();
            v.put("name", u.typeName());
            v.put(
                    "doc",
                    doc(
                            "",
                            "The value of <code>" + Text.doc(at) + "</code>: one of " + kinds + ". Made by the factory"
                                    + " of its branch; the accessor of another branch returns null."));
            v.put("statics", capture(() -> {
                for (int i = 0; i < bs.size(); i++) {
                    constraintStatics(I1, "v" + i, bs.get(i).constraints());
                }
            }));
            List<String> params = new ArrayList<>();
            List<Map<String, Object>> branches = new ArrayList<>();
            for (int i = 0; i < bs.size(); i++) {
                Shape.Union.Branch b = bs.get(i);
                params.add(branchType(b) + " v" + i);
                List<String> args = new ArrayList<>();
                for (int j = 0; j < bs.size(); j++) {
                    args.add(j == i ? factoryArgument(b.shape()) : "null");
                }
                boolean constant = b.shape() instanceof Shape.Const;
                branches.add(Map.of(
                        "name",
                        b.name(),
                        "type",
                        branchType(b),
                        "factoryDoc",
                        doc(
                                I1,
                                constant
                                        ? "The constant <code>"
                                                + Text.doc(((Shape.Const) b.shape())
                                                        .value()
                                                        .toString()) + "</code>."
                                        : "A {@code " + b.name() + "}; null is refused."),
                        "param",
                        constant ? "" : type(b.shape(), true) + " value",
                        "args",
                        String.join(", ", args),
                        "json",
                        convert("v" + i, b.shape(), 1)));
            }
            v.put("params", String.join(", ", params));
            v.put("branches", branches);
            v.put("checks", capture(() -> {
                for (int i = 0; i < bs.size(); i++) {
                    Shape.Union.Branch b = bs.get(i);
                    Shape.Property as =
                            new Shape.Property("", "v" + i, b.shape(), false, true, "", b.constraints(), null);
                    checks(I2, as, "this.v" + i, at, false);
                }
            }));
            Templates.render(TEMPLATES + "union.java.vm", v, into, in);
        }

        /** What a union's factory stores of its argument {@code value}: a copy of a list or map, never null. */
        private static String factoryArgument(Shape s) {
            if (s instanceof Shape.Const c) {
                return value(c.value());
            }
            String value = isPrimitive(s) ? "value" : "java.util.Objects.requireNonNull(value, \"value\")";
            if (s instanceof Shape.ListOf) {
                return "ReflektJson.copy(" + value + ")";
            }
            return s instanceof Shape.FreeMap ? "ReflektJson.copyMap(" + value + ")" : value;
        }

        /** A tuple's class ({@code tuple.java.vm}). */
        private void tuple(StringBuilder into, String in, Shape.Tuple t, String at) {
            List<Shape.Property> ps = t.positions();
            long required = ps.stream().filter(Shape.Property::required).count();
            Map<String, Object> v = values();
            v.put("name", t.typeName());
            v.put(
                    "doc",
                    doc(
                            "",
                            "The items of <code>" + Text.doc(at) + "</code>, by position; the first " + required
                                    + " are required, a null optional item is left out with those after it."));
            v.put("statics", capture(() -> ps.forEach(p -> constraintStatics(I1, p.member(), p.constraints()))));
            List<String> params = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Map<String, Object>> positions = new ArrayList<>();
            for (Shape.Property p : ps) {
                params.add(type(p.shape(), false) + " " + p.member());
                names.add(p.member());
                positions.add(Map.of(
                        "type",
                        type(p.shape(), false),
                        "member",
                        p.member(),
                        "value",
                        stored(p),
                        "doc",
                        doc(
                                I1,
                                (p.description().isBlank() ? "" : Text.doc(p.description()) + "\n<p>") + "Item "
                                        + p.wire() + (p.required() ? ", required." : ", optional.")),
                        "json",
                        convert("this." + p.member(), p.shape(), 1)));
            }
            boolean hasRest = t.rest() != null;
            v.put("params", String.join(", ", params));
            v.put("names", String.join(", ", names));
            v.put("sep", ps.isEmpty() ? "" : ", ");
            v.put("positions", positions);
            v.put("hasRest", hasRest);
            v.put("restType", hasRest ? "java.util.List<" + type(t.rest(), false) + ">" : "java.util.List<Object>");
            v.put("required", required);
            String restEach = hasRest ? convert("$r", t.rest(), 2) : "";
            v.put(
                    "addRest",
                    hasRest && !restEach.equals("$r")
                            ? I2 + "for (" + type(t.rest(), false) + " $r : rest) {\n" + I2 + "    $l.add(" + restEach
                                    + ");\n" + I2 + "}\n"
                            : I2 + "$l.addAll(rest);\n");
            v.put("checks", capture(() -> {
                for (Shape.Property p : ps) {
                    Shape.Property boxed = new Shape.Property(
                            p.wire(), p.member(), p.shape(), p.required(), p.nullable(), "", p.constraints(), null);
                    checks(I2, boxed, "this." + p.member(), at + p.wire(), false);
                }
            }));
            Templates.render(TEMPLATES + "tuple.java.vm", v, into, in);
        }

        private static boolean presence(Shape.Property p) {
            return !p.required() && p.nullable();
        }

        private static boolean primitive(Shape.Property p) {
            return p.required() && !p.nullable();
        }

        /** The compiled pattern ({@code $P_}) and the allowed values ({@code $A_}) that checks of {@code member} use. */
        private void constraintStatics(String i1, String member, Shape.Constraints c) {
            {
                if (c.pattern() != null) {
                    out.append('\n')
                            .append(i1)
                            .append("private static final java.util.regex.Pattern $P_")
                            .append(member)
                            .append(" = java.util.regex.Pattern.compile(")
                            .append(Text.javaString(EcmaRegex.javaSource(c.pattern())))
                            .append(");\n");
                }
                if (c.allowed() != null) {
                    StringBuilder list = new StringBuilder("ReflektJson.list(");
                    for (int i = 0; i < c.allowed().size(); i++) {
                        list.append(i == 0 ? "" : ", ").append(value(c.allowed().get(i)));
                    }
                    out.append('\n')
                            .append(i1)
                            .append("private static final java.util.List<Object> $A_")
                            .append(member)
                            .append(" = ")
                            .append(list)
                            .append(");\n");
                }
            }
        }

        private String propertyDoc(Shape.Property p) {
            String what = "<code>" + Text.doc(p.wire()) + "</code>"
                    + (p.shape() instanceof Shape.Const c
                            ? ", always <code>" + Text.doc(c.value().toString()) + "</code>"
                            : p.required() ? ", required" : ", optional")
                    + (p.nullable() ? ", may be null" : "") + ".";
            return p.description().isBlank() ? what : Text.doc(p.description()) + "\n<p>" + what;
        }

        /** The expression sending {@code expr} of shape {@code s} as JSON-ready Java values. */
        private static String convert(String expr, Shape s, int depth) {
            if (s == Shape.Scalar.INSTANT || s == Shape.Scalar.DATE || s instanceof Shape.Enumeration) {
                return "ReflektJson.text(" + expr + ")";
            }
            if (s instanceof Shape.Obj) {
                return "(" + expr + " == null ? null : " + expr + ".properties())";
            }
            if (s instanceof Shape.Union || s instanceof Shape.Tuple) {
                return "(" + expr + " == null ? null : " + expr + ".json())";
            }
            if (s instanceof Shape.ListOf l && needsConversion(l.item())) {
                String v = "$e" + depth;
                return "ReflektJson.each(" + expr + ", " + v + " -> " + convert(v, l.item(), depth + 1) + ")";
            }
            return expr;
        }

        private static boolean needsConversion(Shape s) {
            return s == Shape.Scalar.INSTANT
                    || s == Shape.Scalar.DATE
                    || s instanceof Shape.Enumeration
                    || s instanceof Shape.Obj
                    || s instanceof Shape.Union
                    || s instanceof Shape.Tuple
                    || (s instanceof Shape.ListOf l && needsConversion(l.item()));
        }

        private void checks(String i3, Shape.Property p) {
            checks(i3, p, "this." + p.member(), path + p.wire(), primitive(p));
        }

        /**
         * The checks of property {@code p}, held in {@code v}, reported at {@code atPath}; {@code primitive}: the
         * value is a Java primitive (never null).
         */
        private void checks(String i3, Shape.Property p, String v, String atPath, boolean primitive) {
            if (p.shape() instanceof Shape.Const) {
                return;
            }
            String at = Text.javaString(atPath);
            String report = "Violations.report(" + Text.javaString(eventName) + ", " + at + ", ";
            List<String> lines = new ArrayList<>();
            Shape.Constraints c = p.constraints();
            Shape s = p.shape();
            // a value of no declared type (Object) gets the checks of the JSON type it holds, as JSON Schema applies
            // them: string checks to a String, bounds to a Number, item counts to a List, required keys to a Map
            boolean any = s == Shape.Scalar.ANY;
            if (s == Shape.Scalar.STRING || any) {
                String sv = any ? "((String) " + v + ")" : v;
                List<String> string = new ArrayList<>();
                if (c.minLength() != null) {
                    string.add("if (ReflektJson.length(" + sv + ") < " + c.minLength() + "L) {\n    " + report
                            + "\"minLength\", \"is shorter than " + c.minLength() + " characters\");\n}");
                }
                if (c.maxLength() != null) {
                    string.add("if (ReflektJson.length(" + sv + ") > " + c.maxLength() + "L) {\n    " + report
                            + "\"maxLength\", \"is longer than " + c.maxLength() + " characters\");\n}");
                }
                if (c.pattern() != null) {
                    string.add("switch (ReflektJson.find($P_" + p.member() + ", " + sv + ")) {\n    case 0:\n        "
                            + report + "\"pattern\", " + Text.javaString("does not match " + c.pattern())
                            + ");\n        break;\n    case -1:\n        " + report + "\"pattern\", "
                            + Text.javaString("could not be checked against " + c.pattern()
                                    + " in time (the pattern backtracks without end)")
                            + ");\n        break;\n    default:\n        break;\n}");
                }
                guarded(lines, any ? v + " instanceof String" : null, string);
            }
            if (s == Shape.Scalar.NUMBER) {
                lines.add("if (!Double.isFinite(" + v + ")) {\n    " + report
                        + "\"type\", \"is not a finite number\");\n}");
            }
            if (s == Shape.Scalar.NUMBER || s == Shape.Scalar.INTEGER || s == Shape.Scalar.DECIMAL || any) {
                String nv = any ? "((Number) " + v + ")" : v;
                List<String> number = new ArrayList<>();
                bound(number, nv, report, c.minimum(), "< 0", "minimum", "is less than ");
                bound(number, nv, report, c.maximum(), "> 0", "maximum", "is greater than ");
                bound(number, nv, report, c.exclusiveMinimum(), "<= 0", "exclusiveMinimum", "is not greater than ");
                bound(number, nv, report, c.exclusiveMaximum(), ">= 0", "exclusiveMaximum", "is not less than ");
                guarded(lines, any ? v + " instanceof Number" : null, number);
            }
            if (s instanceof Shape.ListOf || any) {
                String lv = any ? "((java.util.List<?>) " + v + ")" : v;
                List<String> list = new ArrayList<>();
                if (c.minItems() != null) {
                    list.add("if (" + lv + ".size() < " + c.minItems() + "L) {\n    " + report
                            + "\"minItems\", \"has fewer than " + c.minItems() + " items\");\n}");
                }
                if (c.maxItems() != null) {
                    list.add("if (" + lv + ".size() > " + c.maxItems() + "L) {\n    " + report
                            + "\"maxItems\", \"has more than " + c.maxItems() + " items\");\n}");
                }
                guarded(lines, any ? v + " instanceof java.util.List" : null, list);
            }
            if ((s instanceof Shape.FreeMap || any) && c.requiredKeys() != null) {
                String mv = any ? "((java.util.Map<?, ?>) " + v + ")" : v;
                List<String> keys = new ArrayList<>();
                for (String key : c.requiredKeys()) {
                    keys.add("if (!" + mv + ".containsKey(" + Text.javaString(key) + ")) {\n    " + report
                            + "\"required\", " + Text.javaString("has no key " + key) + ");\n}");
                }
                guarded(lines, any ? v + " instanceof java.util.Map" : null, keys);
            }
            if (c.allowed() != null) {
                StringBuilder shown = new StringBuilder();
                c.allowed().forEach(a -> shown.append(shown.length() == 0 ? "" : ", ")
                        .append(a));
                lines.add("if (!ReflektJson.oneOf(" + v + ", $A_" + p.member() + ")) {\n    " + report + "\"enum\", "
                        + Text.javaString("is not one of " + shown) + ");\n}");
            }
            if (s instanceof Shape.Union || s instanceof Shape.Tuple) {
                lines.add(v + ".check();");
            } else if (s instanceof Shape.ListOf l && checked(l.item())) {
                lines.add(eachCheck(v, l.item(), 1));
            }
            boolean reference = !primitive || !isPrimitive(s);
            boolean mustBeSet = p.required() && !p.nullable() && reference;
            if (mustBeSet) {
                out.append(i3)
                        .append("if (")
                        .append(v)
                        .append(" == null) {\n")
                        .append(i3)
                        .append("    ")
                        .append(report)
                        .append("\"required\", \"is required\");\n")
                        .append(i3)
                        .append("}");
                if (lines.isEmpty()) {
                    out.append('\n');
                    return;
                }
                out.append(" else {\n");
                indent(lines, i3 + "    ");
                out.append(i3).append("}\n");
            } else if (!lines.isEmpty()) {
                if (reference) {
                    out.append(i3).append("if (").append(v).append(" != null) {\n");
                    indent(lines, i3 + "    ");
                    out.append(i3).append("}\n");
                } else {
                    indent(lines, i3);
                }
            }
        }

        /** Adds {@code checks} to {@code lines}, inside {@code if (guard)} when there is a guard. */
        private static void guarded(List<String> lines, String guard, List<String> checks) {
            if (checks.isEmpty()) {
                return;
            }
            if (guard == null) {
                lines.addAll(checks);
                return;
            }
            StringBuilder block = new StringBuilder("if (" + guard + ") {\n");
            for (String check : checks) {
                block.append(check.indent(4));
            }
            lines.add(block.append('}').toString());
        }

        /** Whether values of {@code s} carry their own checks: unions and tuples, also in lists. */
        private static boolean checked(Shape s) {
            return s instanceof Shape.Union
                    || s instanceof Shape.Tuple
                    || (s instanceof Shape.ListOf l && checked(l.item()));
        }

        /** A loop running the checks of every item of list {@code v}. */
        private static String eachCheck(String v, Shape item, int depth) {
            String e = "$e" + depth;
            String body = item instanceof Shape.ListOf l ? eachCheck(e, l.item(), depth + 1) : e + ".check();";
            return "for (" + type(item, false) + " " + e + " : " + v + ") {\n    if (" + e + " != null) {\n"
                    + body.indent(8) + "    }\n}";
        }

        private void indent(List<String> lines, String indent) {
            for (String block : lines) {
                for (String line : block.split("\n")) {
                    out.append(indent).append(line).append('\n');
                }
            }
        }

        private static void bound(
                List<String> lines, String v, String report, BigDecimal bound, String fails, String rule, String says) {
            if (bound == null) {
                return;
            }
            String text = bound.toPlainString();
            lines.add("if (ReflektJson.compare(" + v + ", " + Text.javaString(text) + ") " + fails + ") {\n    "
                    + report + "\"" + rule + "\", " + Text.javaString(says + text) + ");\n}");
        }

        private static boolean isPrimitive(Shape s) {
            return s == Shape.Scalar.INTEGER || s == Shape.Scalar.NUMBER || s == Shape.Scalar.BOOLEAN;
        }

        /** A union branch's field type: boxed, constants as their JSON value. */
        private static String branchType(Shape.Union.Branch b) {
            return b.shape() instanceof Shape.Const ? "Object" : type(b.shape(), false);
        }

        /** The Java type of shape {@code s}; {@code primitive} allows {@code long}, {@code double}, {@code boolean}. */
        static String type(Shape s, boolean primitive) {
            if (s instanceof Shape.Scalar scalar) {
                return switch (scalar) {
                    case STRING -> "String";
                    case INSTANT -> "java.time.Instant";
                    case DATE -> "java.time.LocalDate";
                    case INTEGER -> primitive ? "long" : "Long";
                    case NUMBER -> primitive ? "double" : "Double";
                    case DECIMAL -> "java.math.BigDecimal";
                    case BOOLEAN -> primitive ? "boolean" : "Boolean";
                    case ANY -> "Object";
                };
            }
            if (Shape.typeNameOf(s) != null) {
                return Shape.typeNameOf(s);
            }
            if (s instanceof Shape.ListOf l) {
                return "java.util.List<" + type(l.item(), false) + ">";
            }
            if (s instanceof Shape.FreeMap) {
                return "java.util.Map<String, Object>";
            }
            return "Object";
        }

        /** A Java expression of JSON value {@code v}, as {@code properties()} holds it. */
        static String value(JsonNode v) {
            if (v == null || v.isNull()) {
                return "null";
            }
            if (v.isTextual()) {
                return Text.javaString(v.asText());
            }
            if (v.isBoolean()) {
                return v.asBoolean() ? "Boolean.TRUE" : "Boolean.FALSE";
            }
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return "Long.valueOf(" + v.asLong() + "L)";
            }
            if (v.isNumber()) {
                return "new java.math.BigDecimal("
                        + Text.javaString(v.decimalValue().toString()) + ")";
            }
            StringBuilder out = new StringBuilder(v.isArray() ? "ReflektJson.list(" : "ReflektJson.map(");
            if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(value(v.get(i)));
                }
            } else {
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.append(first ? "" : ", ")
                            .append(Text.javaString(e.getKey()))
                            .append(", ")
                            .append(value(e.getValue()));
                    first = false;
                }
            }
            return out.append(')').toString();
        }
    }
}
