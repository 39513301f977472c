package dev.reflekt.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.Corpora;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official draft-07 conformance suite as a tracking plan and its test data as recorded Snowplow events: each
 * group's schema is a planned event, each case one self-describing event sent to it. Recorded, read back (numbers
 * as exact decimals), matched by Iglu URI and checked in parallel partitions, every event is valid exactly when lint's
 * validator accepts its data; and that is the suite's own answer except where networknt itself departs from it.
 */
class SuiteEventsTest {

    private static final Path SUITE = Corpora.SHARED.resolve("json-schema-test-suite/draft7");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everySuiteCaseSentAsAnEventIsValidExactlyWhenLintsValidatorSaysSo() throws Exception {
        Corpora.require(SUITE);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SUITE)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        TestProject p = TestProject.create(dir.resolve("suite"));
        Map<String, int[]> expected = new TreeMap<>(); // uri -> {cases, valid per lint's validator, valid per suite}
        StringBuilder events = new StringBuilder();
        int group = 0;
        for (Path file : files) {
            for (JsonNode g : JSON.readTree(file.toFile())) {
                JsonNode schema = g.get("schema");
                String text = schema.toString();
                // boolean schemas carry no self block; remote and re-based references need the suite's server
                if (!schema.isObject() || text.contains("localhost") || schema.has("$id") || text.contains("\"id\"")) {
                    continue;
                }
                String name = "G" + group++;
                String id = "suite/" + name + "/1-0.json";
                ObjectNode s = schema.deepCopy();
                s.put("$schema", "http://json-schema.org/draft-07/schema#");
                s.put("$id", id);
                s.putObject("self")
                        .put("vendor", "com.example")
                        .put("name", name)
                        .put("format", "jsonschema")
                        .put("version", "1-0");
                SchemaValidator lint;
                try {
                    lint = SchemaValidator.compile("https://reflekt.invalid/" + id, s);
                } catch (IllegalArgumentException e) {
                    continue; // lint refuses the schema (a $ref cycle): no plan holds it
                }
                p.write("schemas/" + id, s.toString());
                String uri = "iglu:com.example/" + name + "/jsonschema/1-0-0";
                int[] counts = expected.computeIfAbsent(uri, k -> new int[3]);
                for (JsonNode t : g.get("tests")) {
                    counts[0]++;
                    counts[1] += lint.validate(t.get("data")).isEmpty() ? 1 : 0;
                    counts[2] += t.get("valid").asBoolean() ? 1 : 0;
                    events.append("{\"schema\": \"")
                            .append(uri)
                            .append("\", \"data\": ")
                            .append(t.get("data").toString())
                            .append("}\n");
                }
            }
        }
        // what Reflekt's own rules refuse in a plan ($ref "#" cycles, keywords beside $ref) is left out, said why
        ReflektProject project = p.load();
        Plan plan;
        try {
            plan = Plan.of(Definitions.of(project), project.schemaFiles());
        } catch (dev.reflekt.core.ReflektException e) {
            List<String> refused = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("schemas/suite/(G[0-9]+)/1-0\\.json")
                    .matcher(e.getMessage());
            while (m.find()) {
                refused.add(m.group(1));
            }
            assertThat(refused).as(e.getMessage()).isNotEmpty().hasSizeLessThan(5);
            for (String name : refused) {
                Files.deleteIfExists(dir.resolve("suite/schemas/suite/" + name + "/1-0.json"));
                String uri = "iglu:com.example/" + name + "/jsonschema/1-0-0";
                expected.remove(uri);
                events = new StringBuilder(events.toString()
                        .lines()
                        .filter(l -> !l.contains("\"" + uri + "\""))
                        .map(l -> l + "\n")
                        .reduce("", String::concat));
            }
            project = p.load();
            plan = Plan.of(Definitions.of(project), project.schemaFiles());
        }
        Path recording = dir.resolve("suite.ndjson");
        Files.writeString(recording, events);
        EventCheck.Result result = ParallelCheck.run(
                plan,
                Severities.defaults(),
                new EventCheck.Options(false, false),
                List.of(new ParallelCheck.Input(recording, "suite.ndjson")),
                PayloadFormats.all());

        List<String> unlikeLint = new ArrayList<>();
        int cases = 0;
        int unlikeSuite = 0;
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            EventCheck.Seen seen = result.events().get(e.getKey());
            int[] c = e.getValue();
            cases += c[0];
            assertThat(seen).as(e.getKey()).isNotNull();
            assertThat(seen.seen()).as(e.getKey()).isEqualTo(c[0]);
            if (seen.valid() != c[1]) {
                unlikeLint.add(e.getKey() + ": " + seen.valid() + " valid, lint's validator " + c[1]);
            }
            unlikeSuite += Math.abs(c[1] - c[2]);
        }
        assertThat(unlikeLint)
                .as("events judged unlike lint's validator judges their data")
                .isEmpty();
        assertThat(result.unseen()).isEmpty();
        assertThat(cases).isGreaterThan(1_200);
        System.out.println("Suite as events: " + cases + " cases in " + expected.size() + " planned schemas; "
                + unlikeSuite + " judged unlike the suite, as networknt judges them");
    }
}
