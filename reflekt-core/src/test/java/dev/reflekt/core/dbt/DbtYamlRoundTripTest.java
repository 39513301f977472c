package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text from a schema comes back from dbt's YAML readers as the very string it was: scalars that PyYAML (YAML 1.1,
 * dbt Core) or a YAML 1.2 reader (dbt 2) would type as dates, numbers, booleans or null, or cannot load at all
 * ({@code =}), are planted as descriptions, enum values, names and a package name, built by every collector for
 * every dialect, and read back by both readers; every file, as dbt Core reads it, is valid for dbt Core and Fusion.
 */
class DbtYamlRoundTripTest {

    /** Plain scalars that YAML 1.1 or 1.2 types as something else, or that start YAML syntax. */
    static final List<String> PLANTED = List.of(
            "=",
            "0x1F",
            "1_000",
            "12:30:00",
            ".inf",
            "-.INF",
            ".NaN",
            "2020-03-20",
            "2020-03-20 23:11:58 +00:00",
            "2001-12-14t21:59:43.10-05:00",
            "yes",
            "No",
            "ON",
            "off",
            "y",
            "N",
            "~",
            "null",
            "Null",
            "<<",
            "0o17",
            "0b101",
            "017",
            "1e3",
            "6.8523015e+5",
            "-.5",
            "+12",
            "1_0.5",
            "190:20:30.15",
            "@handle",
            "`tick`",
            "!tag",
            "&anchor",
            "*alias",
            "%pct",
            "? q",
            "- item",
            "a: b",
            "a #b",
            "|",
            ">",
            "'",
            "\"",
            "#",
            "",
            " lead",
            "trail ",
            "TRUE",
            "False");

    /** Property names that snake-case to themselves and that YAML 1.1 reads as booleans or null. */
    private static final List<String> NAMES = List.of("yes", "no", "on", "off", "y", "n", "null", "true");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static DbtPackageTest.DbtYaml yaml;

    @BeforeAll
    static void load() throws Exception {
        yaml = DbtPackageTest.DbtYaml.load();
    }

    /** A project named "yes" whose events are named like YAML words and whose text is every planted scalar. */
    private static ReflektProject hostile(Path at) throws Exception {
        ObjectNode properties = JSON.createObjectNode();
        for (int i = 0; i < PLANTED.size(); i++) {
            properties
                    .putObject("p" + (char) ('a' + i / 26) + (char) ('a' + i % 26))
                    .put("type", "string")
                    .put("description", PLANTED.get(i));
        }
        ObjectNode choice = properties.putObject("choice").put("type", "string").put("description", "On");
        ArrayNode values = choice.putArray("enum");
        PLANTED.forEach(values::add);
        for (String name : NAMES) {
            properties.putObject(name).put("type", "string").put("description", "2020-03-20");
        }
        TestProject p = TestProject.create(at)
                .config(TestProject.defaultConfig(CollectorHostileSchemaTest.AMPLITUDE_PROJECT)
                        .replace("name: test_project", "name: 'yes'"));
        for (String event : List.of("On", "Null", "Yes")) {
            String json = TestProject.schemaJson("shop/" + event + "/1-0.json", event, "1-0", properties.toString())
                    .replace("\"description\": \"Test event.\"", "\"description\": \"2020-03-20 23:11:58 +00:00\"")
                    .replace("\"code_owner\": \"a\"", "\"code_owner\": \"=\", \"since\": \"0x1F\"");
            p.write("schemas/shop/" + event + "/1-0.json", json);
        }
        return p.load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"segment", "rudderstack", "snowplow", "amplitude"})
    void plantedScalarsComeBackAsTheSameStringsInBothReaders(String sdk) throws Exception {
        for (Dialect dialect : Dialect.all()) {
            ReflektProject project = hostile(dir.resolve(sdk + "-" + dialect.name()));
            BuildResult result = new DbtBuilder(project)
                    .build(
                            project.schemaFiles(),
                            new BuildTarget(dialect, dialect.name(), "raw", sdk.equals("snowplow") ? "atomic" : "on"),
                            sdk,
                            Optional.empty());
            YamlReadBack.Result read = YamlReadBack.read(result.packageDir());
            read.assertValid(yaml, sdk + "/" + dialect.name());
            List<String> strings = read.strings();
            for (String planted : PLANTED) {
                assertThat(strings)
                        .as(sdk + "/" + dialect.name() + ": " + planted)
                        .contains(planted);
            }
            assertThat(read.trees().get("dbt_project.yml").path("name").asText())
                    .isEqualTo("yes");
            assertThat(read.trees().get("dbt_project.yml").path("name").isTextual())
                    .isTrue();
        }
    }

    /** The quoting decision itself, against the readers: each planted string alone, as a key and as a value. */
    @Test
    void theWriterQuotesWhatEitherReaderWouldType() throws Exception {
        Path pkg = dir.resolve("writer");
        java.nio.file.Files.createDirectories(pkg);
        ObjectNode doc = JSON.createObjectNode();
        for (int i = 0; i < PLANTED.size(); i++) {
            doc.put("k" + i, PLANTED.get(i));
            if (!PLANTED.get(i).isEmpty()) {
                doc.put(PLANTED.get(i), "v" + i);
            }
        }
        java.nio.file.Files.writeString(pkg.resolve("values.yml"), PackageRenderer.yaml(doc));
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < PLANTED.size(); i++) {
            template.append("t")
                    .append(i)
                    .append(": ")
                    .append(YamlScalar.scalar(PLANTED.get(i)))
                    .append('\n');
        }
        java.nio.file.Files.writeString(pkg.resolve("template.yml"), template);
        YamlReadBack.Result read = YamlReadBack.read(pkg);
        assertThat(read.errors()).isEmpty();
        assertThat(JSON.convertValue(read.trees().get("values.yml"), Map.class))
                .isEqualTo(JSON.convertValue(doc, Map.class));
        for (int i = 0; i < PLANTED.size(); i++) {
            assertThat(read.trees().get("template.yml").path("t" + i).textValue())
                    .isEqualTo(PLANTED.get(i));
        }
    }
}
