package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.reflekt.core.Corpora;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflekt:generate} on the 660 real schemas of Iglu Central ({@code ../shared/corpora/iglu-central}), in one
 * run: the event types generated and skipped are counted, the Java compiles with {@code javac --release 11 -Werror},
 * {@code events.ts} with {@code tsc --strict}, and a sample of every event, built through its generated API (steps,
 * setters, union factories, tuples; see {@link SampleWriter}), sends with {@code toJson()} JSON that networknt
 * accepts against the event's schema.
 */
class IgluGenerateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        GeneratedTypeScriptTest.findTsc();
    }

    @Test
    void everyIgluEventIsTypedCompilesAndSendsWhatItsSchemaAccepts() throws Exception {
        Path root = Corpora.copy(Corpora.IGLU_CENTRAL, dir.resolve("iglu"));
        ReflektProject project = ReflektProject.load(root);
        Path java = dir.resolve("out/java");
        Path ts = dir.resolve("out/ts");
        Generator.Result result = Generator.run(
                project,
                new GenerateRequest(List.of("java", "typescript"), "x.events", java, ts, "snowplow", null, "T"));

        // 566 event+MAJOR in the corpus; issue 32 asks for at least 560 in one run
        assertThat(result.events() + result.skipped().size()).isEqualTo(566);
        assertThat(result.events()).isGreaterThanOrEqualTo(560);
        assertThat(result.warnings()).hasSizeLessThanOrEqualTo(6).allMatch(w -> w.startsWith("schemas/iglu/"));

        GeneratedTypeScriptTest.Run tsc = GeneratedTypeScriptTest.run(
                ts, GeneratedTypeScriptTest.tscArgs("--noEmit", "events.ts").toArray(String[]::new));
        assertThat(tsc.output()).isEmpty();
        assertThat(tsc.exit()).isZero();

        List<EventType> events = EventTypes.outcome(Definitions.of(project), project.schemaFiles())
                .events();
        // events with a property typed as any JSON value (the warnings) are left out: no value is known to fit
        List<String> untyped = result.warnings().stream()
                .filter(w -> w.contains("is typed as any JSON value"))
                .map(w -> w.substring("schemas/".length(), w.indexOf(".json:") + 5))
                .toList();
        StringBuilder samples = new StringBuilder("package x.events;\n\npublic final class IgluSamples {\n");
        List<EventType> sampled = new ArrayList<>();
        for (EventType e : events) {
            Optional<String> full = SampleWriter.event(e, true);
            Optional<String> minimal = SampleWriter.event(e, false);
            if (full.isPresent() && minimal.isPresent() && !untyped.contains(e.schemaId())) {
                sampled.add(e);
                for (var sample :
                        Map.of("Full", full.get(), "Minimal", minimal.get()).entrySet()) {
                    samples.append("    public static Object sample")
                            .append(sample.getKey())
                            .append(e.typeName())
                            .append("() {\n        return ")
                            .append(sample.getValue().replace("\n", "\n                "))
                            .append(";\n    }\n\n");
                }
            }
        }
        samples.append("}\n");
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(java, ".java"));
        sources.put("x/events/IgluSamples.java", samples.toString());
        Compilation.Result compiled = Compilation.compile(dir.resolve("c"), sources);
        assertThat(compiled.errors()).isEmpty();

        Map<String, SchemaFile> files = new TreeMap<>();
        project.schemaFiles().forEach(f -> files.put(f.id(), f));
        Definitions definitions = Definitions.of(project);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(), b -> {});
        Class<?> holder = compiled.load("x.events.IgluSamples");
        List<String> failures = new ArrayList<>();
        List<String> fullFailures = new ArrayList<>();
        for (EventType e : sampled) {
            SchemaFile file = files.get(e.schemaId());
            ObjectNode schema = (ObjectNode) definitions
                    .resolve(file.id(), new LocatedTreeReader().readJson(file.path()))
                    .json()
                    .deepCopy();
            schema.remove(List.of("$schema", "$id", "self"));
            openUrlRefs(schema);
            Schema validator = registry.getSchema(SchemaLocation.of("https://iglu.test/" + file.id()), schema);
            List<String> wrong = new ArrayList<>();
            for (String kind : List.of("Full", "Minimal")) {
                Object event;
                try {
                    event = holder.getMethod("sample" + kind + e.typeName()).invoke(null);
                } catch (InvocationTargetException ex) {
                    wrong.add(e.schemaId() + ": build() refused the sample: " + ex.getCause());
                    continue;
                }
                String json = (String) event.getClass().getMethod("toJson").invoke(event);
                var errors = validator.validate(JSON.readTree(json)).stream()
                        .filter(IgluGenerateTest::checked)
                        .toList();
                if (!errors.isEmpty()) {
                    wrong.add(e.schemaId() + ": " + kind + ": " + errors + " in " + json);
                }
            }
            if (wrong.size() == 2) {
                failures.add(wrong.get(0));
            } else if (!wrong.isEmpty()) {
                fullFailures.add(wrong.get(0));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(fullFailures).isEmpty();
        // a sample for nearly every event: only required strings whose pattern none of SampleWriter's candidates fit
        assertThat(sampled.size()).isGreaterThanOrEqualTo(540);
        System.out.println("Iglu generate: " + result.events() + " event types, "
                + result.skipped().size() + " skipped, " + result.warnings().size() + " warnings, " + sampled.size()
                + " samples sent valid");
    }

    /**
     * Whether an error is one {@code build()} is meant to prevent. It does not check what the generated docs list
     * as unchecked: {@code dependencies}, {@code minProperties}/{@code maxProperties}, and {@code oneOf}/{@code anyOf}
     * that only constrain (which branch holds, and that only one does), with what their branches say.
     */
    private static boolean checked(com.networknt.schema.Error error) {
        String keyword = error.getKeyword();
        if (List.of("dependencies", "minProperties", "maxProperties").contains(keyword)) {
            return false;
        }
        if (List.of("oneOf", "anyOf").contains(keyword)) {
            JsonNode branches = error.getSchemaNode();
            branches = branches.has(keyword) ? branches.get(keyword) : branches;
            for (JsonNode b : branches) {
                for (String shaping :
                        List.of("type", "properties", "items", "enum", "const", "allOf", "anyOf", "oneOf")) {
                    if (b.has(shaping)) {
                        return true; // a union the generated types: its value must hold
                    }
                }
            }
            return false;
        }
        String path = error.getEvaluationPath().toString();
        return !path.contains("/oneOf/") && !path.contains("/anyOf/"); // the branches' part of a union error
    }

    /**
     * Replaces every {@code $ref} to another Iglu schema (an {@code http(s)} address: generated code types it as any
     * JSON value and the validator fetches nothing) by the schema that accepts everything.
     */
    private static void openUrlRefs(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.path("$ref").asText("").startsWith("http")) {
                o.removeAll();
                return;
            }
            o.forEach(IgluGenerateTest::openUrlRefs);
        } else if (node.isArray()) {
            node.forEach(IgluGenerateTest::openUrlRefs);
        }
    }
}
