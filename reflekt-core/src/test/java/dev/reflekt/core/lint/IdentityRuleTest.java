package dev.reflekt.core.lint;

import static dev.reflekt.core.lint.LintAssertions.lines;
import static dev.reflekt.core.lint.LintAssertions.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityRuleTest {

    @TempDir
    Path dir;

    @Test
    void idMustEqualThePath() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "schemas/shop/Cart_Viewed/1-0.json",
                TestProject.schemaJson("shop/Cart_Viewed/1-0", "Cart Viewed", "1-0", "{}"));
        assertThat(lines(p.lint()))
                .containsExactly("schemas/shop/Cart_Viewed/1-0.json:3:3: error [id-matches-path]"
                        + " '$id' is \"shop/Cart_Viewed/1-0\" but the file is schemas/shop/Cart_Viewed/1-0.json; set '$id'"
                        + " to \"shop/Cart_Viewed/1-0.json\"");
    }

    @Test
    void missingId() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "schemas/shop/Cart_Viewed/1-0.json",
                TestProject.schemaJson("x", "Cart Viewed", "1-0", "{}").replace("\"$id\": \"x\",", ""));
        assertThat(p.lint().findings())
                .extracting(Finding::text)
                .containsExactly("the schema has no string '$id'; add \"$id\": \"shop/Cart_Viewed/1-0.json\"");
    }

    @Test
    void spacesInTheId() throws Exception {
        TestProject p = TestProject.create(dir).schema("shop/Cart Viewed/1-0.json", "Cart Viewed", "{}");
        assertThat(rules(p.lint())).containsExactly("id-no-spaces", "name-matches-folder");
    }

    @Test
    void nameMustMatchTheFolder() throws Exception {
        TestProject p = TestProject.create(dir).schema("shop/Cart_Viewed/1-0.json", "Cart Opened", "{}");
        assertThat(p.lint().findings())
                .extracting(Finding::text)
                .containsExactly(
                        "event name 'Cart Opened' does"
                                + " not match its folder 'Cart_Viewed'; rename the folder to 'Cart_Opened' or the event to 'Cart Viewed'");
    }

    @Test
    void versionMustMatchTheFileAndBeMajorMinor() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "schemas/shop/Cart_Viewed/1-0.json",
                TestProject.schemaJson("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-1", "{}"));
        p.write(
                "schemas/shop/Cart_Viewed/1.0.json",
                TestProject.schemaJson("shop/Cart_Viewed/1.0.json", "Cart Viewed", "1.0", "{}"));
        assertThat(lines(p.lint()))
                .containsExactly(
                        "schemas/shop/Cart_Viewed/1-0.json:9:5: error [version-matches-file] version '1-1' does not match"
                                + " the file name '1-0.json'; set self.version to '1-0' or rename the file to '1-1.json'",
                        "schemas/shop/Cart_Viewed/1.0.json:1:1: error [version-format] file name '1.0.json' is not a"
                                + " MAJOR-MINOR version; rename it like 1-0.json or 2-1.json (MAJOR from 1, MINOR from 0)",
                        "schemas/shop/Cart_Viewed/1.0.json:9:5: error [meta-schema] 'self.version': does not match the"
                                + " regex pattern ^[1-9][0-9]*-(0|[1-9][0-9]*)$; make the schema satisfy"
                                + " schemas/.reflekt/meta/1-0.json");
    }

    @Test
    void aSchemaOutsideAnEventFolder() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write("schemas/1-0.json", TestProject.schemaJson("1-0.json", "Cart Viewed", "1-0", "{}"));
        assertThat(p.lint().findings())
                .extracting(Finding::text)
                .containsExactly(
                        "the schema is not in an event folder; move it to schemas/<plan>/Cart_Viewed/1-0.json");
    }
}
