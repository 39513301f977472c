package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.LintCommand;
import dev.reflekt.core.lint.LintRule;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints event schemas against the naming and metadata conventions of {@code reflekt_project.yml} and
 * the meta-schema {@code schemas/.reflekt/meta/1-0.json}. Prints one line per finding, writes
 * {@code lint.sarif} and {@code TEST-reflekt-lint.xml}, and fails the build when there are errors.
 * Runs with or without a pom.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class LintMojo extends AbstractCheckMojo {

    /**
     * Which schemas to lint: a folder under {@code schemas/}, a schema {@code $id} or a file, with or
     * without {@code schemas/} and {@code .json}; several separated by commas. Default: all schemas.
     * Property {@code reflekt.select}.
     */
    @Parameter(property = "reflekt.select")
    private String select;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.lint.skip}. */
    @Parameter(property = "reflekt.lint.skip", defaultValue = "false")
    private boolean skipLint;

    /**
     * Fails the build on warnings too. Default {@code false}; property {@code reflekt.lint.failOnWarning}.
     */
    @Parameter(property = "reflekt.lint.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Severity per rule id: {@code error}, {@code warning} or {@code off}, e.g.
     * a {@code rules} map with one element per rule id, e.g. {@code property-casing} set to {@code warning}. Rules not named
     * are errors. The rule ids are listed by {@code mvn reflekt:help -Ddetail} and on the site page Lint rules. No default; no property (see {@code rulesList}).
     */
    @Parameter
    private Map<String, String> rules;

    /**
     * The same as {@code rules}, as {@code id=severity} pairs separated by commas, for the command line
     * and for repositories without a pom: {@code -Dreflekt.lint.rules=property-casing=warning}. Wins
     * over {@code rules} for the rules it names. Property {@code reflekt.lint.rules}.
     */
    @Parameter(property = "reflekt.lint.rules")
    private String rulesList;

    /**
     * The warehouse the schemas load into: snowflake, redshift, bigquery, postgres, duckdb or databricks. When set,
     * the warehouse-aware rules (warehouse-varchar-length, warehouse-column-name, warehouse-name-length,
     * cdp-rename) run too. The same property chooses the SQL of reflekt:build. No default; property
     * {@code reflekt.dialect}.
     */
    @Parameter(property = "reflekt.dialect")
    private String dialect;

    /**
     * The collector the events go through: segment, rudderstack or snowplow. When set, the collector-load rule
     * warns where the collector would drop a property or load two into one column; for any other than segment,
     * cdp-rename (Segment's renames) does not run. The same property chooses the raw tables of reflekt:build. No
     * default; property {@code reflekt.sdk}.
     */
    @Parameter(property = "reflekt.sdk")
    private String sdk;

    @Override
    protected String goal() {
        return "lint";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipLint;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException, MojoFailureException {
        ReflektProject reflekt = loadProject(dir);
        var request = new LintCommand.Request(select, severities(rules, rulesList, LintRule.all()), dialect, sdk);
        publish("lint", LintCommand.run(reflekt, request), LintRule.all(), failOnWarning);
    }
}
