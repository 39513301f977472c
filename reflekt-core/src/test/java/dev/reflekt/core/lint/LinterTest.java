package dev.reflekt.core.lint;

import static dev.reflekt.core.lint.LintAssertions.lines;
import static dev.reflekt.core.lint.LintAssertions.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {

    @TempDir
    Path dir;

    @Test
    void malformedFileIsAFindingAndTheOthersAreStillLinted() throws Exception {
        TestProject p = TestProject.create(dir)
                .schema(
                        "shop/A_Event/1-0.json",
                        "A Event",
                        "{\"badName\": {\"type\": \"string\", \"description\": \"x\"}}")
                .write("schemas/shop/B_Event/1-0.json", "{\n  \"$id\": \"shop/B_Event/1-0.json\"\n  \"self\": {}\n}")
                .schema(
                        "shop/C_Event/1-0.json",
                        "C Event",
                        "{\"alsoBad\": {\"type\": \"string\", \"description\": \"x\"}}");
        CheckResult r = p.lint();
        assertThat(r.files()).hasSize(3);
        assertThat(lines(r)).hasSize(3);
        assertThat(lines(r).get(1))
                .startsWith("schemas/shop/B_Event/1-0.json:3:3: error [json-syntax] malformed JSON"
                        + " at 3:3: Unexpected character");
        assertThat(rules(r)).containsExactly("property-casing", "json-syntax", "property-casing");
    }

    /** Numbers and characters any JSON parser accepts never stop the goal: a located finding, the rest linted. */
    @Test
    void aHugeExponentOrALoneSurrogateIsAFindingForItsFileOnly() throws Exception {
        TestProject p = TestProject.create(dir)
                .schema(
                        "shop/A_Event/1-0.json",
                        "A Event",
                        "{\"a\": {\"type\": \"string\", \"description\": \"x\", \"maxLength\": 1e99999999999}}")
                .schema(
                        "shop/B_Event/1-0.json",
                        "B Event",
                        "{\"badName\": {\"type\": \"string\", \"description\": \"\\ud800 lone\"}}")
                .schema("shop/C_Event/1-0.json", "C Event", "{\"c\": {\"type\": \"string\", \"description\": \"x\"}}");
        CheckResult r = p.lint();
        assertThat(r.files()).hasSize(3);
        assertThat(lines(r).get(0)).startsWith("schemas/shop/A_Event/1-0.json:").contains("1e99999999999");
        assertThat(rules(r)).containsExactly("json-syntax", "property-casing");
        java.nio.file.Path reports = dir.resolve("target/reflekt");
        dev.reflekt.core.finding.Reports.write(
                reports, "lint", r, LintRule.all(), false, "T", dev.reflekt.core.finding.SourceRoot.NONE);
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(reports.resolve("TEST-reflekt-lint.xml").toFile());
    }

    @Test
    void wrongTypesWhereObjectsAreExpectedAreFindings() throws Exception {
        TestProject p = TestProject.create(dir)
                .write("schemas/shop/A/1-0.json", "[1, 2]")
                .write("schemas/shop/B/1-0.json", "{\"self\": \"x\", \"properties\": []}")
                .write("schemas/shop/C/1-0.json", "{\"$id\": \"shop/C/1-0.json\", \"self\": {}}");
        assertThat(p.lint().findings())
                .extracting(Finding::message)
                .containsExactly(
                        "the schema must be a JSON object, not an array",
                        "'self' must be an object, not a string",
                        "'properties' must be an object, not an array",
                        "the schema has no 'properties'");
    }

    @Test
    void severitiesAreConfigurableAndOffRemovesFindings() throws Exception {
        TestProject p = TestProject.create(dir)
                .schema("shop/A_Event/1-0.json", "A Event", "{\"badName\": {\"type\": \"string\"}}");
        CheckResult r = p.lint(
                Severities.of(Map.of("property-casing", "warning", "property-description", "off"), LintRule.all()));
        assertThat(r.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(r.count(Severity.ERROR)).isZero();
        assertThat(r.summary()).matches("1 schema, 0 errors, 1 warning in \\d+ ms");
    }

    @Test
    void unknownRuleOrSeverityIsAClearError() {
        assertThatThrownBy(() ->
                        Severities.of(Map.of("property-casinng", "warning", "event-casing", "loud"), LintRule.all()))
                .isInstanceOfSatisfying(
                        ReflektException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Rule 'event-casing' has severity 'loud'; use error, warning, info or off.",
                                        "Unknown rule 'property-casinng'; known rules: json-syntax, schema-structure,"
                                                + " meta-schema, id-matches-path, id-no-spaces, name-matches-folder,"
                                                + " version-matches-file, version-format, event-casing, event-numbers,"
                                                + " event-reserved, property-casing, property-numbers, property-reserved,"
                                                + " property-description, inferred-description, property-type, data-type,"
                                                + " nested-properties,"
                                                + " warehouse-varchar-length, warehouse-column-name, warehouse-name-length,"
                                                + " schema-ref, schema-ref-url, unused-definition, collector-load, cdp-rename."));
    }

    @Test
    void parsesRulePairsFromTheCommandLine() throws Exception {
        assertThat(Severities.parsePairs("property-casing=warning, nested-properties:off"))
                .containsExactly(Map.entry("property-casing", "warning"), Map.entry("nested-properties", "off"));
        assertThatThrownBy(() -> Severities.parsePairs("property-casing"))
                .hasMessageContaining("is not of the form rule-id=severity");
    }

    @Test
    void manyFilesInParallelGiveTheSameOrderedResultAsOneByOne() throws Exception {
        TestProject p = TestProject.create(dir);
        for (int i = 0; i < 150; i++) {
            String name = "Event " + (char) ('A' + i % 26) + (char) ('a' + i / 26);
            String folder = name.replace(' ', '_');
            p.schema("shop/" + folder + "/1-0.json", name, "{\"Bad" + i % 3 + "\": {\"type\": \"string\"}}");
        }
        CheckResult parallel = p.lint();
        Linter linter = new Linter(p.load(), Severities.defaults());
        var sequential = p.load().schemaFiles().stream()
                .map(linter::lintOne)
                .flatMap(f -> f.findings().stream())
                .toList();
        assertThat(parallel.findings()).isEqualTo(sequential).hasSize(150 * 3);
        assertThat(parallel.findings()).isSortedAccordingTo(Finding.ORDER);
    }
}
