package dev.reflekt.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.breaking.BreakingRule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plugin site's reference pages list every rule the code has, so that they cannot fall behind it. */
class SiteDocsTest {

    private static final Path SITE = TestProject.repoRoot().resolve("reflekt-maven-plugin/src/site/markdown");

    @Test
    void theLintRulesPageListsEveryLintRule() throws Exception {
        String page = Files.readString(SITE.resolve("lint-rules.md"));
        for (LintRule rule : LintRule.values()) {
            assertThat(page).as(rule.id()).contains("`" + rule.id() + "`");
        }
    }

    @Test
    void theReadmeListsEveryBreakingRule() throws Exception {
        String readme = Files.readString(TestProject.repoRoot().resolve("README.md"));
        for (BreakingRule rule : BreakingRule.values()) {
            assertThat(readme)
                    .as(rule.id())
                    .contains(
                            "| `" + rule.id() + "` | " + rule.defaultSeverity().label());
        }
    }

    @Test
    void theProjectConfigurationPageNamesEveryTopLevelKey() throws Exception {
        String page = Files.readString(SITE.resolve("configuration.md"));
        for (String key : new String[] {
            "version", "name", "vendor", "default_profile", "profiles_path", "schemas", "registry", "artifacts"
        }) {
            assertThat(page).as(key).contains("`" + key);
        }
    }
}
