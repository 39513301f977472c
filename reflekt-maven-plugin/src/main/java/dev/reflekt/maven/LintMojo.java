package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.lint.Finding;
import dev.reflekt.core.lint.LintOptions;
import dev.reflekt.core.lint.LintResult;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.lint.Severity;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.report.GithubAnnotations;
import dev.reflekt.core.report.LintReports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
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
public class LintMojo extends AbstractReflektMojo {

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
     * {@code &lt;rules&gt;&lt;property-casing&gt;warning&lt;/property-casing&gt;&lt;/rules&gt;}. Rules not named
     * are errors. The rule ids are listed in the README. No default; no property (see {@code rulesList}).
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
     * Where {@code lint.sarif} and {@code TEST-reflekt-lint.xml} are written. Default: the folder
     * {@code reflekt} in the build directory ({@code target/reflekt}), or {@code target/reflekt} of the
     * Reflekt project when there is no pom; property {@code reflekt.reportsDir}.
     */
    @Parameter(property = "reflekt.reportsDir")
    private File reportsDir;

    /**
     * Prints GitHub Actions annotations ({@code ::error file=...}) so that findings show on the pull
     * request. Default: on when the environment variable {@code GITHUB_ACTIONS} is {@code true};
     * property {@code reflekt.githubActions}.
     */
    @Parameter(property = "reflekt.githubActions", defaultValue = "${env.GITHUB_ACTIONS}")
    private String githubActions;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** A path relative to the pom's folder when inside it, as users read paths in the build log. */
    private String shown(Path path) {
        Path base = baseDir().toAbsolutePath().normalize();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

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
        ReflektProject reflekt = ReflektProject.load(dir);
        Map<String, String> severities = new LinkedHashMap<>();
        if (rules != null) {
            severities.putAll(rules);
        }
        severities.putAll(LintOptions.parsePairs(rulesList));
        Linter linter = new Linter(reflekt, LintOptions.of(severities));
        LintResult result = linter.lint(reflekt.select(select));

        for (Finding f : result.findings()) {
            if (f.severity() == Severity.ERROR) {
                getLog().error(f.format());
            } else {
                getLog().warn(f.format());
            }
        }
        if ("true".equalsIgnoreCase(githubActions)) {
            GithubAnnotations.render(result.findings()).forEach(System.out::println);
        }
        Path reports = reportsDir == null ? defaultReportsDir() : reportsDir.toPath();
        try {
            LintReports.write(reports, result, failOnWarning, plugin == null ? "dev" : plugin.getVersion());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write lint reports to " + reports + ": " + e.getMessage(), e);
        }
        getLog().info("Reflekt lint: " + result.summary() + " (reports in " + shown(reports) + ")");

        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        if (errors > 0 || (failOnWarning && warnings > 0)) {
            String counted = errors + " error" + (errors == 1 ? "" : "s")
                    + (failOnWarning && warnings > 0
                            ? " and " + warnings + " warning" + (warnings == 1 ? "" : "s")
                            : "");
            throw new MojoFailureException("Reflekt lint found " + counted + "; fix the lines reported above.");
        }
    }
}
