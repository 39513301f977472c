package dev.reflekt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.breaking.BreakingRule;
import dev.reflekt.core.lint.LintRule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation cannot fall behind the code: the plugin descriptor (written from the Mojos before the tests run)
 * and the rule enums are the oracle; the site's hand-written pages and the README must name what they hold.
 */
class SiteDocsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SITE = MODULE.resolve("src/site/markdown");
    private static final Path README = MODULE.getParent().resolve("README.md");

    private static String descriptor() throws Exception {
        try (InputStream in = SiteDocsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in)
                    .as("the plugin descriptor, written at process-classes")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Every hand-written page of the site, as one text. */
    private static String site() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> pages = Files.list(SITE)) {
            for (Path page : pages.sorted().toList()) {
                out.append(Files.readString(page)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void theSiteIndexAndTheReadmeListEveryGoal() throws Exception {
        List<String> goals = all(Pattern.compile("<goal>([a-z-]+)</goal>"), descriptor());
        assertThat(goals).contains("lint", "generate", "build", "help");
        String index = Files.readString(SITE.resolve("index.md"));
        String readme = Files.readString(README);
        for (String goal : goals) {
            assertThat(index).as(goal).contains("[reflekt:" + goal + "](" + goal + "-mojo.html)");
            assertThat(readme).as(goal).contains("| `reflekt:" + goal + "` |");
        }
    }

    @Test
    void everyPropertyTheGoalsReadIsDocumentedOnTheSite() throws Exception {
        String site = site();
        TreeSet<String> properties = new TreeSet<>(all(Pattern.compile("\\$\\{(reflekt\\.[A-Za-z.]+)}"), descriptor()));
        assertThat(properties).hasSizeGreaterThan(30).contains("reflekt.select", "reflekt.generate.skip");
        for (String property : properties) {
            assertThat(site)
                    .as(property + " is read by a goal and named on no page of the site")
                    .containsPattern(Pattern.quote(property) + "(?![A-Za-z])");
        }
    }

    @Test
    void theLintRulesPageListsEveryLintRuleWithItsDefaultSeverity() throws Exception {
        String page = Files.readString(SITE.resolve("lint-rules.md"));
        for (LintRule rule : LintRule.values()) {
            assertThat(page)
                    .as(rule.id())
                    .contains(
                            "| `" + rule.id() + "` | " + rule.defaultSeverity().label() + " |");
        }
    }

    @Test
    void theBreakingPageListsEveryBreakingRuleWithItsDefaultSeverity() throws Exception {
        String page = Files.readString(SITE.resolve("breaking.md"));
        for (BreakingRule rule : BreakingRule.values()) {
            assertThat(page)
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

    /**
     * The guides' parameter tables agree with the code: where a row gives a property's default as one literal
     * ({@code | `reflekt.dryRun` | `false` |}) and the Mojo declares a default, they are the same (what
     * {@code help:describe} and the goal pages print, both from the descriptor).
     */
    @Test
    void theDefaultsTheGuidesGiveAreTheDefaultsTheGoalsHave() throws Exception {
        java.util.Map<String, String> declared = new java.util.HashMap<>();
        Matcher d = Pattern.compile("default-value=\"([^\"]*)\">\\$\\{(reflekt\\.[A-Za-z.]+)}")
                .matcher(descriptor());
        while (d.find()) {
            String earlier = declared.put(d.group(2), d.group(1));
            assertThat(earlier == null || earlier.equals(d.group(1)))
                    .as(d.group(2) + " has two defaults in the goals")
                    .isTrue();
        }
        Pattern row = Pattern.compile("(?m)^\\| ([^|]*reflekt\\.[^|]*) \\| `([^`|]*)` \\|");
        int compared = 0;
        Matcher r = row.matcher(site());
        while (r.find()) {
            for (String property : all(Pattern.compile("`(reflekt\\.[A-Za-z.]+)`"), r.group(1))) {
                String code = declared.get(property);
                if (code != null && !code.startsWith("${")) { // an expression (${env.X}) is not a literal
                    assertThat(r.group(2)).as(property + " in a guide's table").isEqualTo(code);
                    compared++;
                }
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(10);
    }

    /** Every link between site pages leads to a page: a hand-written one, a goal's page, or the plugin index. */
    @Test
    void everyLinkBetweenSitePagesLeadsToAPage() throws Exception {
        List<String> goals = all(Pattern.compile("<goal>([a-z-]+)</goal>"), descriptor());
        String site = site();
        List<String> links = all(Pattern.compile("\\]\\(([a-z0-9-]+)\\.html[#)]"), site);
        assertThat(links).hasSizeGreaterThan(20);
        for (String page : links) {
            boolean generated = page.equals("plugin-info")
                    || (page.endsWith("-mojo") && goals.contains(page.substring(0, page.length() - "-mojo".length())));
            assertThat(generated || Files.isRegularFile(SITE.resolve(page + ".md")))
                    .as(page + ".html")
                    .isTrue();
        }
    }

    /** The README is the front door: the two commands, the quick start and the goals, under 15 KB. */
    @Test
    void theReadmeIsAFrontDoor() throws Exception {
        String readme = Files.readString(README);
        assertThat(readme.getBytes(StandardCharsets.UTF_8).length).isLessThan(15 * 1024);
        List<String> ci = Files.readAllLines(README.resolveSibling(".ci/run"));
        assertThat(readme).as(".ci/run runs the README's test command").contains(ci.get(ci.size() - 1));
        assertThat(readme).contains("## Two commands", "## Quick start", "## Goals");
        for (String link : all(Pattern.compile("\\]\\(([^)#]+\\.md)\\)"), readme)) {
            assertThat(README.getParent().resolve(link)).as(link).isRegularFile();
        }
    }
}
