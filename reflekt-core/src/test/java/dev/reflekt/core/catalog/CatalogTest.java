package dev.reflekt.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.Golden;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of the Markdown catalog of the example project. To regenerate the expected files after
 * an intended change: {@code ./mvnw -pl reflekt-core test -Dtest=CatalogTest -Dreflekt.golden.update=true},
 * then review the diff of {@code src/test/resources/expected/catalog/}.
 */
class CatalogTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected/catalog");

    @TempDir
    Path out;

    @Test
    void theReportFolderFollowsTheUmaskAndAKilledRunsScratchIsRemoved() throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        Path stale = Files.createDirectories(out.resolve(".report-build-2147483646-x"));
        Path plain = Files.createDirectories(out.resolve("plain"));
        Catalog.of(project, project.schemaFiles()).write(out.resolve("report"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("report"))))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
        assertThat(stale).doesNotExist();
    }

    @Test
    void exampleProjectMatchesTheGoldenFiles() throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        Catalog catalog = Catalog.of(project, project.schemaFiles());
        catalog.write(out.resolve("report"));
        Golden.assertMatches(out.resolve("report"), EXPECTED);
    }

    @Test
    void requiredIsMarkedOnlyWhereTheOwningObjectRequiresIt() throws Exception {
        String md = SchemaPage.render("a/B/1-0.json", new ObjectMapper().readTree("""
                {"self": {"name": "B", "version": "1-0"}, "required": ["top"],
                 "properties": {
                   "top": {"type": "string", "description": "has | pipe\\nand newline"},
                   "opt": {"type": "object", "description": "o", "required": ["inner"],
                           "properties": {"inner": {"type": "integer", "minimum": 1}, "loose": {}}}}}
                """));
        assertThat(md)
                .contains(
                        "| `top` | string | yes | has \\| pipe and newline |  |",
                        "| `opt` | object | no | o |  |",
                        "| `opt.inner` | integer | yes |  | minimum: 1 |",
                        "| `opt.loose` | any | no |  |  |");
    }

    @Test
    void rewritingReplacesTheOldCatalogAndPagesCanGoBesideSchemas(@TempDir Path dir) throws Exception {
        TestProject p = TestProject.create(dir).schema("a/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        Path folder = out.resolve("report");
        TestProject old = TestProject.create(dir.resolve("old")).schema("a/Gone/1-0.json", "Gone", "{}");
        Catalog.of(old.load(), old.load().schemaFiles()).write(folder);
        assertThat(folder.resolve("a/Gone/1-0.md")).exists();
        Catalog catalog = Catalog.of(p.load(), p.load().schemaFiles());
        catalog.write(folder);
        assertThat(folder.resolve("a/Gone")).doesNotExist();
        assertThat(folder.resolve("a/Cart_Viewed/1-0.md")).exists();
        catalog.writeBesideSchemas();
        assertThat(dir.resolve("schemas/a/Cart_Viewed/1-0.md")).content().startsWith("# Cart Viewed");
        try (var siblings = Files.list(out)) {
            assertThat(siblings).containsExactly(folder);
        }
    }

    /** -Dreflekt.report.outputDir=docs must never empty a folder of the user's: it is refused, nothing touched. */
    @Test
    void aFolderOfTheUsersIsRefusedNotEmptied(@TempDir Path dir) throws Exception {
        TestProject p = TestProject.create(dir).schema("a/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        Path docs = Files.createDirectories(out.resolve("docs"));
        Files.writeString(docs.resolve("handbook.md"), "the team's own page");
        Catalog catalog = Catalog.of(p.load(), p.load().schemaFiles());
        assertThatThrownBy(() -> catalog.write(docs))
                .isInstanceOf(dev.reflekt.core.ReflektException.class)
                .hasMessageContaining("holds files Reflekt did not generate");
        assertThat(docs.resolve("handbook.md")).hasContent("the team's own page");
        try (var files = Files.list(docs)) {
            assertThat(files).containsExactly(docs.resolve("handbook.md"));
        }
    }

    @Test
    void unreadableSchemaIsAClearError(@TempDir Path dir) {
        TestProject p = TestProject.create(dir).write("schemas/a/B/1-0.json", "{\"x\": ");
        assertThatThrownBy(() -> Catalog.of(p.load(), p.load().schemaFiles()))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("schemas/a/B/1-0.json:1:");
    }
}
