package dev.reflekt.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.naming.Casing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReflektProjectTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryKeyTheExampleProjectWrites() throws Exception {
        ProjectConfig c = ReflektProject.load(TestProject.EXAMPLE).config();
        assertThat(c.name()).isEqualTo("jaffle_shop");
        assertThat(c.version()).isEqualTo("1.0");
        assertThat(c.vendor()).isEqualTo("com.jaffleshop");
        assertThat(c.defaultProfile()).isEqualTo("dev");
        assertThat(c.conventions().event()).isEqualTo(new NamingConvention(Casing.TITLE, false, java.util.List.of()));
        assertThat(c.conventions().property().reserved()).containsExactly("event", "properties");
        assertThat(c.conventions().dataTypes()).contains("null", "array");
        assertThat(c.avoBranches()).containsEntry("main", "main");
        assertThat(c.dbt().modelsPrefix()).isEqualTo("stg_");
        assertThat(c.dbt().docsTests()).containsEntry("id", java.util.List.of("unique", "not_null"));
    }

    @Test
    void missingFileSaysWhereItLookedAndWhatToDo() {
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("No reflekt_project.yml in " + dir)
                .hasMessageContaining("-Dreflekt.projectDir");
    }

    @Test
    void badCasingNamesTheKeyAndLine() {
        TestProject.create(dir).config(TestProject.defaultConfig("").replace("casing: title", "casing: kebab"));
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("reflekt_project.yml:9:7: invalid value for 'schemas.conventions.event.casing'")
                .hasMessageContaining("snake");
    }

    @Test
    void missingKeyNamesTheKeyAndItsParentsLine() {
        TestProject.create(dir)
                .config(TestProject.defaultConfig("")
                        .replace("      numbers: false\n      reserved: [Reserved Event]\n", ""));
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .hasMessage("reflekt_project.yml:8:5: missing key 'schemas.conventions.event.numbers'; add it (see the"
                        + " Configuration section of the README for its meaning and values).");
    }

    @Test
    void misspeltKeyIsReportedNotIgnored() {
        TestProject.create(dir)
                .config(TestProject.defaultConfig("")
                        .replace(
                                "numbers: false\n      reserved: [forbidden]",
                                "number: false\n      numbers: false\n      reserved: [forbidden]"));
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .hasMessageContaining("reflekt_project.yml:14:")
                .hasMessageContaining("unknown key 'schemas.conventions.property.number'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        TestProject.create(dir).config("version: 1.0\nschemas:\n  conventions:\n    event: 5\n");
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .isInstanceOfSatisfying(ReflektException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("missing key 'name'"))
                        .anySatisfy(p -> assertThat(p).contains("'schemas.conventions.event'"))
                        .anySatisfy(p -> assertThat(p).contains("missing key 'schemas.conventions.property'")));
    }

    /** A tab is reported at its own line and column, not at the end of the line above. */
    @Test
    void aTabIsLocatedWhereItIs() {
        TestProject.create(dir).config("name: x\nschemas:\n  conventions:\n\tevent: {}\n");
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("reflekt_project.yml:4:1: ")
                .hasMessageContaining("TAB");
    }

    @Test
    void malformedYamlGivesLineAndNoStackTrace() {
        TestProject.create(dir).config("name: x\nschemas: [\n");
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith(
                        "reflekt_project.yml:2:11: while parsing a flow node: expected the node content")
                .hasMessageContaining("fix the YAML syntax");
    }

    @Test
    void duplicateYamlKeyIsAnError() {
        TestProject.create(dir).config(TestProject.defaultConfig("name: again\n"));
        assertThatThrownBy(() -> ReflektProject.load(dir))
                .hasMessageContaining("reflekt_project.yml:17:1: duplicate key 'name' (first at 2:1)");
    }

    @Test
    void profilesPathExpandsHomeAndResolvesRelativeToTheProject() throws Exception {
        TestProject p = TestProject.create(dir);
        assertThat(p.load().profilesFile()).isEqualTo(dir.resolve("reflekt_profiles.yml"));
        p.config(TestProject.defaultConfig("").replace("./reflekt_profiles.yml", "~/.reflekt/profiles.yml"));
        assertThat(p.load().profilesFile())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".reflekt/profiles.yml"));
        p.config(TestProject.defaultConfig("").replace("./reflekt_profiles.yml", "../shared/p.yml"));
        assertThat(p.load().profilesFile()).isEqualTo(dir.getParent().resolve("shared/p.yml"));
    }

    @Test
    void discoversSchemasSortedAndSkipsTheMetaFolderAndOtherFiles() throws Exception {
        TestProject p = TestProject.create(dir)
                .schema("b/Zed/1-0.json", "Zed", "{}")
                .schema("a/Alpha/1-0.json", "Alpha", "{}")
                .write("schemas/a/README.md", "not a schema");
        assertThat(p.load().schemaFiles())
                .extracting(SchemaFile::id)
                .containsExactly("a/Alpha/1-0.json", "b/Zed/1-0.json");
    }

    @Test
    void missingSchemasFolderSaysWhereSchemasGo() throws Exception {
        TestProject p = TestProject.create(dir);
        java.nio.file.Files.delete(dir.resolve(ReflektProject.META_SCHEMA));
        java.nio.file.Files.delete(dir.resolve("schemas/.reflekt/meta"));
        java.nio.file.Files.delete(dir.resolve("schemas/.reflekt"));
        java.nio.file.Files.delete(dir.resolve("schemas"));
        assertThatThrownBy(() -> p.load().schemaFiles())
                .hasMessage("No schemas/ folder in " + dir + "; create it and put your event schemas in it"
                        + " (schemas/<vendor-or-plan>/<Event_Name>/<MAJOR-MINOR>.json).");
    }
}
