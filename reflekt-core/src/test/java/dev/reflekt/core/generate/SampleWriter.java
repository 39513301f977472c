package dev.reflekt.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.internal.json.EcmaRegex;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes Java that builds a sample of each generated event through its own API (steps, optional setters, union
 * factories, tuples), every property set that a value can be found for: the first of the schema's enum or allowed
 * values, a string fitting the format, length and pattern, a number inside the bounds. A required property with no
 * such value leaves the event without a sample (counted by the caller). The model it reads ({@link Shape}) is what
 * the generators read; the JSON the samples send is checked by an independent validator.
 */
final class SampleWriter {

    /** Strings tried, in order, against a pattern and length bounds. */
    private static final List<String> CANDIDATES = List.of(
            "a",
            "abc",
            "A",
            "1",
            "a1",
            "ab_cd",
            "2020-01-01",
            "2020-01-01T00:00:00Z",
            "12:00:00",
            "123e4567-e89b-12d3-a456-426614174000",
            "a@example.com",
            "https://example.com/a",
            "example.com",
            "127.0.0.1",
            "iglu:com.acme/event/jsonschema/1-0-0",
            "com.acme",
            "1-0-0",
            "EUR",
            "en",
            "en-US",
            "US",
            "#ffffff",
            "+14155550100",
            "s3://bucket/key",
            "0",
            "10");

    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry("email", "a@example.com"),
            Map.entry("idn-email", "a@example.com"),
            Map.entry("uri", "https://example.com/a"),
            Map.entry("iri", "https://example.com/a"),
            Map.entry("uri-reference", "/a"),
            Map.entry("iri-reference", "/a"),
            Map.entry("uri-template", "https://example.com/{a}"),
            Map.entry("hostname", "example.com"),
            Map.entry("idn-hostname", "example.com"),
            Map.entry("ipv4", "127.0.0.1"),
            Map.entry("ipv6", "::1"),
            Map.entry("uuid", "123e4567-e89b-12d3-a456-426614174000"),
            Map.entry("time", "12:00:00Z"),
            Map.entry("date", "2020-01-01"),
            Map.entry("date-time", "2020-01-01T00:00:00Z"),
            Map.entry("regex", "a"),
            Map.entry("json-pointer", "/a"),
            Map.entry("relative-json-pointer", "0"));

    /**
     * An expression building a sample of {@code e}, or empty when a required property has no value; {@code full}:
     * every property that has a value is set, else only the required ones (a minimal instance).
     */
    static Optional<String> event(EventType e, boolean full) {
        return Optional.ofNullable(new SampleWriter(full).object(e.root(), e.typeName()));
    }

    private final boolean full;

    private SampleWriter(boolean full) {
        this.full = full;
    }

    private String object(Shape.Obj o, String qualified) {
        StringBuilder out = new StringBuilder(qualified).append(".builder()");
        for (Shape.Property p : o.steps()) {
            String v = value(p.shape(), p.constraints(), qualified);
            if (v == null) {
                return null;
            }
            out.append("\n.").append(p.member()).append('(').append(v).append(')');
        }
        for (Shape.Property p : o.properties()) {
            if (!full || p.required() || p.shape() instanceof Shape.Const) {
                continue;
            }
            if (p.shape() == Shape.Scalar.ANY && p.constraints().allowed() == null) {
                continue; // untyped: perhaps a schema no value satisfies
            }
            String v = value(p.shape(), p.constraints(), qualified);
            if (v != null) {
                out.append("\n.").append(p.member()).append('(').append(v).append(')');
            }
        }
        return out.append("\n.build()").toString();
    }

    /** An expression of a value of {@code s} meeting {@code c}, where nested types live in {@code enclosing}. */
    private String value(Shape s, Shape.Constraints c, String enclosing) {
        if (c.allowed() != null && !(s instanceof Shape.Enumeration)) {
            return c.allowed().isEmpty() ? null : literal(c.allowed().get(0), s);
        }
        if (s instanceof Shape.Scalar scalar) {
            return switch (scalar) {
                case STRING -> string(c);
                case INSTANT -> "java.time.Instant.parse(\"2020-01-01T00:00:00Z\")";
                case DATE -> "java.time.LocalDate.parse(\"2020-01-01\")";
                case INTEGER -> number(c, true) + "L";
                case NUMBER -> number(c, false) + "d";
                case DECIMAL -> "new java.math.BigDecimal(\"" + number(c, false) + "\")";
                case BOOLEAN -> "true";
                case ANY -> "\"x\"";
            };
        }
        if (s instanceof Shape.Enumeration e) {
            return e.constants().isEmpty()
                    ? null
                    : enclosing + "." + e.typeName() + "."
                            + e.constants().get(0).name();
        }
        if (s instanceof Shape.Obj o) {
            return object(o, o.shared() ? o.typeName() : enclosing + "." + o.typeName());
        }
        if (s instanceof Shape.FreeMap) {
            return "java.util.Map.of()";
        }
        if (s instanceof Shape.ListOf l) {
            long min = c.minItems() == null ? 0 : c.minItems();
            long max = c.maxItems() == null ? Long.MAX_VALUE : c.maxItems();
            if (max == 0 || (min == 0 && l.item() == Shape.Scalar.ANY)) {
                return "java.util.List.of()";
            }
            String item = value(l.item(), Shape.Constraints.NONE, enclosing);
            if (item == null) {
                return min == 0 ? "java.util.List.of()" : null;
            }
            return "java.util.List.of(" + String.join(", ", java.util.Collections.nCopies((int) Math.max(1, min), item))
                    + ")";
        }
        if (s instanceof Shape.Union u) {
            String type = enclosing + "." + u.typeName();
            for (Shape.Union.Branch b : u.branches()) {
                if (b.shape() instanceof Shape.Const) {
                    return type + ".of" + b.name() + "()";
                }
                String v = value(b.shape(), b.constraints(), enclosing);
                if (v != null) {
                    return type + ".of" + b.name() + "(" + v + ")";
                }
            }
            return null;
        }
        if (s instanceof Shape.Tuple t) {
            StringBuilder args = new StringBuilder();
            for (Shape.Property p : t.positions()) {
                String v = p.shape() == Shape.Scalar.ANY && p.constraints().allowed() == null
                        ? "\"x\""
                        : value(p.shape(), p.constraints(), enclosing);
                if (v == null && p.required()) {
                    return null;
                }
                args.append(args.length() == 0 ? "" : ", ").append(v == null ? "null" : v);
            }
            return enclosing + "." + t.typeName() + ".of(" + args + ")";
        }
        return null; // a constant is never set
    }

    private static String string(Shape.Constraints c) {
        long min = c.minLength() == null ? 0 : c.minLength();
        long max = c.maxLength() == null ? Long.MAX_VALUE : c.maxLength();
        List<String> tries = new java.util.ArrayList<>();
        if (c.format() != null && FORMATS.containsKey(c.format())) {
            tries.add(FORMATS.get(c.format()));
        }
        tries.addAll(CANDIDATES);
        for (String t : tries) {
            String padded = t.length() < min ? t + "a".repeat((int) (min - t.length())) : t;
            int length = padded.codePointCount(0, padded.length());
            if (length < min || length > max) {
                continue;
            }
            if (c.pattern() != null
                    && !EcmaRegex.compile(c.pattern()).matcher(padded).find()) {
                continue;
            }
            return Text.javaString(padded);
        }
        return null;
    }

    /** A number inside the bounds: 0 when it is, else the lowest bound (above an exclusive one), else the highest. */
    private static String number(Shape.Constraints c, boolean integer) {
        BigDecimal v = BigDecimal.ZERO;
        if (c.minimum() != null && v.compareTo(c.minimum()) < 0) {
            v = c.minimum();
        }
        if (c.exclusiveMinimum() != null && v.compareTo(c.exclusiveMinimum()) <= 0) {
            v = c.exclusiveMinimum().add(BigDecimal.ONE);
        }
        if (c.maximum() != null && v.compareTo(c.maximum()) > 0) {
            v = c.maximum();
        }
        if (c.exclusiveMaximum() != null && v.compareTo(c.exclusiveMaximum()) >= 0) {
            v = c.exclusiveMaximum().subtract(BigDecimal.ONE);
        }
        if (integer) {
            v = v.setScale(0, RoundingMode.CEILING);
        }
        return v.toPlainString();
    }

    private static String literal(JsonNode v, Shape s) {
        if (v.isTextual()) {
            return Text.javaString(v.asText());
        }
        if (v.isNumber() && s == Shape.Scalar.INTEGER) {
            return v.asLong() + "L";
        }
        if (v.isNumber() && s == Shape.Scalar.NUMBER) {
            return v.asDouble() + "d";
        }
        if (v.isNumber() && s == Shape.Scalar.DECIMAL) {
            return "new java.math.BigDecimal(\"" + v.decimalValue() + "\")";
        }
        if (v.isIntegralNumber()) {
            return "Long.valueOf(" + v.asLong() + "L)";
        }
        if (v.isNumber()) {
            return "new java.math.BigDecimal(\"" + v.decimalValue() + "\")";
        }
        if (v.isBoolean()) {
            return String.valueOf(v.asBoolean());
        }
        return null; // null, arrays and objects: not sampled
    }
}
