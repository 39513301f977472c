package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.Corpora;
import dev.reflekt.core.TestProject;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official JSON-Schema-Test-Suite ({@code ../shared/json-schema-test-suite/draft7}) drives the checks generated
 * code makes at {@code build()}: for each keyword it checks, every test group's schema becomes the property {@code v}
 * of an event, and every test's instance is set through the generated API. An instance the suite calls valid must
 * build; one it calls invalid must be refused, by {@code build()} (a violation) or by the compiler (its type has no
 * such value: a string where a number is declared, an enum value the enum does not have, an object missing a
 * required property). Keywords not checked, listed in generate.md: {@code format}, {@code multipleOf},
 * {@code uniqueItems}, {@code dependencies}, {@code minProperties}, {@code maxProperties}, {@code not},
 * {@code if}/{@code then}/{@code else}, which {@code oneOf} branch holds; {@code const} is held by construction.
 */
class SuiteChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SUITE = Corpora.SHARED.resolve("json-schema-test-suite/draft7");
    /** The keywords build() checks, by their suite file. */
    private static final List<String> CHECKED = List.of(
            "minLength",
            "maxLength",
            "pattern",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minItems",
            "maxItems",
            "enum",
            "type",
            "required");

    @TempDir
    Path dir;

    private record Case(String event, String description, JsonNode data, boolean valid) {}

    @Test
    void everyCheckedKeywordAcceptsWhatTheSuiteCallsValidAndRefusesTheRest() throws Exception {
        Corpora.require(SUITE);
        TestProject p = TestProject.create(dir.resolve("p"));
        Map<String, List<Case>> cases = new LinkedHashMap<>();
        int group = 0;
        for (String keyword : CHECKED) {
            for (JsonNode g : JSON.readTree(Files.readString(SUITE.resolve(keyword + ".json")))) {
                group++;
                String name = "Suite " + group;
                String id = "suite/Suite_" + group + "/1-0.json";
                p.write(
                        "schemas/" + id,
                        TestProject.schemaJson(id, name, "1-0", "{\"v\": " + g.path("schema") + "}")
                                .replaceFirst("\"properties\":", "\"required\": [\"v\"], \"properties\":"));
                List<Case> list = new ArrayList<>();
                for (JsonNode t : g.path("tests")) {
                    list.add(new Case(
                            "Suite" + group,
                            keyword + ": " + g.path("description").asText() + ": "
                                    + t.path("description").asText(),
                            t.path("data"),
                            t.path("valid").asBoolean()));
                }
                cases.put("Suite" + group, list);
            }
        }
        Generator.Result result = Generator.run(
                p.load(),
                new GenerateRequest(
                        List.of("java"), "x.events", dir.resolve("out"), dir.resolve("ts"), "none", null, "T"));
        List<EventType> events = EventTypes.outcome(
                        dev.reflekt.core.definitions.Definitions.of(p.load()),
                        p.load().schemaFiles())
                .events();

        StringBuilder source = new StringBuilder("package x.events;\n\npublic final class SuiteCases {\n");
        List<Case> built = new ArrayList<>();
        int byType = 0;
        List<String> narrowed = new ArrayList<>();
        for (EventType e : events) {
            Shape.Property v = e.properties().get(0);
            for (Case c : cases.get(e.typeName())) {
                if (v.shape() instanceof Shape.Const k) {
                    // a constant is always sent: only its value can be
                    if (k.value().equals(c.data())) {
                        source.append("    public static Object case")
                                .append(built.size())
                                .append("() {\n")
                                .append("        return ")
                                .append(e.typeName())
                                .append(".builder().build();\n    }\n\n");
                        built.add(c);
                    } else if (c.valid()) {
                        narrowed.add(c.description());
                    } else {
                        byType++;
                    }
                    continue;
                }
                String value =
                        c.data().isNull() && v.nullable() ? "null" : new Values(e.typeName()).of(v.shape(), c.data());
                if (value == null || (c.data().isNull() && !v.nullable() && v.required())) {
                    // no such value in the generated type: refused by the compiler
                    if (c.valid()) {
                        narrowed.add(c.description());
                    } else {
                        byType++;
                    }
                    continue;
                }
                source.append("    public static Object case")
                        .append(built.size())
                        .append("() {\n        return ")
                        .append(e.typeName())
                        .append(".builder().v(")
                        .append(value)
                        .append(").build();\n    }\n\n");
                built.add(c);
            }
        }
        source.append("}\n");
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out"), ".java"));
        sources.put("x/events/SuiteCases.java", source.toString());
        Compilation.Result compiled = Compilation.compile(dir.resolve("c"), sources);
        assertThat(compiled.errors()).isEmpty();

        List<String> wrong = new ArrayList<>();
        Class<?> holder = compiled.load("x.events.SuiteCases");
        for (int i = 0; i < built.size(); i++) {
            Case c = built.get(i);
            boolean accepted;
            try {
                holder.getMethod("case" + i).invoke(null);
                accepted = true;
            } catch (InvocationTargetException ex) {
                assertThat(ex.getCause()).isInstanceOf(IllegalArgumentException.class);
                accepted = false;
            }
            if (accepted != c.valid()) {
                wrong.add(c.description() + " (" + c.data() + "): suite says " + (c.valid() ? "valid" : "invalid"));
            }
        }
        // "enum with escaped characters": "foo\nbar" and "foo\rbar" make one constant name, a located skip
        assertThat(result.skipped())
                .singleElement()
                .satisfies(skip ->
                        assertThat(skip.reasons()).singleElement().asString().contains("both become constant"));
        assertThat(wrong).isEmpty();
        // Valid instances outside the generated type: a schema without "type" typed as the object its properties
        // describe (which "ignores" arrays, strings...), and null for a required value of no declared type (in Java,
        // null is "not set").
        assertThat(narrowed)
                .allMatch(d -> d.startsWith("required: required validation: ignores") || d.endsWith(": ignores null"))
                .hasSizeLessThanOrEqualTo(6);
        assertThat(built.size()).isGreaterThan(100);
        assertThat(byType).isGreaterThan(40);
        System.out.println("Suite checks: " + built.size() + " instances through build(), " + byType
                + " refused by their type, " + narrowed.size() + " valid ones outside the generated type: " + narrowed);
    }

    /** Java expressions setting a suite instance through the generated API; null when the type has no such value. */
    private record Values(String event) {

        String of(Shape s, JsonNode data) {
            if (s instanceof Shape.Scalar scalar) {
                return switch (scalar) {
                    case STRING -> data.isTextual() ? Text.javaString(data.asText()) : null;
                    case INTEGER -> integral(data) ? data.decimalValue().toBigIntegerExact() + "L" : null;
                    case NUMBER -> data.isNumber() && Double.isFinite(data.asDouble()) ? data.asDouble() + "d" : null;
                    case DECIMAL ->
                        data.isNumber() ? "new java.math.BigDecimal(\"" + data.decimalValue() + "\")" : null;
                    case BOOLEAN -> data.isBoolean() ? String.valueOf(data.asBoolean()) : null;
                    case ANY -> any(data);
                    default -> null;
                };
            }
            if (s instanceof Shape.Enumeration e) {
                for (Shape.Enumeration.Constant c : e.constants()) {
                    if (data.isTextual() && c.wire().equals(data.asText())) {
                        return event + "." + e.typeName() + "." + c.name();
                    }
                }
                return null;
            }
            if (s instanceof Shape.ListOf l) {
                if (!data.isArray()) {
                    return null;
                }
                List<String> items = new ArrayList<>();
                for (JsonNode item : data) {
                    String v = of(l.item(), item);
                    if (v == null) {
                        return null;
                    }
                    items.add(v);
                }
                return "java.util.Arrays.asList(" + String.join(", ", items) + ")";
            }
            if (s instanceof Shape.FreeMap) {
                return data.isObject() ? any(data) : null;
            }
            if (s instanceof Shape.Obj o) {
                return data.isObject() ? object(o, data) : null;
            }
            if (s instanceof Shape.Union u) {
                for (Shape.Union.Branch b : u.branches()) {
                    String v = of(b.shape(), data);
                    if (v != null) {
                        return event + "." + u.typeName() + ".of" + b.name() + "(" + v + ")";
                    }
                }
            }
            return null;
        }

        private String object(Shape.Obj o, JsonNode data) {
            Map<String, Shape.Property> byWire = new LinkedHashMap<>();
            o.properties().forEach(p -> byWire.put(p.wire(), p));
            for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
                if (!byWire.containsKey(it.next())) {
                    return null; // the class has no such property
                }
            }
            String qualified = event + "." + o.typeName();
            Values inner = new Values(qualified);
            StringBuilder out = new StringBuilder(qualified + ".builder()");
            for (Shape.Property step : o.steps()) {
                if (!data.has(step.wire())) {
                    return null; // a required step cannot be left out
                }
                String v = inner.of(step.shape(), data.get(step.wire()));
                if (v == null) {
                    return null;
                }
                out.append('.').append(step.member()).append('(').append(v).append(')');
            }
            for (Shape.Property p : o.properties()) {
                if (!p.required() && data.has(p.wire())) {
                    String v = inner.of(p.shape(), data.get(p.wire()));
                    if (v == null) {
                        return null;
                    }
                    out.append('.').append(p.member()).append('(').append(v).append(')');
                }
            }
            return out.append(".build()").toString();
        }

        private static boolean integral(JsonNode data) {
            if (!data.isNumber()) {
                return false;
            }
            try {
                long ignored = data.decimalValue().longValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        /** Any JSON value as the generated code holds it. */
        private static String any(JsonNode v) {
            if (v.isNull()) {
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
                return "new java.math.BigDecimal(\"" + v.decimalValue() + "\")";
            }
            List<String> parts = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(item -> parts.add(any(item)));
                return "ReflektJson.list(" + String.join(", ", parts) + ")";
            }
            v.fields().forEachRemaining(e -> {
                parts.add(Text.javaString(e.getKey()));
                parts.add(any(e.getValue()));
            });
            return "ReflektJson.map(" + String.join(", ", parts) + ")";
        }
    }
}
