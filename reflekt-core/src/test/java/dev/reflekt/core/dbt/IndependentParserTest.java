package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.Golden;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL of the warehouses the suite cannot execute (Snowflake, BigQuery) is parsed by an independent
 * parser, sqlglot (Debian's python3-sqlglot, through {@code scripts/parse-sql.py}): every model of the
 * example project, as a view and as an incremental model on its first and later runs. The literals it reads back are the ones the schemas hold. CI installs the package
 * ({@code scripts/test-databases.sh}); elsewhere the test is skipped, loudly, when it is missing.
 */
class IndependentParserTest {

    private static final Path SCRIPT = TestProject.repoRoot().resolve("scripts/parse-sql.py");
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSqlglot() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON))
                && run(List.of(PYTHON, "-c", "import sqlglot"), Path.of(".")).exit == 0;
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("python3-sqlglot is missing on CI; scripts/test-databases.sh installs it");
        }
        if (!present) {
            System.err.println("SKIPPED IndependentParserTest: no python3-sqlglot (apt-get install python3-sqlglot)");
        }
        Assumptions.assumeTrue(present, "python3-sqlglot is not installed (apt-get install python3-sqlglot)");
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(List<String> command, Path dir) throws Exception {
        Path out = Files.createTempFile("parse", ".out");
        Path err = Files.createTempFile("parse", ".err");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sqlglot did not finish in 120 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** Statement name → rendered SQL, for every model of the example built with {@code materialized}. */
    private Map<String, String> rendered(String dialect, String materialized) throws Exception {
        Path project = dir.resolve(dialect + "-" + materialized);
        Golden.copyTree(TestProject.EXAMPLE, project);
        Golden.deleteTree(project.resolve("target"));
        Path config = project.resolve("reflekt_project.yml");
        Files.writeString(
                config, Files.readString(config).replace("materialized: view", "materialized: " + materialized));
        ReflektProject p = ReflektProject.load(project);
        BuildResult result = new DbtBuilder(p)
                .build(
                        p.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "jaffle_shop"),
                        "segment",
                        Optional.empty());
        Map<String, String> out = new LinkedHashMap<>();
        for (String file : result.files()) {
            if (file.startsWith("models/") && file.endsWith(".sql")) {
                String model = file.substring(file.lastIndexOf('/') + 1, file.length() - 4);
                String sql = Files.readString(result.packageDir().resolve(file));
                out.put(model, DbtJinja.render(sql, "raw", "stg", model, false, Map.of("profiles_sync", "ps")));
                out.put(
                        model + "-incremental",
                        DbtJinja.render(sql, "raw", "stg", model, true, Map.of("profiles_sync", "ps")));
            }
        }
        // The deletion step's DELETE ... AS alias is not parsed: sqlglot 10.6 (Debian 12) reads no alias on a
        // DELETE target, which Snowflake and BigQuery both accept.
        return out;
    }

    /** Parses each statement; returns what sqlglot read from each, by statement name. */
    private Map<String, JsonNode> parse(String dialect, Map<String, String> statements) throws Exception {
        Path sqlDir = Files.createDirectories(dir.resolve("sql-" + dialect + "-" + statements.size()));
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), dialect));
        for (Map.Entry<String, String> s : statements.entrySet()) {
            Path file = sqlDir.resolve(s.getKey() + ".sql");
            Files.writeString(file, s.getValue(), StandardCharsets.UTF_8);
            command.add(file.getFileName().toString());
        }
        Result r = run(command, sqlDir);
        assertThat(r.err).as("sqlglot's errors").isEmpty();
        assertThat(r.exit).isZero();
        Map<String, JsonNode> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.out.lines().toList()) {
            JsonNode node = json.readTree(line);
            String file = node.path("file").asText();
            out.put(file.substring(0, file.length() - 4), node);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "bigquery"})
    void everyModelParsesAndItsLiteralsAreTheSchemas(String dialect) throws Exception {
        Map<String, String> statements = new LinkedHashMap<>(rendered(dialect, "view"));
        rendered(dialect, "incremental").forEach((name, sql) -> statements.put("incremental-" + name, sql));
        Map<String, JsonNode> parsed = parse(dialect, statements);
        assertThat(parsed.keySet()).containsExactlyInAnyOrderElementsOf(statements.keySet());
        assertThat(parsed).hasSizeGreaterThan(40);

        List<String> strings = new ArrayList<>();
        parsed.get("stg_jaffle_shop__order_completed").path("strings").forEach(s -> strings.add(s.asText()));
        assertThat(strings).contains("track", "jaffle_shop", "order_completed", "jaffle_shop/Order_Completed/1-0.json");
        String metadata =
                strings.stream().filter(s -> s.startsWith("{")).findFirst().orElseThrow();
        assertThat(new ObjectMapper().readTree(metadata).path("code_owner").asText())
                .isEqualTo("checkout");
    }

    /** Every model of the RudderStack, Snowplow and Amplitude fixtures, as a view and as an incremental model's runs. */
    private Map<String, String> renderedForCollector(String sdk, String dialect, String materialized) throws Exception {
        TestProject t = TestProject.create(dir.resolve(sdk + "-" + dialect + "-" + materialized));
        ReflektProject p = (switch (sdk) {
                    case "snowplow" -> SnowplowFixture.write(t, "", materialized);
                    case "amplitude" -> AmplitudeFixture.write(t, "", materialized);
                    default -> RudderStackFixture.write(t, "");
                })
                .load();
        BuildResult result = new DbtBuilder(p)
                .build(
                        p.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "atomic"),
                        sdk,
                        Optional.empty());
        Map<String, String> out = new LinkedHashMap<>();
        for (String file : result.files()) {
            if (file.startsWith("models/") && file.endsWith(".sql")) {
                String model = file.substring(file.lastIndexOf('/') + 1, file.length() - 4);
                String sql = Files.readString(result.packageDir().resolve(file));
                out.put(materialized + "-" + model, DbtJinja.render(sql, "raw", "stg", model, false, Map.of()));
                out.put(
                        materialized + "-" + model + "-incremental",
                        DbtJinja.render(sql, "raw", "stg", model, true, Map.of()));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "bigquery", "databricks"})
    void rudderStackSnowplowAndAmplitudeModelsParse(String dialect) throws Exception {
        Map<String, String> statements = new LinkedHashMap<>(renderedForCollector("snowplow", dialect, "view"));
        statements.putAll(renderedForCollector("snowplow", dialect, "incremental"));
        statements.putAll(renderedForCollector("rudderstack", dialect, "view"));
        Map<String, String> amplitude = new LinkedHashMap<>();
        renderedForCollector("amplitude", dialect, "incremental").forEach((k, v) -> amplitude.put("amp-" + k, v));
        statements.putAll(amplitude);
        Map<String, JsonNode> parsed = parse(dialect, statements);
        assertThat(parsed.keySet()).containsExactlyInAnyOrderElementsOf(statements.keySet());
        List<String> strings = new ArrayList<>();
        parsed.get("view-stg_atomic__com_example_button_press_1")
                .path("strings")
                .forEach(s -> strings.add(s.asText()));
        assertThat(strings).contains("com.example", "button_press", "1-%", "acme/button_press/1-1.json");
        List<String> amplitudeStrings = new ArrayList<>();
        parsed.get("amp-incremental-stg_atomic__order_completed")
                .path("strings")
                .forEach(s -> amplitudeStrings.add(s.asText()));
        assertThat(amplitudeStrings).contains("Order Completed", "shipping", "city", "shop/Order_Completed/1-1.json");
    }

    @Test
    void brokenSqlIsRefusedWithTheFileNamed() throws Exception {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("fine", "select 1 as a");
        statements.put("broken", "select (a from t");
        Path sqlDir = Files.createDirectories(dir.resolve("broken"));
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString(), "snowflake"));
        for (Map.Entry<String, String> s : statements.entrySet()) {
            Files.writeString(sqlDir.resolve(s.getKey() + ".sql"), s.getValue());
            command.add(s.getKey() + ".sql");
        }
        Result r = run(command, sqlDir);
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("broken.sql: snowflake does not parse").doesNotContain("fine.sql");
    }
}
