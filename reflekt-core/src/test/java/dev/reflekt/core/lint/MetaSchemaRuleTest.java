package dev.reflekt.core.lint;

import static dev.reflekt.core.lint.LintAssertions.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaSchemaRuleTest {

    @TempDir
    Path dir;

    private static String withoutMetadata(String id, String name) {
        return TestProject.schemaJson(id, name, "1-0", "{}")
                .replace("\"metadata\": {\"code_owner\": \"a\", \"product_owner\": \"b\"}", "\"format2\": 1");
    }

    @Test
    void missingMetadataAndUnknownSelfKey() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write("schemas/shop/Cart_Viewed/1-0.json", withoutMetadata("shop/Cart_Viewed/1-0.json", "Cart Viewed"));
        assertThat(lines(p.lint()))
                .containsExactly(
                        "schemas/shop/Cart_Viewed/1-0.json:5:3: error [meta-schema] 'self': property 'format2' is not"
                                + " defined in the schema and the schema does not allow additional properties; make the"
                                + " schema satisfy schemas/.reflekt/meta/1-0.json",
                        "schemas/shop/Cart_Viewed/1-0.json:5:3: error [meta-schema] 'self': required property 'metadata'"
                                + " not found; make the schema satisfy schemas/.reflekt/meta/1-0.json");
    }

    @Test
    void segmentIdentifyAndGroupNeedNoMetadata() throws Exception {
        TestProject p = TestProject.create(dir);
        for (String event : new String[] {"Identify", "Group"}) {
            String id = "segment/" + event + "/1-0.json";
            p.write(
                    "schemas/" + id,
                    TestProject.schemaJson(id, event, "1-0", "{}")
                            .replace(",\n    \"metadata\": {\"code_owner\": \"a\", \"product_owner\": \"b\"}", ""));
        }
        String tracked = "shop/Identify/1-0.json";
        p.write(
                "schemas/" + tracked,
                TestProject.schemaJson(tracked, "Identify", "1-0", "{}")
                        .replace(",\n    \"metadata\": {\"code_owner\": \"a\", \"product_owner\": \"b\"}", ""));
        assertThat(p.lint().findings()).extracting(Finding::file).containsExactly("schemas/shop/Identify/1-0.json");
    }

    @Test
    void metadataRequiredByTheProjectMetaSchema() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "schemas/shop/Cart_Viewed/1-0.json",
                TestProject.schemaJson("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-0", "{}")
                        .replace("\"product_owner\": \"b\"", "\"owner\": \"b\""));
        assertThat(p.lint().findings())
                .extracting(Finding::text)
                .containsExactly(
                        "'self.metadata': required"
                                + " property 'product_owner' not found; make the schema satisfy schemas/.reflekt/meta/1-0.json");
    }

    @Test
    void eventSchemasAreCheckedAgainstDraft07Offline() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "schemas/shop/Cart_Viewed/1-0.json",
                TestProject.schemaJson("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-0", "{}")
                        .replace("\"type\": \"object\"", "\"type\": \"objekt\""));
        assertThat(p.lint().findings()).extracting(f -> f.rule().id()).contains("meta-schema");
    }

    @Test
    void missingMetaSchemaIsAConfigErrorThatSaysWhatToDo() throws Exception {
        TestProject p = TestProject.create(dir);
        java.nio.file.Files.delete(dir.resolve(ReflektProject.META_SCHEMA));
        assertThatThrownBy(p::lint)
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("schemas/.reflekt/meta/1-0.json not found.");
    }

    @Test
    void malformedMetaSchemaGivesLineAndColumn() {
        TestProject p =
                TestProject.create(dir).write(ReflektProject.META_SCHEMA, "{\n  \"type\": \"object\"\n  \"x\": 1}");
        assertThatThrownBy(p::lint)
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("schemas/.reflekt/meta/1-0.json:3:3:");
    }

    @Test
    void remoteReferencesAreNeverFetched() throws Exception {
        TestProject p = TestProject.create(dir)
                .write(
                        ReflektProject.META_SCHEMA,
                        "{\"$schema\": \"http://json-schema.org/draft-07/schema#\","
                                + " \"allOf\": [{\"$ref\": \"http://127.0.0.1:9/never.json\"}]}");
        p.schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        long start = System.nanoTime();
        try {
            CheckResult r = p.lint();
            assertThat(r.findings())
                    .extracting(Finding::text)
                    .singleElement()
                    .asString()
                    .contains("never.json");
        } catch (ReflektException e) {
            assertThat(e.getMessage()).contains("nothing is fetched from the network");
        }
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    /**
     * A meta-schema pattern that backtracks without end ({@code ^(a+)+\\1$}: ~6.5 s a file at 27 characters, doubling
     * with each one more) is stopped after its budget: the file gets a finding naming the pattern, the others are
     * still linted, and the run ends. The timeout only guards against the hang this test exists to catch.
     */
    @Test
    void aMetaSchemaPatternThatBacktracksWithoutEndIsStoppedWithAFinding() throws Exception {
        String meta = java.nio.file.Files.readString(TestProject.EXAMPLE.resolve(ReflektProject.META_SCHEMA));
        TestProject p = TestProject.create(dir)
                .write(
                        ReflektProject.META_SCHEMA,
                        meta.replace(
                                "\"code_owner\": {\"type\": \"string\",",
                                "\"code_owner\": {\"type\": \"string\", \"pattern\": \"^(a+)+\\\\1$\","));
        for (String owner : List.of("a".repeat(40) + "b", "aa", "b")) {
            String name = "Owned" + "X".repeat(owner.length());
            String id = "shop/" + name + "/1-0.json";
            p.write(
                    "schemas/" + id,
                    TestProject.schemaJson(id, name, "1-0", "{}")
                            .replace("\"code_owner\": \"a\"", "\"code_owner\": \"" + owner + "\""));
        }
        CheckResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> p.lint());
        assertThat(r.findings())
                .filteredOn(f -> f.rule() == LintRule.META_SCHEMA)
                .extracting(f -> f.file() + " " + f.text())
                .containsExactlyInAnyOrder(
                        "schemas/shop/Owned" + "X".repeat(41)
                                + "/1-0.json 'self.metadata.code_owner': pattern '^(a+)+\\1$' did not finish within 1000000 steps (it"
                                + " backtracks without end, e.g. a nested quantifier or a back-reference); simplify the"
                                + " pattern; make the schema satisfy schemas/.reflekt/meta/1-0.json",
                        "schemas/shop/OwnedX/1-0.json 'self.metadata.code_owner': does not match the regex pattern"
                                + " ^(a+)+\\1$; make the schema satisfy schemas/.reflekt/meta/1-0.json");
    }

    /** A meta-schema that applies itself to the same value forever is a clear error, not a stack overflow. */
    @Test
    void aMetaSchemaThatNeverEndsIsRefusedBeforeAnyFileIsChecked() {
        TestProject p = TestProject.create(dir)
                .write(
                        ReflektProject.META_SCHEMA,
                        "{\"allOf\": [{\"$ref\": \"http://json-schema.org/draft-07/schema#\"}, {\"$ref\": \"#\"}]}")
                .schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        assertThatThrownBy(p::lint)
                .isInstanceOf(dev.reflekt.core.ReflektException.class)
                .hasMessageStartingWith("schemas/.reflekt/meta/1-0.json: not a usable JSON Schema: '#/allOf/1' leads"
                        + " back to '#' without descending into the instance");
        TestProject q = TestProject.create(dir.resolve("q"))
                .write(
                        ReflektProject.META_SCHEMA,
                        "{\"definitions\": {\"a\": {\"not\": {\"$ref\": \"#/definitions/b\"}},"
                                + " \"b\": {\"anyOf\": [{\"$ref\": \"#/definitions/a\"}]}},"
                                + " \"properties\": {\"self\": {\"$ref\": \"#/definitions/a\"}}}")
                .schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        assertThatThrownBy(q::lint).hasMessageContaining("without descending into the instance");
    }
}
