package dev.reflekt.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.lint.Finding;
import dev.reflekt.core.lint.LintOptions;
import dev.reflekt.core.lint.LintResult;
import dev.reflekt.core.lint.Rule;
import dev.reflekt.core.lint.Severity;
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

    private LintResult result() throws Exception {
        return TestProject.create(dir)
                .schema(
                        "shop/A_Event/1-0.json",
                        "A Event",
                        "{\"badName\": {\"type\": \"string\", \"description\": \"x\"}}")
                .schema("shop/B_Event/1-0.json", "B Event", "{\"ok\": {\"type\": \"string\", \"description\": \"x\"}}")
                .schema("shop/C_Event/1-0.json", "C Event", "{\"ok\": {\"type\": \"string\"}}")
                .lint(LintOptions.of(Map.of("property-description", "warning")));
    }

    @Test
    void sarifHasRulesResultsAndRegions() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(SarifReport.render(result(), "1.2.3"));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("reflekt");
        assertThat(run.at("/tool/driver/rules")).hasSize(Rule.values().length);
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
        LintResult r = result();
        Element suite = parse(JUnitReport.render(r, false)).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("schemas/shop/A_Event/1-0.json");
        assertThat(failure.getTextContent()).contains("[property-casing] 'badName' is not snake case");
        assertThat(suite.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("warning [property-description]");
        assertThat(parse(JUnitReport.render(r, true)).getDocumentElement().getAttribute("failures"))
                .isEqualTo("2");
    }

    @Test
    void reportsAreDeterministic() throws Exception {
        LintResult a = result();
        LintResult b = new LintResult(a.files(), a.elapsedMillis() + 1000);
        assertThat(SarifReport.render(a, "1"))
                .isEqualTo(SarifReport.render(b, "1"))
                .doesNotContain("\r");
        assertThat(JUnitReport.render(a, false)).isEqualTo(JUnitReport.render(b, false));
    }

    @Test
    void githubAnnotationsEscapeTheirSpecialCharacters() {
        Finding f = new Finding(
                Rule.PROPERTY_CASING, Severity.WARNING, "schemas/a,b:c/1-0.json", 3, 7, "100% wrong\nreally", "");
        assertThat(GithubAnnotations.render(List.of(f)))
                .containsExactly(
                        "::warning file=schemas/a%2Cb%3Ac/1-0.json,line=3,col=7,title=reflekt property-casing::100%25 wrong%0Areally");
    }

    @Test
    void writesBothFilesIntoTheFolder() throws Exception {
        Path out = dir.resolve("target/reflekt");
        LintReports.write(out, result(), false, "1");
        assertThat(out.resolve(LintReports.SARIF)).exists();
        assertThat(out.resolve(LintReports.JUNIT)).exists();
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(2);
        }
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
