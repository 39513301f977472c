package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A package built from hostile schemas, in every dialect: rendered by Jinja with traps for what dbt would
 * run, every file gives back exactly the schema's text, and every SQL model keeps each name inside one
 * quoted identifier (checked by lexing the SQL with the dialect's rules).
 */
class HostileSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private BuildResult build(String dialect, TestProject p) throws Exception {
        ReflektProject project = p.load();
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "seg"),
                        "segment",
                        Optional.empty());
    }

    private TestProject hostile() {
        TestProject p = TestProject.create(dir);
        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    sources: {prefix: __src_, freshness: {warn_after: 24h}}
                """));
        HostileSchemas.write(p);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "redshift", "bigquery", "postgres", "duckdb", "databricks"})
    void everyYamlStringRendersToTheSchemaTextAndCallsNothing(String dialect) throws Exception {
        BuildResult result = build(dialect, hostile());
        List<String> rendered = new ArrayList<>();
        for (String file : result.files()) {
            if (file.endsWith(".yml")) {
                strings(YAML.readTree(result.packageDir().resolve(file).toFile()), rendered);
            }
        }
        assertThat(rendered).doesNotContain(HostileSchemas.CALLED).noneMatch(s -> s.contains(HostileSchemas.CALLED));
        assertThat(rendered)
                .contains(HostileSchemas.DESCRIPTION, HostileSchemas.ENUM_VALUE)
                .containsAll(HostileSchemas.NAMES);
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(HostileSchemas.render(node.asText()));
        }
        node.forEach(child -> strings(child, out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "redshift", "bigquery", "postgres", "duckdb", "databricks"})
    void everyModelKeepsEachNameInOneQuotedIdentifierAndTheMetadataInOneLiteral(String dialect) throws Exception {
        BuildResult result = build(dialect, hostile());
        String file = "models/seg/stg_seg__hostile_event.sql";
        String raw = Files.readString(result.packageDir().resolve(file));
        String sql = DbtJinja.render(raw, "raw", "stg");
        assertThat(sql).doesNotContain(HostileSchemas.CALLED);
        List<SqlLexer.Token> tokens = SqlLexer.of(dialect).tokens(sql);
        List<String> identifiers = tokens.stream()
                .filter(t -> t.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER)
                .map(SqlLexer.Token::text)
                .toList();
        assertThat(identifiers).containsAll(HostileSchemas.NAMES);
        assertThat(tokens)
                .filteredOn(t -> t.kind() == SqlLexer.Kind.WORD)
                .extracting(SqlLexer.Token::text)
                .doesNotContain("session_user", "leak", "drop_table_x", "env_var", "run_query");
        JsonNode metadata = tokens.stream()
                .filter(t -> t.kind() == SqlLexer.Kind.STRING && t.text().startsWith("{"))
                .map(t -> {
                    try {
                        return new ObjectMapper().readTree(t.text());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(metadata.path("code_owner").asText()).isEqualTo(HostileSchemas.METADATA_VALUE);
        assertThat(metadata.path("{{ key }}").asText()).isEqualTo("v");
    }

    @Test
    void namesThatWouldLeaveThePackageBecomePlainTableNames() throws Exception {
        TestProject p = TestProject.create(dir);
        p.schema("shop/A/1-0.json", "a/!", "{}");
        p.schema("shop/B/1-0.json", "a/../../../../tmp/escaped", "{}");
        BuildResult result = build("duckdb", p);
        assertThat(result.files())
                .contains("models/seg/stg_seg__a__.sql")
                .anyMatch(f -> f.matches("models/seg/stg_seg__a_+tmp_escaped\\.sql"))
                .allSatisfy(f -> assertThat(f).doesNotContain("..").matches("[A-Za-z0-9_./-]+"));
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(f -> f.getFileName().toString().contains("escaped")))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.normalize()).startsWith(result.packageDir()));
        }
    }

    @Test
    void aNameWithNoLetterOrDigitIsAnErrorNamingTheSchema() throws Exception {
        TestProject p = TestProject.create(dir);
        p.schema("shop/A/1-0.json", "../..", "{}");
        assertThatThrownBy(() -> build("duckdb", p))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("schemas/shop/A/1-0.json:")
                .hasMessageContaining("self.name '../..' makes no table name");
        assertThat(dir.resolve("artifacts")).doesNotExist();
    }

    @Test
    void twoEventsMakingOneModelNameAreAnErrorNamingBoth() throws Exception {
        TestProject p = TestProject.create(dir);
        p.schema("shop/A/1-0.json", "Cart Viewed", "{}");
        p.schema("shop/B/1-0.json", "Cart/Viewed", "{}");
        assertThatThrownBy(() -> build("duckdb", p))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("schemas/shop/B/1-0.json: makes models/seg/stg_seg__cart_viewed.sql, as"
                        + " schemas/shop/A/1-0.json does");
    }

    @Test
    void aNulCharacterIsAnErrorWithItsPosition() throws Exception {
        TestProject p = TestProject.create(dir);
        p.schema("shop/A/1-0.json", "Cart Viewed", "{\"x\": {\"type\": \"string\", \"description\": \"a\\u0000b\"}}");
        assertThatThrownBy(() -> build("postgres", p))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("schemas/shop/A/1-0.json:")
                .hasMessageContaining("NUL character");
    }

    /** Six definitions of five properties each, chained: 15,625 columns a model. Refused, located, before writing. */
    @org.junit.jupiter.api.Test
    void aChainOfDefinitionsThatMultipliesColumnsIsRefused() throws Exception {
        java.nio.file.Path at = dir.resolve("chain");
        dev.reflekt.core.TestProject p = dev.reflekt.core.TestProject.create(at);
        for (int d = 0; d < 6; d++) {
            StringBuilder props =
                    new StringBuilder("{\"type\": \"object\", \"description\": \"D.\", \"properties\": {");
            for (int i = 0; i < 5; i++) {
                props.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": ");
                props.append(
                        d == 5
                                ? "{\"type\": \"string\", \"description\": \"x\"}"
                                : "{\"$ref\": \"../d" + (d + 1) + "/1-0.json\", \"description\": \"x\"}");
            }
            p.write(
                    "schemas/.reflekt/definitions/d" + d + "/1-0.json",
                    props.append("}}").toString());
        }
        p.schema(
                "shop/Big_Event/1-0.json",
                "Big Event",
                "{\"root\": {\"$ref\": \"../../.reflekt/definitions/d0/1-0.json\"}}");
        dev.reflekt.core.project.ReflektProject project = p.load();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DbtBuilder(project)
                        .build(
                                project.schemaFiles(),
                                new BuildTarget(
                                        dev.reflekt.core.warehouse.dialect.Dialect.of("duckdb")
                                                .orElseThrow(),
                                        "duckdb",
                                        "raw",
                                        "shop"),
                                "segment",
                                java.util.Optional.empty()))
                .isInstanceOf(dev.reflekt.core.ReflektException.class)
                .hasMessageContaining("schemas/shop/Big_Event/1-0.json:1:1: with its nested objects flattened")
                .hasMessageContaining("more than 1600 columns");
        org.assertj.core.api.Assertions.assertThat(at.resolve("artifacts")).doesNotExist();
    }
}
