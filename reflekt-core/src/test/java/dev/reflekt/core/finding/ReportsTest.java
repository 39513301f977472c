package dev.reflekt.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.lint.LintRule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {

    @TempDir
    Path dir;

    private CheckResult result() throws Exception {
        return TestProject.create(dir)
                .schema(
                        "shop/A_Event/1-0.json",
                        "A Event",
                        "{\"badName\": {\"type\": \"string\", \"description\": \"x\"}}")
                .schema("shop/B_Event/1-0.json", "B Event", "{\"ok\": {\"type\": \"string\", \"description\": \"x\"}}")
                .schema("shop/C_Event/1-0.json", "C Event", "{\"ok\": {\"type\": \"string\"}}")
                .lint(Severities.of(Map.of("property-description", "warning"), LintRule.all()));
    }

    @Test
    void pathsStartAtTheGitWorkTreeWhenTheProjectIsASubfolder(@TempDir Path repo) throws Exception {
        java.nio.file.Files.createDirectories(repo.resolve(".git"));
        Path project = java.nio.file.Files.createDirectories(repo.resolve("examples/shop"));
        SourceRoot root = SourceRoot.of(project);
        assertThat(root.prefix()).isEqualTo("examples/shop/");
        assertThat(SourceRoot.of(dir).prefix()).isEmpty(); // no git above a temp folder: the project itself

        CheckResult result = result();
        JsonNode run = new ObjectMapper()
                .readTree(SarifReport.render(result, LintRule.all(), "1.2.3", root))
                .path("runs")
                .get(0);
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("examples/shop/schemas/shop/A_Event/1-0.json");
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId")
                        .asText())
                .isEqualTo("SRCROOT");
        assertThat(run.at("/originalUriBaseIds/SRCROOT/uri").asText())
                .isEqualTo(repo.toUri().toString());
        assertThat(GithubAnnotations.render(result.findings(), root).get(0))
                .startsWith("::error file=examples/shop/schemas/shop/A_Event/1-0.json,line=13,");
        assertThat(JUnitReport.render(result, "lint", false, root))
                .contains(
                        "name=\"schemas/shop/A_Event/1-0.json\" file=\"examples/shop/schemas/shop/A_Event/1-0.json\"");
    }

    @Test
    void sarifHasRulesResultsAndRegions() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(SarifReport.render(result(), LintRule.all(), "1.2.3"));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("reflekt");
        assertThat(run.at("/tool/driver/rules")).hasSize(LintRule.values().length);
        JsonNode results = run.path("results");
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("property-casing");
        assertThat(run.at("/tool/driver/rules/" + first.path("ruleIndex").asInt() + "/id")
                        .asText())
                .isEqualTo("property-casing");
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("schemas/shop/A_Event/1-0.json");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(13);
        assertThat(first.at("/message/text").asText())
                .isEqualTo("'badName' is not snake case; rename it to 'bad_name'");
        assertThat(results.get(1).path("level").asText()).isEqualTo("warning");
    }

    @Test
    void junitHasOneTestCasePerSchemaAndFailsOnlyErrorsUnlessAsked() throws Exception {
        CheckResult r = result();
        Element suite = parse(JUnitReport.render(r, "lint", false)).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(suite.getAttribute("name")).isEqualTo("reflekt-lint");
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("schemas/shop/A_Event/1-0.json");
        assertThat(failure.getTextContent()).contains("[property-casing] 'badName' is not snake case");
        assertThat(suite.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("warning [property-description]");
        assertThat(parse(JUnitReport.render(r, "lint", true))
                        .getDocumentElement()
                        .getAttribute("failures"))
                .isEqualTo("2");
    }

    @Test
    void reportsAreDeterministic() throws Exception {
        CheckResult a = result();
        CheckResult b = new CheckResult(a.files(), a.elapsedMillis() + 1000);
        assertThat(SarifReport.render(a, LintRule.all(), "1"))
                .isEqualTo(SarifReport.render(b, LintRule.all(), "1"))
                .doesNotContain("\r");
        assertThat(JUnitReport.render(a, "lint", false)).isEqualTo(JUnitReport.render(b, "lint", false));
    }

    @Test
    void githubAnnotationsEscapeTheirSpecialCharacters() {
        Finding f = new Finding(
                LintRule.PROPERTY_CASING, Severity.WARNING, "schemas/a,b:c/1-0.json", 3, 7, "100% wrong\nreally", "");
        assertThat(GithubAnnotations.render(List.of(f)))
                .containsExactly(
                        "::warning file=schemas/a%2Cb%3Ac/1-0.json,line=3,col=7,title=reflekt property-casing::100%25 wrong%0Areally");
    }

    @Test
    void writesBothFilesIntoTheFolder() throws Exception {
        Path out = dir.resolve("target/reflekt");
        Reports.write(out, "lint", result(), LintRule.all(), false, "1");
        assertThat(out.resolve("lint.sarif")).exists();
        assertThat(out.resolve("TEST-reflekt-lint.xml")).exists();
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(2);
        }
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Info is a level of its own in every sink, spelled as each one spells it: SARIF's {@code note}, GitHub's
     * {@code ::notice} (SARIF has no {@code info} level, GitHub no {@code ::info} command); it never fails a build.
     */
    @Test
    void infoFindingsAreNotesInSarifAndNoticesOnGithubAndFailNothing() throws Exception {
        CheckResult result = TestProject.create(dir)
                .schema(
                        "shop/A_Event/1-0.json",
                        "A Event",
                        "{\"badName\": {\"type\": \"string\", \"description\": \"x\"}}")
                .lint(Severities.of(Map.of("property-casing", "info"), LintRule.all()));
        assertThat(result.findings()).extracting(Finding::severity).containsOnly(Severity.INFO);
        JsonNode sarif = new ObjectMapper().readTree(SarifReport.render(result, LintRule.all(), "1"));
        assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("note");
        assertThat(GithubAnnotations.render(result.findings(), SourceRoot.NONE))
                .singleElement()
                .asString()
                .startsWith("::notice ");
        assertThat(JUnitReport.render(result, "lint", true)).doesNotContain("<failure");
        assertThat(result.count(Severity.ERROR) + result.count(Severity.WARNING))
                .isZero();
    }
}
