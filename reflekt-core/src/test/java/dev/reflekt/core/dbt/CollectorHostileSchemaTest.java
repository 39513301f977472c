package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile schema ({@link HostileSchemas}, with a hostile vendor too) built for RudderStack, Snowplow and Amplitude in
 * every dialect: rendered with dbt's Jinja, no model calls anything, no name or value leaves its identifier or
 * literal, and every YAML string renders to the schema's text.
 */
class CollectorHostileSchemaTest {

    /** The Amplitude project whose export table the models read; the other collectors ignore it. */
    static final String AMPLITUDE_PROJECT = """
            artifacts:
              dbt:
                amplitude: {project_id: 1}
            """;

    private static final String VENDOR = "com.ex'ample{{ run_query('drop') }}";

    @TempDir
    Path dir;

    static Stream<Arguments> collectorsAndDialects() {
        List<Arguments> out = new ArrayList<>();
        for (String sdk : List.of("rudderstack", "snowplow", "amplitude")) {
            for (Dialect d : Dialect.all()) {
                out.add(Arguments.of(sdk, d.name()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("collectorsAndDialects")
    void hostileTextStaysDataInEveryFile(String sdk, String dialect) throws Exception {
        TestProject p = TestProject.create(dir);
        p.config(TestProject.defaultConfig(AMPLITUDE_PROJECT));
        HostileSchemas.write(p);
        Path schema = p.dir().resolve("schemas/shop/Hostile_Event/1-0.json");
        Files.writeString(
                schema,
                Files.readString(schema).replace("\"com.example\"", new ObjectMapper().writeValueAsString(VENDOR)));
        ReflektProject project = p.load();
        BuildResult result = new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "src"),
                        sdk,
                        Optional.empty());

        List<String> sqlFiles = result.files().stream()
                .filter(f -> f.startsWith("models/") && f.endsWith(".sql"))
                .toList();
        assertThat(sqlFiles).isNotEmpty();
        List<String> literals = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        for (String file : sqlFiles) {
            String sql = DbtJinja.render(Files.readString(result.packageDir().resolve(file)), "raw", "stg");
            assertThat(sql).as(file).doesNotContain(HostileSchemas.CALLED);
            List<SqlLexer.Token> tokens = SqlLexer.of(dialect).tokens(sql);
            assertThat(tokens)
                    .filteredOn(t -> t.kind() == SqlLexer.Kind.WORD)
                    .extracting(SqlLexer.Token::text)
                    .as(file)
                    .doesNotContain("session_user", "leak", "drop_table_x", "env_var", "run_query");
            tokens.stream().filter(t -> t.kind() == SqlLexer.Kind.STRING).forEach(t -> literals.add(t.text()));
            tokens.stream()
                    .filter(t -> t.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER)
                    .forEach(t -> identifiers.add(t.text()));
        }
        if (sdk.equals("snowplow")) {
            assertThat(literals).contains(VENDOR);
        }
        if (sdk.equals("amplitude")
                && List.of("snowflake", "bigquery", "databricks", "postgres").contains(dialect)) {
            assertThat(literals).containsAll(HostileSchemas.NAMES); // each key its own literal
        }
        if (sdk.equals("snowplow") && dialect.equals("snowflake")) {
            assertThat(literals).containsAll(HostileSchemas.NAMES); // get(object, '<key>')
        }
        if (sdk.equals("snowplow") && List.of("postgres", "redshift").contains(dialect)) {
            assertThat(identifiers).contains("a\"b", "{{env_var('pw')}}", "x{%y"); // shredded columns
        }

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> strings = new ArrayList<>();
        for (String file : result.files()) {
            if (file.endsWith(".yml")) {
                collect(yaml.readTree(result.packageDir().resolve(file).toFile()), strings);
            }
        }
        assertThat(strings).noneMatch(s -> s.contains(HostileSchemas.CALLED)).contains(HostileSchemas.DESCRIPTION);
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(HostileSchemas.render(node.asText()));
        }
        node.forEach(child -> collect(child, out));
    }
}
