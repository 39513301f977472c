package dev.reflekt.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reflekt.core.lint.LintRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The report writers produce the very bytes the first releases wrote with Jackson databind (SARIF: the same
 * tree, so databind writing it again must give the same text) and StAX ({@link ReferenceReports}), for names and
 * messages full of characters that need escaping; the JUnit XML parses whatever the text (characters XML 1.0
 * forbids are written as {@code \\u0001}-style text).
 */
class ReportTextTest {

    private static final String[] TEXT = {
        "a",
        "Order Completed",
        "&",
        "<tag>",
        "\"quoted\"",
        "'single'",
        "a > b",
        "tab\there",
        "cr\rlf\n",
        "caf\u00e9",
        "\ud83d\ude00",
        "\u0001",
        "\\back\\slash",
        "]]>",
        "&amp;",
        "/",
        "\u2028"
    };

    /** How the first releases wrote SARIF: the same tree, written by databind. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void sarifAndJunitAreByteIdenticalToTheReferenceWriters() throws Exception {
        Random random = new Random(42);
        List<Rule> rules = List.copyOf(LintRule.all());
        for (int round = 0; round < 300; round++) {
            List<CheckResult.FileResult> files = new ArrayList<>();
            for (int f = random.nextInt(5); f >= 0; f--) {
                String file = "schemas/" + text(random) + "/" + f + ".json";
                List<Finding> findings = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    Severity severity = random.nextBoolean() ? Severity.ERROR : Severity.WARNING;
                    findings.add(new Finding(
                            rules.get(random.nextInt(rules.size())),
                            severity,
                            file,
                            1 + random.nextInt(90),
                            1 + random.nextInt(90),
                            text(random) + " " + text(random),
                            random.nextBoolean() ? "" : text(random)));
                }
                findings.sort(Finding.ORDER);
                files.add(new CheckResult.FileResult(file, findings));
            }
            CheckResult result = new CheckResult(files, random.nextInt(1000));
            SourceRoot root = random.nextBoolean()
                    ? SourceRoot.NONE
                    : new SourceRoot(Path.of("/work/" + text(random).replace('\u0001', 'x')), "sub/");
            String version = random.nextBoolean() ? "1.2.3" : text(random);
            String sarif = SarifReport.render(result, rules, version, root);
            assertThat(sarif)
                    .isEqualTo(JSON.writeValueAsString(JSON.readTree(sarif)).replace("\r\n", "\n") + "\n");
            boolean failOnWarning = random.nextBoolean();
            String name = random.nextBoolean() ? "lint" : text(random);
            String junit = JUnitReport.render(result, name, failOnWarning, root);
            // StAX writes U+0001 as it is, which no XML parser accepts; ours writes it as visible text
            assertThat(junit)
                    .isEqualTo(ReferenceReports.junit(result, name, failOnWarning, root)
                            .replace("\u0001", "\\u0001"));
            javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(junit)));
        }
    }

    private static String text(Random random) {
        return TEXT[random.nextInt(TEXT.length)] + TEXT[random.nextInt(TEXT.length)];
    }
}
