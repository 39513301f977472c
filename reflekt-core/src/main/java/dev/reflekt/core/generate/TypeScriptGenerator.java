package dev.reflekt.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.internal.Templates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code events.ts}: per shared definition an interface, and per event type an interface with the wire names
 * (nested objects inline, shared definitions by name, enums as unions of
 * string literals, constants {@code readonly}), a {@code <Event>Schema} constant (name, {@code $id}, Iglu URI), and
 * with an SDK a {@code track<Event>} function. Interfaces are closed, so {@code tsc} refuses an unknown property in
 * an object literal. No runtime dependency.
 */
final class TypeScriptGenerator {

    private final String version;

    TypeScriptGenerator(String version) {
        this.version = version;
    }

    /**
     * Why {@code events} cannot be sent exactly from TypeScript, one located line each: a constant number a JavaScript
     * number cannot hold ({@code 9007199254740993}) would be sent as another ({@code 9007199254740992}), since
     * {@code JSON.stringify} writes what the double holds.
     */
    static List<String> problems(List<EventType> events) {
        List<String> out = new java.util.ArrayList<>();
        for (EventType e : events) {
            inexact(e.root(), out, new java.util.HashSet<>());
        }
        return out;
    }

    private static void inexact(Shape s, List<String> out, java.util.Set<Shape.Obj> seen) {
        if (s instanceof Shape.Const c) {
            String number = inexactNumber(c.value());
            if (number != null) {
                out.add(c.where() + ": the constant " + number + " is not a number JavaScript can hold; TypeScript"
                        + " would send " + jsonNumber(new java.math.BigDecimal(number).doubleValue()) + ". Make the"
                        + " constant a string, or generate Java only.");
            }
        } else if (s instanceof Shape.ListOf l) {
            inexact(l.item(), out, seen);
        } else if (s instanceof Shape.Union u) {
            u.branches().forEach(b -> inexact(b.shape(), out, seen));
        } else if (s instanceof Shape.Tuple t) {
            t.positions().forEach(p -> inexact(p.shape(), out, seen));
        } else if (s instanceof Shape.Obj o && seen.add(o)) {
            for (Shape.Property p : o.properties()) {
                inexact(p.shape(), out, seen);
            }
        }
    }

    /** The first number in {@code v} that a double (a JavaScript number) does not hold as written, or null. */
    private static String inexactNumber(JsonNode v) {
        if (v.isNumber()) {
            java.math.BigDecimal written = v.decimalValue();
            double held = written.doubleValue();
            boolean exact = Double.isFinite(held)
                    && ((written.stripTrailingZeros().precision() <= 15
                                    && (held == 0 || Math.abs(held) >= Double.MIN_NORMAL))
                            || new java.math.BigDecimal(Double.toString(held)).compareTo(written) == 0);
            return exact ? null : written.toString();
        }
        for (JsonNode item : v) {
            String found = inexactNumber(item);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** How {@code JSON.stringify} writes {@code d}, for integers: without a fraction or exponent below 10^21. */
    private static String jsonNumber(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d));
        return d == Math.rint(d) && Math.abs(d) < 1e21 ? exact.toBigInteger().toString() : exact.toString();
    }

    /** {@code events.ts}, from its template ({@code events.ts.vm}): the layout there, the type expressions here. */
    Map<String, String> files(List<EventType> events, Sdk sdk) {
        List<Map<String, Object>> shared = new ArrayList<>();
        for (Shape.Obj o : EventTypes.sharedTypes(events).values()) {
            shared.add(Map.of(
                    "doc",
                    doc(
                            Text.doc(o.description()),
                            "Shared definition `" + Text.doc(o.definition())
                                    + "`, used by every event that refers to it."),
                    "name",
                    o.typeName(),
                    "body",
                    body(o)));
        }
        List<Map<String, Object>> types = new ArrayList<>();
        List<String> schemaIds = new ArrayList<>();
        for (EventType e : events) {
            schemaIds.add(Text.doc(e.schemaId()));
            String track = sdk.tsTrack(e, payload(e));
            types.add(Map.of(
                    "doc",
                    doc(
                            Text.doc(e.description()),
                            "Event `" + Text.doc(e.name()) + "`, schema `" + Text.doc(e.schemaId()) + "`."),
                    "typeName",
                    e.typeName(),
                    "body",
                    body(e.root()),
                    "name",
                    Text.tsString(e.name()),
                    "id",
                    Text.tsString(e.schemaId()),
                    "uri",
                    Text.tsString(e.schemaUri()),
                    "track",
                    track.isEmpty()
                            ? ""
                            : doc(
                                            e.call() == EventType.Call.ENTITY
                                                    ? "A context of {@link " + e.typeName()
                                                            + "} to send with events; constants are filled in."
                                                    : "Sends {@link " + e.typeName() + "}; constants are filled in.")
                                    + track));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("version", Text.doc(version));
        values.put("schemaIds", schemaIds);
        values.put("client", sdk.tsClient());
        values.put("shared", shared);
        values.put("events", types);
        values.put("dollar", "$");
        Map<String, String> files = new TreeMap<>();
        files.put("events.ts", Templates.render("dev/reflekt/core/generate/events.ts.vm", values));
        return files;
    }

    /** A doc comment of {@code paragraphs} (blank ones left out), or nothing when all are blank. */
    private static String doc(String... paragraphs) {
        StringBuilder out = new StringBuilder();
        Text.docComment(out, "", paragraphs);
        return out.toString();
    }

    /** An interface's body: {@code { ... }}. */
    private static String body(Shape.Obj obj) {
        StringBuilder out = new StringBuilder();
        object(out, "", obj);
        return out.toString();
    }

    /** The properties, with every constant of the top level set. */
    private static String payload(EventType e) {
        StringBuilder out = new StringBuilder("{ ...properties");
        for (Shape.Property p : e.properties()) {
            if (p.shape() instanceof Shape.Const c) {
                out.append(", ").append(literalKey(p.wire())).append(": ").append(json(c.value()));
            }
        }
        return out.append(" }").toString();
    }

    private static final java.util.regex.Pattern BARE_KEY = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** A property key: bare when it is an identifier (tsc's messages read better), else a string literal. */
    private static String key(String wire) {
        return BARE_KEY.matcher(wire).matches() ? wire : Text.tsString(wire);
    }

    /**
     * A key in an object literal. {@code __proto__: v}, quoted or not, sets the object's prototype instead of a
     * property (the constant would never be sent); the computed form {@code ["__proto__"]: v} sets the property.
     */
    private static String literalKey(String wire) {
        return wire.equals("__proto__") ? "[" + Text.tsString(wire) + "]" : key(wire);
    }

    private static void object(StringBuilder out, String indent, Shape.Obj obj) {
        out.append("{\n");
        String in = indent + "  ";
        for (Shape.Property p : obj.properties()) {
            Text.docComment(out, in, Text.doc(p.description()));
            boolean constant = p.shape() instanceof Shape.Const;
            out.append(in)
                    .append(constant ? "readonly " : "")
                    .append(key(p.wire()))
                    .append(p.required() && !constant ? "" : "?")
                    .append(": ");
            type(out, in, p.shape());
            if (p.nullable() && !constant) {
                out.append(" | null");
            }
            out.append(";\n");
        }
        out.append(indent).append('}');
    }

    private static void type(StringBuilder out, String indent, Shape s) {
        if (s instanceof Shape.Scalar scalar) {
            out.append(
                    switch (scalar) {
                        case STRING, INSTANT, DATE -> "string";
                        case INTEGER, NUMBER, DECIMAL -> "number";
                        case BOOLEAN -> "boolean";
                        case ANY -> "unknown";
                    });
        } else if (s instanceof Shape.Enumeration e) {
            if (e.constants().isEmpty()) {
                out.append("never");
            }
            for (int i = 0; i < e.constants().size(); i++) {
                out.append(i == 0 ? "" : " | ")
                        .append(Text.tsString(e.constants().get(i).wire()));
            }
        } else if (s instanceof Shape.Const c) {
            JsonNode v = c.value();
            out.append(v.isValueNode() ? json(v) : "unknown");
        } else if (s instanceof Shape.ListOf l) {
            out.append("Array<");
            type(out, indent, l.item());
            out.append('>');
        } else if (s instanceof Shape.FreeMap) {
            out.append("Record<string, unknown>");
        } else if (s instanceof Shape.Union u) {
            for (int i = 0; i < u.branches().size(); i++) {
                out.append(i == 0 ? "" : " | ");
                Shape b = u.branches().get(i).shape();
                boolean wrap = b instanceof Shape.Enumeration e && e.constants().size() > 1;
                out.append(wrap ? "(" : "");
                type(out, indent, b);
                out.append(wrap ? ")" : "");
            }
        } else if (s instanceof Shape.Tuple t) {
            out.append('[');
            for (int i = 0; i < t.positions().size(); i++) {
                Shape.Property p = t.positions().get(i);
                out.append(i == 0 ? "" : ", ");
                boolean wrap = p.nullable() || p.shape() instanceof Shape.Union;
                out.append(wrap ? "(" : "");
                type(out, indent, p.shape());
                out.append(p.nullable() ? " | null" : "").append(wrap ? ")" : "");
                out.append(p.required() ? "" : "?");
            }
            if (t.rest() != null) {
                out.append(t.positions().isEmpty() ? "" : ", ").append("...Array<");
                type(out, indent, t.rest());
                out.append('>');
            }
            out.append(']');
        } else if (s instanceof Shape.Obj o && o.shared()) {
            out.append(o.typeName());
        } else if (s instanceof Shape.Obj o) {
            object(out, indent, o);
        }
    }

    /** A TypeScript literal of JSON value {@code v}. */
    private static String json(JsonNode v) {
        if (v.isTextual()) {
            return Text.tsString(v.asText());
        }
        if (v.isNumber() || v.isBoolean() || v.isNull()) {
            return v.toString();
        }
        StringBuilder out = new StringBuilder(v.isArray() ? "[" : "{");
        boolean first = true;
        if (v.isArray()) {
            for (JsonNode item : v) {
                out.append(first ? "" : ", ").append(json(item));
                first = false;
            }
        } else {
            for (var it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                out.append(first ? "" : ", ")
                        .append(e.getKey().equals("__proto__") ? literalKey(e.getKey()) : Text.tsString(e.getKey()))
                        .append(": ")
                        .append(json(e.getValue()));
                first = false;
            }
        }
        return out.append(v.isArray() ? "]" : "}").toString();
    }
}
