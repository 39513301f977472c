package dev.reflekt.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real projects lint clean: our example, and the Python Reflekt CLI's own example project. */
class CompatibilityTest {

    @Test
    void exampleProjectLintsClean() throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        CheckResult result = new Linter(project, Severities.defaults()).lint(project.schemaFiles());
        assertThat(result.findings()).isEmpty();
        assertThat(result.files()).hasSize(6);
    }

    @Test
    void upstreamReflektProjectLintsClean() throws Exception {
        Path upstream = TestProject.repoRoot().resolveSibling("shared").resolve("fixtures/reflekt-upstream");
        if (!Files.isDirectory(upstream)) {
            System.err.println("SKIPPED: " + upstream + " is absent; the upstream compatibility check did not run");
        }
        Assumptions.assumeTrue(Files.isDirectory(upstream), "shared/fixtures/reflekt-upstream is absent");
        ReflektProject project = ReflektProject.load(upstream);
        assertThat(project.config().name()).isEqualTo("jaffle_shop");
        assertThat(project.config().dbt().modelsFilter()).isEqualTo("where received_at < getdate()");
        assertThat(project.config().avoBranches()).containsEntry("staging", "HqC13KbRJ");
        CheckResult result = new Linter(project, Severities.defaults()).lint(project.schemaFiles());
        assertThat(result.findings()).isEmpty();
        assertThat(result.files()).hasSize(9);
    }
}
