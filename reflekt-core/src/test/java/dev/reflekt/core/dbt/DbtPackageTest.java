package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.Golden;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.internal.json.SchemaViolation;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole package for the example project, per dialect, compared with golden files; dbt's own JSON
 * schemas accept every YAML file; builds are idempotent and atomic. To regenerate the golden files after
 * an intended change: {@code ./mvnw -pl reflekt-core test -Dtest=DbtPackageTest -Dreflekt.golden.update=true}
 * and review the diff of {@code src/test/resources/expected/dbt/}.
 */
class DbtPackageTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected/dbt");
    private static final Path DBT_JSONSCHEMA = dev.reflekt.core.Corpora.SHARED.resolve("dbt-jsonschema");

    @TempDir
    Path dir;

    private ReflektProject project;

    @BeforeEach
    void copyExample() throws Exception {
        Golden.copyTree(TestProject.EXAMPLE, dir);
        Golden.deleteTree(dir.resolve("target"));
        project = ReflektProject.load(dir);
    }

    private BuildResult build(String dialect) throws Exception {
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect).orElseThrow(), dialect, "raw", "jaffle_shop"),
                        "segment",
                        Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"snowflake", "redshift", "bigquery", "postgres", "duckdb", "databricks"})
    void packageMatchesTheGoldenFiles(String dialect) throws Exception {
        assertMatchesGolden(build(dialect), EXPECTED.resolve(dialect));
    }

    /**
     * The package of {@code result} is, file by file, the golden package {@code expected}; with
     * {@code -Dreflekt.golden.update=true}, it first becomes the golden package.
     */
    static void assertMatchesGolden(BuildResult result, Path expected) throws IOException {
        Golden.assertMatches(result.packageDir(), expected);
        assertThat(Golden.files(result.packageDir())).isEqualTo(result.files());
    }

    @Test
    void bigQueryGetsItsOwnLiteralsAndQuoting() throws Exception {
        String sql = Files.readString(
                build("bigquery").packageDir().resolve("models/jaffle_shop/stg_jaffle_shop__order_completed.sql"));
        assertThat(sql)
                .contains("cast('track' as string) as call_type", "parse_json(products) as products")
                .doesNotContain("::varchar");
        String redshift = Files.readString(
                build("redshift").packageDir().resolve("models/jaffle_shop/stg_jaffle_shop__order_completed.sql"));
        assertThat(redshift)
                .contains(
                        "cast(\"timestamp\" as timestamp) as tstamp",
                        "cast('track' as varchar(65535)) as call_type",
                        "json_parse(products) as products");
    }

    @Test
    void everyYamlFileIsValidForDbt() throws Exception {
        DbtYaml yaml = DbtYaml.load();
        for (Dialect dialect : Dialect.all()) {
            yaml.validate(build(dialect.name()), dialect.name(), 10);
        }
        // The validator does reject what dbt rejects.
        assertThat(yaml.propertyFiles()
                        .validate(new LocatedTreeReader()
                                .readYaml("version: 2\nmodels: [{description: no name}]\n")
                                .root()))
                .isNotEmpty();
    }

    /**
     * dbt's own JSON Schemas for its YAML files (../shared/dbt-jsonschema), for dbt Core and for dbt 2 (Fusion);
     * a test using them skips loudly without.
     */
    record DbtYaml(List<Reader> readers) {

        /** One engine's schemas for its three kinds of YAML file. */
        record Reader(
                String engine, SchemaValidator propertyFiles, SchemaValidator projectFile, SchemaValidator packages) {

            static Reader load(String engine, String suffix) throws Exception {
                return new Reader(
                        engine,
                        schema("dbt_yml_files-latest" + suffix + ".json"),
                        schema("dbt_project-latest" + suffix + ".json"),
                        schema("packages-latest" + suffix + ".json"));
            }

            private static SchemaValidator schema(String file) throws Exception {
                Path path = DBT_JSONSCHEMA.resolve(file);
                return SchemaValidator.compile(
                        path.toUri().toString(),
                        new LocatedTreeReader().readJson(path).root());
            }

            /** The violations of {@code yaml}, read from the package file {@code file}. */
            List<SchemaViolation> validate(String file, JsonNode yaml) {
                SchemaValidator schema = file.equals("dbt_project.yml")
                        ? projectFile
                        : file.equals("packages.yml") ? packages : propertyFiles;
                // dbt Core's column_properties says "uniqueItems": true on an object. Draft-07 applies it to arrays
                // only; networknt 2.0 applies it to the object's values, so a column named like its data_type
                // ("timestamp", "text") would fail. That is the validator's error, not the package's.
                return schema.validate(yaml).stream()
                        .filter(v -> !(v.keyword().equals("uniqueItems")
                                && yaml.at(v.pointer()).isObject()))
                        .toList();
            }
        }

        static DbtYaml load() throws Exception {
            dev.reflekt.core.Corpora.require(DBT_JSONSCHEMA);
            return new DbtYaml(List.of(Reader.load("dbt Core", ""), Reader.load("dbt Fusion", "-fusion")));
        }

        /** Only dbt Core's schemas: for the forms of dbt before 1.10.5, which Fusion rejects by design. */
        DbtYaml coreOnly() {
            return new DbtYaml(readers.subList(0, 1));
        }

        SchemaValidator propertyFiles() {
            return readers.get(0).propertyFiles();
        }

        /**
         * Every YAML file of the package is valid for every engine, as Jackson reads it and as dbt's own readers
         * read it; at least {@code atLeast} were checked.
         * The package's {@code require-dbt-version} admits dbt 2 exactly when Fusion is among the engines.
         */
        void validate(BuildResult result, String dialect, int atLeast) throws Exception {
            LocatedTreeReader reader = new LocatedTreeReader();
            int checked = 0;
            for (String file : result.files()) {
                if (!file.endsWith(".yml")) {
                    continue;
                }
                JsonNode yaml =
                        reader.readYaml(result.packageDir().resolve(file)).root();
                for (Reader r : readers) {
                    List<SchemaViolation> violations = r.validate(file, yaml);
                    assertThat(violations)
                            .as(() -> r.engine() + ": " + dialect + "/" + file + " at "
                                    + violations.stream()
                                            .map(v -> v.pointer() + " = " + yaml.at(v.pointer()))
                                            .toList())
                            .isEmpty();
                }
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(atLeast);
            // and as dbt itself reads them: PyYAML (dbt Core) and a YAML 1.2 reader (dbt 2) read every scalar alike
            YamlReadBack.read(result.packageDir()).assertValid(this, dialect);
            JsonNode project = reader.readYaml(result.packageDir().resolve("dbt_project.yml"))
                    .root();
            assertThat(project.path("require-dbt-version").toString())
                    .as("require-dbt-version of " + dialect)
                    .contains(readers.size() > 1 ? "<3.0.0" : "<2.0.0");
        }
    }

    @Test
    void secondBuildChangesNothing() throws Exception {
        BuildResult first = build("snowflake");
        assertThat(first.changed()).isTrue();
        List<String> before = contents(first.packageDir());
        BuildResult second = build("snowflake");
        assertThat(second.changed()).isFalse();
        assertThat(contents(second.packageDir())).isEqualTo(before);
    }

    @Test
    void filesReflektDidNotGenerateAndHandEditedSourcesAreKept() throws Exception {
        Path pkg = build("snowflake").packageDir();
        Files.writeString(pkg.resolve("models/jaffle_shop/my_mart.sql"), "select 1");
        Path sources = pkg.resolve("models/jaffle_shop/__src_jaffle_shop.yml");
        Files.writeString(
                sources,
                Files.readString(sources)
                        .replace(
                                "    tables:\n",
                                "    loaded_at_field: received_at\n    tables:\n      - name: legacy_table\n        description: Kept.\n"));
        build("snowflake");
        assertThat(pkg.resolve("models/jaffle_shop/my_mart.sql")).content().isEqualTo("select 1");
        String merged = Files.readString(sources);
        assertThat(merged).contains("loaded_at_field: received_at", "- name: legacy_table");
        assertThat(merged.split("- name: order_completed", -1)).hasSize(2); // no duplicate table (Reflekt bug #40)
    }

    @Test
    void aBuildThatFailsMidwayLeavesThePreviousPackage() throws Exception {
        Path pkg = build("snowflake").packageDir();
        List<String> before = contents(pkg);
        // Something in the way of a generated file makes writing fail halfway through the package.
        Path blocker = pkg.resolve("models/jaffle_shop/stg_jaffle_shop__tracks.sql");
        Files.delete(blocker);
        Files.createDirectories(blocker.resolve("in-the-way"));
        List<String> blocked = contents(pkg);
        assertThatThrownBy(() -> build("postgres")).isInstanceOf(IOException.class);
        assertThat(contents(pkg)).isEqualTo(blocked).isNotEqualTo(before);
        try (Stream<Path> siblings = Files.list(pkg.getParent())) {
            assertThat(siblings).containsExactly(pkg); // no scratch folder left behind
        }
    }

    @Test
    void unreadableSchemaStopsTheBuildBeforeAnythingIsWritten() throws Exception {
        Files.writeString(dir.resolve("schemas/jaffle_shop/Cart_Viewed/1-0.json"), "{ broken");
        assertThatThrownBy(() -> build("snowflake"))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("schemas/jaffle_shop/Cart_Viewed/1-0.json:1:");
        assertThat(dir.resolve("artifacts")).doesNotExist();
    }

    @Test
    void olderDbtGetsTestsInsteadOfDataTests() throws Exception {
        Path config = dir.resolve("reflekt_project.yml");
        Files.writeString(config, Files.readString(config).replace("  dbt:\n", "  dbt:\n    dbt_version: '1.7'\n"));
        project = ReflektProject.load(dir);
        Path pkg = build("snowflake").packageDir();
        // contracts (on by default) need dbt 1.5
        assertThat(pkg.resolve("dbt_project.yml")).content().contains("require-dbt-version: [\">=1.5.0\", \"<2.0.0\"]");
        assertThat(pkg.resolve("models/jaffle_shop/_stg_jaffle_shop__tracks.yml"))
                .content()
                .contains("        tests:\n          - unique")
                .doesNotContain("data_tests");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "'', 1.10.5, 3.0.0, '          - dbt_utils.accepted_range:\n              arguments:'",
        "'2.0', 1.10.5, 3.0.0, '          - dbt_utils.accepted_range:\n              arguments:'",
        "'1.11', 1.10.5, 3.0.0, '          - dbt_utils.accepted_range:\n              arguments:'",
        "'1.10.5', 1.10.5, 3.0.0, '          - dbt_utils.accepted_range:\n              arguments:'",
        "'1.10', 1.10.0, 2.0.0, '        config:\n          loaded_at_field: received_at'",
        "'1.9', 1.8.0, 2.0.0, '        data_tests:'",
        "'1.8', 1.8.0, 2.0.0, '        data_tests:'"
    })
    void requireDbtVersionIsTheRangeThatReadsTheSyntaxWritten(
            String version, String required, String below, String syntax) throws Exception {
        if (!version.isEmpty()) {
            setDbtVersion(version);
        }
        Path pkg = build("snowflake").packageDir();
        assertThat(pkg.resolve("dbt_project.yml"))
                .content()
                .contains("require-dbt-version: [\">=" + required + "\", \"<" + below + "\"]");
        String all = String.join("\n", contents(pkg));
        assertThat(all).contains(syntax.replace("\\n", "\n"));
    }

    /**
     * dbt 1.8 and 1.9 keep the forms they read, which dbt Core's schemas accept and Fusion's reject (so their
     * packages do not claim dbt 2); the same project at the default version is valid for both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.8", "1.9"})
    void olderFormsAreValidForDbtCoreOnly(String version) throws Exception {
        setDbtVersion(version);
        DbtYaml yaml = DbtYaml.load();
        BuildResult result = build("duckdb");
        yaml.coreOnly().validate(result, "duckdb " + version, 10);
        DbtYaml.Reader fusion = yaml.readers().get(1);
        JsonNode sources = new LocatedTreeReader()
                .readYaml(result.packageDir().resolve("models/jaffle_shop/__src_jaffle_shop.yml"))
                .root();
        assertThat(fusion.validate("__src_jaffle_shop.yml", sources))
                .as("Fusion wants loaded_at_field and freshness under config:")
                .isNotEmpty();
        JsonNode docs = new LocatedTreeReader()
                .readYaml(result.packageDir().resolve("models/jaffle_shop/_stg_jaffle_shop__order_completed.yml"))
                .root();
        assertThat(fusion.validate("_stg_jaffle_shop__order_completed.yml", docs))
                .as("Fusion wants test arguments under arguments:")
                .isNotEmpty();
    }

    private void setDbtVersion(String version) throws Exception {
        Path config = dir.resolve("reflekt_project.yml");
        Files.writeString(
                config, Files.readString(config).replace("  dbt:\n", "  dbt:\n    dbt_version: '" + version + "'\n"));
        project = ReflektProject.load(dir);
    }

    @Test
    void constraintTestsWarnByDefaultAndFailWhenConfigured() throws Exception {
        String tracks = "models/jaffle_shop/_stg_jaffle_shop__order_completed.yml";
        assertThat(build("snowflake").packageDir().resolve(tracks))
                .content()
                .contains("          - not_null:\n              config:\n                severity: warn")
                .doesNotContain("severity: error");
        Path config = dir.resolve("reflekt_project.yml");
        String original = Files.readString(config);
        Files.writeString(
                config, original.replace("    docs:\n", "    docs:\n      constraint_tests_severity: error\n"));
        project = ReflektProject.load(dir);
        assertThat(build("snowflake").packageDir().resolve(tracks))
                .content()
                .contains("severity: error")
                .doesNotContain("severity: warn");
        Files.writeString(
                config, original.replace("    docs:\n", "    docs:\n      constraint_tests_severity: loud\n"));
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .hasMessageContaining("artifacts.dbt.docs.constraint_tests_severity");
    }

    private static List<String> contents(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : Golden.files(root)) {
            out.add(f + "\n" + Files.readString(root.resolve(f)));
        }
        return out;
    }
}
