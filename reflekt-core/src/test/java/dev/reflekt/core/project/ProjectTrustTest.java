package dev.reflekt.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the project's own files and links can and cannot make Reflekt do. */
class ProjectTrustTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private static final String CART = "{\"cart_id\": {\"type\": \"string\", \"description\": \"The cart.\"}}";

    @Test
    void aMisspeltTopLevelKeyIsReportedWithWhatWasMeant() throws Exception {
        TestProject p = TestProject.create(dir);
        p.config(TestProject.defaultConfig("vendr: com.example\nfrobnicate: 1\n"));
        assertThat(p.load().warnings())
                .containsExactly(
                        "reflekt_project.yml:17:1: unknown key 'vendr' is ignored; did you mean 'vendor'?",
                        "reflekt_project.yml:18:1: unknown key 'frobnicate' is ignored; remove it.");
    }

    @Test
    void aNameThatWouldBeAPathIsAConfigError() {
        TestProject p = TestProject.create(dir);
        p.config(TestProject.defaultConfig("").replace("name: test_project", "name: ../../escape"));
        assertThatThrownBy(p::load)
                .isInstanceOf(ReflektException.class)
                .hasMessage("reflekt_project.yml:2:1: name '../../escape' cannot name the dbt package and its folder;"
                        + " start with a letter and use only letters, digits, spaces, '-' and '_'.");
    }

    @Test
    void aLinkedFolderInsideTheProjectIsFollowed() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "shared/shop/Cart_Viewed/1-0.json",
                TestProject.schemaJson("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-0", CART));
        Files.createSymbolicLink(dir.resolve("schemas/shop"), dir.resolve("shared/shop"));
        assertThat(p.load().schemaFiles()).extracting(SchemaFile::id).containsExactly("shop/Cart_Viewed/1-0.json");
    }

    @Test
    void aLinkToAFileOutsideTheProjectIsRefusedAndNotRead() throws Exception {
        TestProject p = TestProject.create(dir);
        Path secret = Files.writeString(elsewhere.resolve("id_rsa"), "root:secret");
        Files.createDirectories(dir.resolve("schemas/shop/X"));
        Files.createSymbolicLink(dir.resolve("schemas/shop/X/1-0.json"), secret);
        assertThatThrownBy(() -> p.load().schemaFiles())
                .isInstanceOf(ReflektException.class)
                .hasMessage("schemas/shop/X/1-0.json: a link to " + secret.toRealPath() + ", outside the project;"
                        + " Reflekt does not read it. Put the schema itself in the project.")
                .hasMessageNotContaining("root:secret");
    }

    @Test
    void aFolderLinkedOutOfTheProjectIsRefusedForEveryFileBelowIt() throws Exception {
        TestProject p = TestProject.create(dir);
        Path outside = Files.createDirectories(elsewhere.resolve("vendor/Cart_Viewed"));
        Files.writeString(
                outside.resolve("1-0.json"),
                TestProject.schemaJson("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-0", CART));
        Files.createDirectories(dir.resolve("schemas/shop"));
        Files.createSymbolicLink(dir.resolve("schemas/shop/linked"), elsewhere.resolve("vendor"));
        assertThatThrownBy(() -> p.load().schemaFiles())
                .isInstanceOf(ReflektException.class)
                .hasMessage("schemas/shop/linked/Cart_Viewed/1-0.json: a link to "
                        + outside.resolve("1-0.json").toRealPath() + ", outside the project; Reflekt does not read"
                        + " it. Put the schema itself in the project.");
    }

    @Test
    void aLinkBackToAFolderAboveIsAnErrorNotAnEndlessWalk() throws Exception {
        TestProject p = TestProject.create(dir);
        Files.createDirectories(dir.resolve("schemas/shop"));
        Files.createSymbolicLink(dir.resolve("schemas/shop/again"), dir.resolve("schemas"));
        assertThatThrownBy(() -> p.load().schemaFiles())
                .isInstanceOf(ReflektException.class)
                .hasMessage("Cannot list schemas: java.nio.file.FileSystemLoopException: "
                        + dir.resolve("schemas/shop/again") + "; a link in it leads back to a folder above it.");
    }

    @Test
    void aSchemasFolderLinkedInsideTheProjectIsFollowedAndChecked() throws Exception {
        TestProject p = TestProject.create(dir);
        Files.move(dir.resolve("schemas"), dir.resolve("src-schemas"));
        Files.createSymbolicLink(dir.resolve("schemas"), dir.resolve("src-schemas"));
        Path secret = Files.writeString(elsewhere.resolve("id_rsa"), "root:secret");
        Files.createDirectories(dir.resolve("src-schemas/shop/X"));
        Files.createSymbolicLink(dir.resolve("src-schemas/shop/X/1-0.json"), secret);
        assertThatThrownBy(() -> p.load().schemaFiles())
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("schemas/shop/X/1-0.json: a link to " + secret.toRealPath());
    }

    @Test
    void aSchemasFolderLinkedOutOfTheProjectIsRefused() throws Exception {
        TestProject p = TestProject.create(dir);
        Files.move(dir.resolve("schemas"), elsewhere.resolve("schemas"));
        Files.createSymbolicLink(dir.resolve("schemas"), elsewhere.resolve("schemas"));
        assertThatThrownBy(() -> p.load().schemaFiles())
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith(
                        "schemas/ is a link to " + elsewhere.resolve("schemas").toRealPath());
    }

    @Test
    void aCheckThatSelectsNothingFails() throws Exception {
        TestProject p = TestProject.create(dir);
        assertThatThrownBy(() -> p.load().selectSome(""))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("No event schemas in schemas/");
    }

    @Test
    void aSchemaOverTheDepthLimitSaysWhichLimit() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write("schemas/shop/Deep/1-0.json", "[".repeat(100) + "]".repeat(100));
        CheckResult r = p.lint();
        assertThat(r.findings()).extracting(Finding::format).anySatisfy(f -> assertThat(f)
                .contains("not read: nesting deeper than the limit of 64 levels")
                .contains("Reflekt reads schemas of up to 4 MiB and 64 levels of nesting")
                .doesNotContain("malformed"));
    }
}
