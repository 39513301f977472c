package dev.reflekt.core.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDefinitionsLintTest {

    @TempDir
    Path dir;

    private static List<String> lines(CheckResult r) {
        return r.findings().stream().map(Finding::format).toList();
    }

    @Test
    void theFixtureIsCleanAndItsDefinitionsAreLinted() throws Exception {
        CheckResult r = RefsFixture.create(dir).lint();
        assertThat(lines(r)).isEmpty();
        assertThat(r.files().stream().map(CheckResult.FileResult::file))
                .startsWith(
                        "schemas/.reflekt/definitions/money/1-0.json", "schemas/.reflekt/definitions/product/1-0.json")
                .hasSize(6);
    }

    @Test
    void aDefectInADefinitionIsReportedOnceAtTheDefinition() throws Exception {
        TestProject p = RefsFixture.create(dir);
        p.write("schemas/.reflekt/definitions/money/1-0.json", """
                {
                  "description": "An amount of money.",
                  "type": "object",
                  "properties": {
                    "amount": {"description": "The amount.", "type": "number"},
                    "currencyCode": {"type": "string"}
                  }
                }
                """);
        assertThat(lines(p.lint()))
                .containsExactly(
                        "schemas/.reflekt/definitions/money/1-0.json:6:5: error [property-casing] 'currencyCode' is not"
                                + " snake case; rename it to 'currency_code'",
                        "schemas/.reflekt/definitions/money/1-0.json:6:5: error [property-description] property"
                                + " 'currencyCode' has no description; add \"description\": \"<what it means>\"");
    }

    @Test
    void aCycleIsShown() throws Exception {
        TestProject p = RefsFixture.create(dir);
        p.write("schemas/.reflekt/definitions/money/1-0.json", """
                {
                  "description": "An amount of money.",
                  "type": "object",
                  "properties": {
                    "product": {"$ref": "../product/1-0.json"}
                  }
                }
                """);
        assertThat(lines(p.lint()))
                .containsExactly(
                        "schemas/.reflekt/definitions/money/1-0.json:5:17: error [schema-ref] $ref \"../product/1-0.json\""
                                + " makes a cycle: definitions/product/1-0 → definitions/money/1-0 →"
                                + " definitions/product/1-0; break the cycle; a definition cannot contain itself",
                        "schemas/.reflekt/definitions/product/1-0.json:9:15: error [schema-ref] $ref \"../money/1-0.json\""
                                + " makes a cycle: definitions/money/1-0 → definitions/product/1-0 →"
                                + " definitions/money/1-0; break the cycle; a definition cannot contain itself");
    }

    @Test
    void escapingRefsAreErrorsAndUrlRefsWarningsAtTheirLine() throws Exception {
        TestProject p = RefsFixture.create(dir);
        p.schema("shop/Page_Viewed/1-0.json", "Page Viewed", """
                {
                    "a": {"$ref": "https://example.com/schemas/a.json"},
                    "b": {"$ref": "file:///etc/passwd"},
                    "c": {"$ref": "../../../reflekt_project.yml"},
                    "d": {"$ref": "../Cart_Viewed/1-0.json"},
                    "e": {"$ref": "#/definitions/nothing"},
                    "f": {"$ref": "../../.reflekt/definitions/nothing/1-0.json"},
                    "g": {"$ref": "../../.reflekt/definitions/money/1-0.json", "type": "string"}
                  }""");
        assertThat(lines(p.lint()))
                .containsExactly(
                        "schemas/shop/Page_Viewed/1-0.json:14:11: warning [schema-ref-url] $ref"
                                + " \"https://example.com/schemas/a.json\" is a URL, Reflekt never reads it, so here it"
                                + " allows any JSON value (build: the warehouse's JSON type; generate: an untyped JSON"
                                + " value); to check and type it, copy the schema it names into"
                                + " schemas/.reflekt/definitions/<name>/1-0.json and refer to that",
                        "schemas/shop/Page_Viewed/1-0.json:15:11: warning [schema-ref-url] $ref \"file:///etc/passwd\""
                                + " is a URL, Reflekt never reads it, so here it allows any JSON value (build: the"
                                + " warehouse's JSON type; generate: an untyped JSON value); to check and type it, copy"
                                + " the schema it names into schemas/.reflekt/definitions/<name>/1-0.json and refer to"
                                + " that",
                        "schemas/shop/Page_Viewed/1-0.json:16:11: error [schema-ref] $ref"
                                + " \"../../../reflekt_project.yml\" leads outside schemas/, and Reflekt reads nothing"
                                + " outside it; point to a definition under schemas/.reflekt/definitions/",
                        "schemas/shop/Page_Viewed/1-0.json:17:11: error [schema-ref] $ref \"../Cart_Viewed/1-0.json\""
                                + " points to schemas/shop/Cart_Viewed/1-0.json, which is not a shared definition; move"
                                + " the shared part to schemas/.reflekt/definitions/<name>/1-0.json and refer to it",
                        "schemas/shop/Page_Viewed/1-0.json:18:11: error [schema-ref] $ref \"#/definitions/nothing\""
                                + " points to '#/definitions/nothing', which this file does not have; correct the"
                                + " pointer or add the definition",
                        "schemas/shop/Page_Viewed/1-0.json:19:11: error [schema-ref] $ref"
                                + " \"../../.reflekt/definitions/nothing/1-0.json\" points to"
                                + " schemas/.reflekt/definitions/nothing/1-0.json, which does not exist; create it, or"
                                + " correct the path (definitions are"
                                + " schemas/.reflekt/definitions/<name>/<MAJOR-MINOR>.json)",
                        "schemas/shop/Page_Viewed/1-0.json:20:11: error [schema-ref] 'type' \"string\" beside \"$ref\""
                                + " contradicts the type \"object\" of definitions/money/1-0, and draft-07 validators"
                                + " ignore it; remove 'type' here, or make it the definition's type");
    }

    @Test
    void anUnusedDefinitionIsAWarningOnlyWhenEveryEventIsLinted() throws Exception {
        TestProject p = RefsFixture.create(dir);
        p.write(
                "schemas/.reflekt/definitions/coupon/1-0.json",
                "{\"description\": \"A coupon.\", \"type\": \"string\"}");
        assertThat(lines(p.lint()))
                .containsExactly("schemas/.reflekt/definitions/coupon/1-0.json:1:1: warning [unused-definition]"
                        + " definition definitions/coupon/1-0 is used by no event schema; use it with {\"$ref\":"
                        + " \"/.reflekt/definitions/coupon/1-0.json\"} or delete it");
        ReflektProject project = p.load();
        // A caller that says the files are a selection gets no unused-definition warning.
        assertThat(new Linter(project, Severities.defaults())
                        .lint(project.schemaFiles(), false)
                        .findings())
                .isEmpty();
        CheckResult one = new Linter(project, Severities.defaults()).lint(project.select("shop/Checkout_Started"));
        assertThat(one.files().stream().map(CheckResult.FileResult::file))
                .containsExactly(
                        "schemas/.reflekt/definitions/money/1-0.json", "schemas/shop/Checkout_Started/1-0.json");
    }

    @Test
    void definitionsMustLookLikeDefinitions() throws Exception {
        TestProject p = RefsFixture.create(dir);
        p.write("schemas/.reflekt/definitions/money/latest.json", "{\"description\": \"x\", \"type\": \"string\"}");
        p.write(
                "schemas/.reflekt/definitions/money/1-1.json",
                "{\"$id\": \"money/1-1.json\", \"self\": {}, \"description\": \"x\", \"type\": \"strin\"}");
        p.write("schemas/.reflekt/definitions/money/1-2.json", "{\"description\": ");
        assertThat(lines(p.lint()))
                .containsExactly(
                        "schemas/.reflekt/definitions/money/1-1.json:1:1: warning [unused-definition] definition"
                                + " definitions/money/1-1 is used by no event schema; use it with {\"$ref\":"
                                + " \"/.reflekt/definitions/money/1-1.json\"} or delete it",
                        "schemas/.reflekt/definitions/money/1-1.json:1:2: error [id-matches-path] '$id' is"
                                + " \"money/1-1.json\" but the file is schemas/.reflekt/definitions/money/1-1.json; set"
                                + " '$id' to \".reflekt/definitions/money/1-1.json\" or remove it",
                        "schemas/.reflekt/definitions/money/1-1.json:1:27: error [schema-structure] a definition has no"
                                + " 'self' block: it is part of events, not an event; remove 'self', or move the file to"
                                + " schemas/<plan>/<Event_Name>/ if it is an event",
                        "schemas/.reflekt/definitions/money/1-1.json:1:59: error [data-type] property"
                                + " 'definitions/money/1-1' has type 'strin', which is not allowed; use one of [string,"
                                + " integer, number, boolean, object, array, null] (schemas.conventions.data_types in"
                                + " reflekt_project.yml)",
                        "schemas/.reflekt/definitions/money/1-2.json:1:17: error [json-syntax] malformed JSON at 1:17:"
                                + " Unexpected end-of-input within/between Object entries; fix the syntax; the other"
                                + " schemas were still linted",
                        "schemas/.reflekt/definitions/money/latest.json:1:1: warning [unused-definition] definition"
                                + " definitions/money/latest is used by no event schema; use it with {\"$ref\":"
                                + " \"/.reflekt/definitions/money/latest.json\"} or delete it",
                        "schemas/.reflekt/definitions/money/latest.json:1:1: error [version-format] file name"
                                + " 'latest.json' is not a MAJOR-MINOR version; rename it like 1-0.json or 2-1.json"
                                + " (MAJOR from 1, MINOR from 0)");
    }
}
