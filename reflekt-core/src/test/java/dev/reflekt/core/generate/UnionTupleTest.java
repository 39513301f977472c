package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.reflekt.core.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Type lists, {@code oneOf}/{@code anyOf}, tuples, {@code allOf} and objects without {@code type}, as application
 * code uses them: in Java a union class with a factory per branch, a tuple class with a component per position, a
 * merged object with its own steps; in TypeScript union and tuple types. Right uses compile and send what networknt
 * accepts; wrong uses do not compile, in javac or tsc.
 */
class UnionTupleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPERTIES = """
            {"id": {"type": ["string", "integer"], "description": "I.", "minLength": 2},
             "target": {"description": "T.", "oneOf": [
                 {"type": "object", "title": "page", "properties": {"url": {"type": "string"}}, "required": ["url"],
                  "additionalProperties": false},
                 {"type": "string", "enum": ["home", "cart"]}]},
             "point": {"type": "array", "description": "P.", "items": [{"type": "number"}, {"type": "number"}],
                       "minItems": 2, "additionalItems": false},
             "kind": {"description": "K.", "oneOf": [{"const": "a"}, {"const": "b"}]},
             "merged": {"description": "M.", "allOf": [
                 {"type": "object", "properties": {"a": {"type": "string"}}},
                 {"properties": {"b": {"type": "integer", "minimum": 1}}, "required": ["b"]}]},
             "loose": {"description": "L.", "properties": {"x": {"type": "string"}}},
             "code": {"description": "C.", "oneOf": [{"type": "string", "pattern": "^[a-z]+$"},
                                                     {"type": "integer", "enum": [1, 2]}]}}""";

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        GeneratedTypeScriptTest.findTsc();
    }

    private Map<String, String> generate() throws Exception {
        TestProject p = TestProject.create(dir.resolve("p")).schema("shop/Shapes/1-0.json", "Shapes", PROPERTIES);
        Generator.Result r = Generator.run(
                p.load(),
                new GenerateRequest(
                        List.of("java", "typescript"),
                        "x.events",
                        dir.resolve("out/java"),
                        dir.resolve("out/ts"),
                        "none",
                        null,
                        "T"));
        assertThat(r.events()).isEqualTo(1);
        assertThat(r.skipped()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        return new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
    }

    @Test
    void unionsTuplesAndMergedObjectsAreTypedAndSendWhatTheSchemaAccepts() throws Exception {
        Map<String, String> sources = generate();
        sources.put("app/Use.java", """
                package app;

                import x.events.Shapes;

                public final class Use {
                    public static Shapes[] all() {
                        return new Shapes[] {
                            Shapes.builder()
                                    .id(Shapes.Id.ofLong(7))
                                    .target(Shapes.Target.ofPage(Shapes.Page.builder().url("u").build()))
                                    .point(Shapes.Point.of(1.5, 2.0))
                                    .kind(Shapes.Kind.A)
                                    .merged(Shapes.Merged.builder().b(1).a("x").build())
                                    .loose(Shapes.Loose.builder().x("y").build())
                                    .build(),
                            Shapes.builder()
                                    .id(Shapes.Id.ofString("ab"))
                                    .target(Shapes.Target.ofTargetString(Shapes.TargetString.CART))
                                    .build()
                        };
                    }

                    public static Shapes tooShort() {
                        return Shapes.builder().id(Shapes.Id.ofString("a")).build();
                    }

                    public static Shapes noMatch() {
                        return Shapes.builder().code(Shapes.Code.ofString("ABC")).build();
                    }

                    public static Shapes notListed() {
                        return Shapes.builder().code(Shapes.Code.ofLong(3)).build();
                    }

                    public static Shapes fine() {
                        return Shapes.builder().code(Shapes.Code.ofLong(2)).build();
                    }
                }
                """);
        Compilation.Result compiled = Compilation.compile(dir.resolve("c"), sources);
        assertThat(compiled.errors()).isEmpty();
        Object[] events = (Object[]) compiled.load("app.Use").getMethod("all").invoke(null);
        List<String> sent = new java.util.ArrayList<>();
        for (Object e : events) {
            sent.add((String) e.getClass().getMethod("toJson").invoke(e));
        }
        assertThat(sent)
                .containsExactly(
                        "{\"id\":7,\"target\":{\"url\":\"u\"},\"point\":[1.5,2.0],\"kind\":\"a\","
                                + "\"merged\":{\"a\":\"x\",\"b\":1},\"loose\":{\"x\":\"y\"}}",
                        "{\"id\":\"ab\",\"target\":\"cart\"}");
        Schema schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(), b -> {})
                .getSchema(
                        SchemaLocation.of("https://x.test/s"),
                        JSON.readTree(TestProject.schemaJson("shop/Shapes/1-0.json", "Shapes", "1-0", PROPERTIES)));
        for (String json : sent) {
            assertThat(schema.validate(JSON.readTree(json))).as(json).isEmpty();
        }
        // a union branch's checks run at build(): "a" is shorter than the string branch's minLength
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> compiled.load("app.Use").getMethod("tooShort").invoke(null)))
                .rootCause()
                .hasMessageContaining("id")
                .hasMessageContaining("minLength");
        for (var refused : Map.of("noMatch", "pattern", "notListed", "enum").entrySet()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                            compiled.load("app.Use").getMethod(refused.getKey()).invoke(null)))
                    .rootCause()
                    .hasMessageContaining("code")
                    .hasMessageContaining(refused.getValue());
        }
        Object fine = compiled.load("app.Use").getMethod("fine").invoke(null);
        assertThat(fine.getClass().getMethod("toJson").invoke(fine)).isEqualTo("{\"code\":2}");
    }

    /**
     * Schema text in a union's branches and a tuple's positions (titles, descriptions, enum values, property names) is
     * input from strangers: it never becomes code but through Identifiers and Text, so the hostile project compiles in
     * javac and tsc, and the planted code runs nowhere.
     */
    @Test
    void hostileTextInUnionsAndTuplesStaysText() throws Exception {
        String hostile = "*/ }; class Pwned { static { System.exit(3); } } /* \\u0022 ${x} #set($a=1) <script>";
        String properties = """
                {"u": {"description": "D %1$s", "oneOf": [
                    {"type": "object", "title": "%1$s", "description": "%1$s",
                     "properties": {"%1$s": {"type": "string", "description": "%1$s"},
                                    "__proto__": {"type": "string", "enum": ["%1$s", "__proto__", "constructor"]}}},
                    {"type": "string", "pattern": "^[a-z]+$", "description": "%1$s"}]},
                 "t": {"type": "array", "description": "%1$s", "items": [
                    {"type": "string", "enum": ["%1$s"], "description": "%1$s"},
                    {"type": "object", "title": "%1$s", "properties": {"constructor": {"type": "string"}}}]}}""".formatted(hostile.replace("\\", "\\\\").replace("\"", "\\\""));
        TestProject p = TestProject.create(dir.resolve("p")).schema("shop/Hostile/1-0.json", "Hostile", properties);
        Generator.Result r = Generator.run(
                p.load(),
                new GenerateRequest(
                        List.of("java", "typescript"),
                        "x.events",
                        dir.resolve("out/java"),
                        dir.resolve("out/ts"),
                        "segment",
                        null,
                        "T"));
        assertThat(r.events()).isEqualTo(1);
        assertThat(r.skipped()).isEmpty();
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        // the text is in doc comments (the comment end escaped) and string literals; template syntax in it is not run
        assertThat(sources.get("x/events/Hostile.java")).contains("&#42;&#47; }; class Pwned", "${x} #set($a=1)");
        Compilation.Result compiled = Compilation.compile(dir.resolve("c"), sources);
        assertThat(compiled.errors()).isEmpty();
        assertThat(dir.resolve("c/classes/x/events/Pwned.class")).doesNotExist();
        GeneratedTypeScriptTest.Run tsc = GeneratedTypeScriptTest.run(
                dir.resolve("out/ts"),
                GeneratedTypeScriptTest.tscArgs("--noEmit", "events.ts").toArray(String[]::new));
        assertThat(tsc.output()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/ts/events.ts"))).contains("&#42;&#47; }; class Pwned");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a branch's factory takes its type|Shapes.Id.ofString(7)|incompatible types",
                "a union is not its branch|Shapes.builder().id(\"ab\")|incompatible types",
                "a tuple takes every position|Shapes.Point.of(1.5)|cannot be applied",
                "a tuple's positions are typed|Shapes.Point.of(\"a\", 2.0)|incompatible types",
                "a merged object's required step comes first|Shapes.Merged.builder().a(\"x\")|cannot find symbol",
                "a const union is an enum|Shapes.Kind.C|cannot find symbol",
            })
    void wrongUsesDoNotCompile(String name, String expression, String error) throws Exception {
        Map<String, String> sources = generate();
        sources.put(
                "app/Bad.java",
                "package app;\n\nimport x.events.Shapes;\n\nfinal class Bad {\n    Object bad() {\n        return "
                        + expression + ";\n    }\n}\n");
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).as(name).isNotEmpty().allMatch(e -> e.startsWith("app/Bad.java:"));
        assertThat(String.join("\n", r.errors())).as(name).contains(error);
    }

    @Test
    void typeScriptHasUnionAndTupleTypesThatTscEnforces() throws Exception {
        generate();
        Path ts = dir.resolve("out/ts");
        String events = Files.readString(ts.resolve("events.ts"));
        assertThat(events)
                .contains("id?: string | number;", "point?: [number, number];", "kind?: \"a\" | \"b\";")
                .contains("target?: {\n", "} | (\"home\" | \"cart\");");
        Files.writeString(ts.resolve("good.ts"), """
                import { Shapes } from "./events";
                export const all: Shapes[] = [
                  { id: 7, target: { url: "u" }, point: [1.5, 2], kind: "a", merged: { b: 1, a: "x" }, loose: { x: "y" } },
                  { id: "ab", target: "cart" },
                ];
                """);
        GeneratedTypeScriptTest.Run good = GeneratedTypeScriptTest.run(
                ts,
                GeneratedTypeScriptTest.tscArgs("--noEmit", "events.ts", "good.ts")
                        .toArray(String[]::new));
        assertThat(good.output()).isEmpty();
        for (String bad : List.of(
                "{ id: true }", "{ point: [1] }", "{ point: [1, 2, 3] }", "{ target: \"away\" }", "{ merged: {} }")) {
            Files.writeString(
                    ts.resolve("bad.ts"),
                    "import { Shapes } from \"./events\";\nexport const s: Shapes = " + bad + ";\n");
            GeneratedTypeScriptTest.Run run = GeneratedTypeScriptTest.run(
                    ts,
                    GeneratedTypeScriptTest.tscArgs("--noEmit", "events.ts", "bad.ts")
                            .toArray(String[]::new));
            assertThat(run.exit()).as(bad).isNotZero();
            assertThat(run.output()).as(bad).contains("bad.ts");
        }
    }
}
