package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.GithubAnnotations;
import dev.reflekt.core.finding.Reports;
import dev.reflekt.core.finding.Rule;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.finding.SourceRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that checks schemas and reports findings: one log line each, SARIF and JUnit files, GitHub
 * annotations, and one failure with a count.
 */
public abstract class AbstractCheckMojo extends AbstractReflektMojo {

    /**
     * Where the SARIF and JUnit XML files are written. Default: the folder {@code reflekt} in the build
     * directory ({@code target/reflekt}), or {@code target/reflekt} of the Reflekt project when there is
     * no pom; property {@code reflekt.reportsDir}.
     */
    @Parameter(property = "reflekt.reportsDir")
    protected File reportsDir;

    /**
     * Prints GitHub Actions annotations ({@code ::error file=...}) so that findings show on the pull
     * request. Default: on when the environment variable {@code GITHUB_ACTIONS} is {@code true};
     * property {@code reflekt.githubActions}.
     */
    @Parameter(property = "reflekt.githubActions", defaultValue = "${env.GITHUB_ACTIONS}")
    private String githubActions;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** Severities from the POM's {@code <rules>} map and the {@code id=severity,...} property. */
    protected static Severities severities(Map<String, String> rules, String rulesList, List<? extends Rule> known)
            throws ReflektException {
        Map<String, String> merged = new LinkedHashMap<>();
        if (rules != null) {
            merged.putAll(rules);
        }
        merged.putAll(Severities.parsePairs(rulesList));
        return Severities.of(merged, known);
    }

    /**
     * Prints and writes the findings of check {@code name}, then fails when there are errors (or
     * warnings, with {@code failOnWarning}).
     */
    protected void publish(String name, CheckResult result, List<? extends Rule> rules, boolean failOnWarning)
            throws MojoExecutionException, MojoFailureException {
        for (Finding f : result.findings()) {
            if (f.severity() == Severity.ERROR) {
                getLog().error(f.format());
            } else if (f.severity() == Severity.INFO) {
                getLog().info(f.format());
            } else {
                getLog().warn(f.format());
            }
        }
        if ("true".equalsIgnoreCase(githubActions)) {
            GithubAnnotations.render(result.findings(), SourceRoot.of(reflektDir()))
                    .forEach(System.out::println);
        }
        Path reports = reportsDir == null ? defaultReportsDir() : reportsDir.toPath();
        try {
            Reports.write(
                    reports,
                    name,
                    result,
                    rules,
                    failOnWarning,
                    plugin == null ? "dev" : plugin.getVersion(),
                    SourceRoot.of(reflektDir()));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write reports to " + reports + ": " + e.getMessage(), e);
        }
        getLog().info("Reflekt " + name + ": " + summary(result) + " (reports in " + shown(reports) + ")");

        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        if (errors > 0 || (failOnWarning && warnings > 0)) {
            String counted = CheckResult.plural(errors, "error")
                    + (failOnWarning && warnings > 0 ? " and " + CheckResult.plural(warnings, "warning") : "");
            throw new MojoFailureException("Reflekt " + name + " found " + counted + "; fix the lines reported above.");
        }
    }

    /** The summary line's counts: {@code 12 schemas, 1 error, 0 warnings in 80 ms}. */
    protected String summary(CheckResult result) {
        return result.summary();
    }

    /** A path relative to the pom's folder when inside it, as users read paths in the build log. */
    private String shown(Path path) {
        Path base = baseDir().toAbsolutePath().normalize();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
