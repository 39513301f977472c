package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.internal.json.SchemaViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A package's YAML files as dbt's own readers see them: PyYAML (YAML 1.1, dbt Core) and ruamel.yaml (YAML 1.2),
 * run by {@code yaml_readback.py} with Debian's python3-yaml and python3-ruamel.yaml (which
 * {@code scripts/test-databases.sh start} installs). Absent readers skip the test loudly, and fail it in CI.
 */
final class YamlReadBack {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** What PyYAML read, by file relative to the package; every file both readers read alike, or an error. */
    record Result(Map<String, JsonNode> trees, List<String> errors) {

        /** Every string scalar of every file, keys included. */
        List<String> strings() {
            List<String> out = new ArrayList<>();
            trees.values().forEach(t -> collect(t, out));
            return out;
        }

        private static void collect(JsonNode node, List<String> out) {
            if (node.isTextual()) {
                out.add(node.textValue());
            }
            node.fieldNames().forEachRemaining(out::add);
            node.forEach(child -> collect(child, out));
        }

        /** Asserts no file failed and each file, as dbt Core reads it, is valid for every engine of {@code yaml}. */
        void assertValid(DbtPackageTest.DbtYaml yaml, String what) {
            assertThat(errors)
                    .as(what + ": files PyYAML and ruamel.yaml do not read as strings alike")
                    .isEmpty();
            trees.forEach((file, tree) -> {
                String name = file.substring(file.lastIndexOf('/') + 1);
                for (DbtPackageTest.DbtYaml.Reader r : yaml.readers()) {
                    List<SchemaViolation> v = r.validate(name, tree);
                    assertThat(v)
                            .as(r.engine() + " on " + what + "/" + file + " as PyYAML reads it")
                            .isEmpty();
                }
            });
        }
    }

    private YamlReadBack() {}

    static Result read(Path packageDir) throws Exception {
        require();
        Path script = Files.createTempFile("yaml_readback", ".py");
        try {
            try (var in = YamlReadBack.class.getResourceAsStream("yaml_readback.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), packageDir.toString())
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isZero();
            Map<String, JsonNode> trees = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                String file = packageDir
                        .relativize(Path.of(row.get("file").asText()))
                        .toString()
                        .replace('\\', '/');
                if (row.has("error")) {
                    errors.add(file + ": " + row.get("error").asText());
                } else {
                    trees.put(file, row.get("tree"));
                }
            }
            assertThat(trees.size() + errors.size()).as("YAML files read").isPositive();
            return new Result(trees, errors);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void require() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import yaml, ruamel.yaml")
                                .redirectErrorStream(true)
                                .start()
                                .waitFor()
                        == 0;
        if (!ok) {
            String why = "/usr/bin/python3 with python3-yaml and python3-ruamel.yaml is missing; run"
                    + " scripts/test-databases.sh start";
            assertThat(System.getenv("CI")).as(why).isNotEqualTo("true");
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
    }
}
