package dev.reflekt.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.Corpora;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.project.ReflektProject;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The 660 Iglu Central schemas (../shared/corpora/iglu-central), which the Python CLI lints clean, lint clean
 * here: a {@code type} beside a local {@code $ref} that agrees with the target passes, and the three
 * {@code $ref}s to URLs are warnings, never read.
 */
class IgluCorpusLintTest {

    @Test
    void theIgluCorpusLintsWithoutErrorsAndWarnsOnlyOfItsThreeUrlRefs() throws Exception {
        ReflektProject project = ReflektProject.load(Corpora.require(Corpora.IGLU_CENTRAL));
        CheckResult result = new Linter(project, Severities.defaults()).lint(project.schemaFiles());
        assertThat(result.files()).hasSizeGreaterThanOrEqualTo(658);
        assertThat(result.findings())
                .as("errors on the Iglu corpus")
                .filteredOn(f -> f.severity() == Severity.ERROR)
                .isEmpty();
        Map<String, Long> warnings = new TreeMap<>();
        for (Finding f : result.findings()) {
            warnings.merge(f.rule().id() + " " + f.file() + ":" + f.line(), 1L, Long::sum);
        }
        assertThat(warnings)
                .containsOnlyKeys(
                        "schema-ref-url schemas/iglu/com.snowplowanalytics.sauna.commands/Command/1-0.json:14",
                        "schema-ref-url schemas/iglu/com.snowplowanalytics.sauna.commands/Command/1-0.json:19",
                        "schema-ref-url schemas/iglu/com.snowplowanalytics.self-desc/Schema/1-0.json:53");
        assertThat(result.findings().get(2).text()).contains("draft-04", "meta-schema");
    }
}
