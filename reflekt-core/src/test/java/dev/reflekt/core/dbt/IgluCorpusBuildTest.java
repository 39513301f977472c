package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.Corpora;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The package of the 660 Iglu Central schemas (../shared/corpora/iglu-central), written by each collector for
 * each engine, validates against dbt's own Core and Fusion schemas, as Jackson reads it and as dbt Core's PyYAML
 * reads it (every scalar the same in a YAML 1.2 reader); a {@code $ref} to a URL is the dialect's JSON type.
 */
class IgluCorpusBuildTest {

    @TempDir
    static Path dir;

    private static Path corpus;
    private static DbtPackageTest.DbtYaml yaml;

    @BeforeAll
    static void copyCorpus() throws Exception {
        corpus = Corpora.copy(Corpora.IGLU_CENTRAL, dir.resolve("iglu"));
        // Amplitude's export table is named after the project
        Path config = corpus.resolve("reflekt_project.yml");
        Files.writeString(config, Files.readString(config).stripTrailing() + "\n    amplitude:\n      project_id: 1\n");
        yaml = DbtPackageTest.DbtYaml.load();
    }

    /**
     * Segment and RudderStack name a table after the event alone, and Iglu Central has events of one name from
     * several vendors (com.google.analytics and com.google.ga4 both have Cookies): a build of both is refused,
     * rightly. Those collectors build the corpus with the first vendor of each name.
     */
    private static List<SchemaFile> oneVendorPerName(List<SchemaFile> files) {
        Map<String, SchemaFile> first = new LinkedHashMap<>();
        for (SchemaFile f : files) {
            String[] parts = f.id().split("/");
            String key = parts.length < 4
                    ? f.id()
                    : (parts[2] + "/" + parts[3]).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/]", "");
            first.putIfAbsent(key, f);
        }
        assertThat(first.size()).isGreaterThan(files.size() * 9 / 10);
        return List.copyOf(first.values());
    }

    @ParameterizedTest
    @CsvSource({
        "segment, snowflake",
        "segment, bigquery",
        "segment, duckdb",
        "rudderstack, redshift",
        "rudderstack, postgres",
        "rudderstack, databricks",
        "snowplow, snowflake",
        "snowplow, redshift",
        "snowplow, bigquery",
        "snowplow, postgres",
        "snowplow, duckdb",
        "snowplow, databricks",
        "amplitude, snowflake",
        "amplitude, bigquery",
        "amplitude, redshift",
        "amplitude, databricks"
    })
    void theIgluPackageIsValidForDbtCoreAndFusion(String sdk, String dialectName) throws Exception {
        ReflektProject project = ReflektProject.load(corpus);
        Dialect dialect = Dialect.of(dialectName).orElseThrow();
        BuildResult result = new DbtBuilder(project)
                .build(
                        sdk.equals("snowplow") ? project.schemaFiles() : oneVendorPerName(project.schemaFiles()),
                        new BuildTarget(dialect, dialectName, "raw", sdk.equals("snowplow") ? "atomic" : "iglu"),
                        sdk,
                        Optional.empty());
        // As dbt Core (PyYAML) and dbt 2 (a YAML 1.2 reader) read it: Iterable's webhook describes a property as
        // "2020-03-20 23:11:58 +00:00", which PyYAML types as a timestamp unless it is quoted.
        YamlReadBack.Result read = YamlReadBack.read(result.packageDir());
        read.assertValid(yaml, sdk + "/" + dialectName);
        assertThat(read.trees().keySet())
                .hasSizeGreaterThan(100)
                .containsAll(
                        result.files().stream().filter(f -> f.endsWith(".yml")).toList());

        // The envelope of sauna's Command is a $ref to an Iglu URL: never read, typed as JSON.
        JsonNode envelope = null;
        for (String file : result.files()) {
            if (!file.endsWith(".yml") || !file.contains("command")) {
                continue;
            }
            for (JsonNode model : new LocatedTreeReader()
                    .readYaml(result.packageDir().resolve(file))
                    .root()
                    .path("models")) {
                for (JsonNode column : model.path("columns")) {
                    if (column.path("name").asText().endsWith("envelope")) {
                        envelope = column;
                    }
                }
            }
        }
        assertThat(envelope).as("the envelope column of sauna.commands/Command").isNotNull();
        assertThat(envelope.path("data_type").asText()).isEqualTo(dialect.typeName(ColumnType.JSON));
        assertThat(Files.readString(result.packageDir().resolve("dbt_project.yml")))
                .contains("require-dbt-version: [\">=1.10.5\", \"<3.0.0\"]");
    }
}
