package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.breaking.BreakingRule;
import dev.reflekt.core.breaking.GitBaseline;
import dev.reflekt.core.command.BreakingCommand;
import dev.reflekt.core.finding.Reports;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Detects breaking changes by comparing every schema with the same {@code $id} at a git ref, and every
 * new version with the highest earlier version of its event, then enforces Reflekt's versioning model:
 * no breaking change to an existing version, MAJOR bumps for breaking changes and MINOR bumps for
 * compatible ones, no deleted versions, no skipped numbers. Writes {@code breaking.sarif} and
 * {@code TEST-reflekt-breaking.xml}. Runs with or without a pom; needs no {@code git} binary.
 */
@Mojo(name = "breaking", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class BreakingMojo extends AbstractCheckMojo {

    /**
     * The git ref to compare with: a branch, tag or commit. Default: the upstream of the current branch,
     * else {@code origin/main}, else {@code main}. Property {@code reflekt.against}.
     */
    @Parameter(property = "reflekt.against")
    private String against;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.breaking.skip}. */
    @Parameter(property = "reflekt.breaking.skip", defaultValue = "false")
    private boolean skipBreaking;

    /**
     * Schema ids whose known breaks are accepted ({@code jaffle_shop/Order_Completed/1-0}, with or
     * without {@code schemas/} and {@code .json}). No default; property {@code reflekt.breaking.allow}
     * (comma-separated).
     */
    @Parameter(property = "reflekt.breaking.allow")
    private List<String> allow;

    /**
     * Treats required → optional as breaking, as loading into Redshift requires (required columns are
     * NOT NULL there). Default {@code false}; property {@code reflekt.breaking.redshift}.
     */
    @Parameter(property = "reflekt.breaking.redshift", defaultValue = "false")
    private boolean redshift;

    /**
     * Fails the build on warnings ({@code version-skipped}) too. Default {@code false}; property
     * {@code reflekt.breaking.failOnWarning}.
     */
    @Parameter(property = "reflekt.breaking.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Severity per rule id ({@code breaking-in-place}, {@code edit-superseded}, {@code version-bump},
     * {@code version-deleted}, {@code version-skipped}): {@code error}, {@code warning} or {@code off}. No
     * default; no property (see {@code rulesList}).
     */
    @Parameter
    private Map<String, String> rules;

    /**
     * The same as {@code rules}, as {@code id=severity} pairs separated by commas. Wins over {@code rules}
     * for the rules it names. Property {@code reflekt.breaking.rules}.
     */
    @Parameter(property = "reflekt.breaking.rules")
    private String rulesList;

    @Override
    protected String goal() {
        return "breaking";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipBreaking;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException, MojoFailureException {
        ReflektProject reflekt = loadProject(dir);
        BreakingCommand.Result result = BreakingCommand.run(
                reflekt,
                new BreakingCommand.Request(
                        against, severities(rules, rulesList, BreakingRule.all()), allow, redshift));
        GitBaseline baseline = result.baseline();
        getLog().info("Reflekt breaking: comparing with " + baseline.ref() + " (" + baseline.commit() + ")");
        if (baseline.schemas().isEmpty()) {
            getLog().warn("No schemas under " + baseline.schemasPath() + "/ at " + baseline.ref() + ": every schema"
                    + " counts as new. If that is unexpected, check that the project is committed and not inside"
                    + " another repository's ignored folder.");
        }
        writeChangeSummary(result.changes());
        publish("breaking", result.findings(), BreakingRule.all(), failOnWarning);
    }

    /**
     * {@code changes.md} beside the other reports, for a pull request comment; appended to the job summary
     * when GitHub Actions names one ({@code GITHUB_STEP_SUMMARY}).
     */
    private void writeChangeSummary(String markdown) throws MojoExecutionException {
        Path file = (reportsDir == null ? defaultReportsDir() : reportsDir.toPath()).resolve("changes.md");
        try {
            Files.createDirectories(file.getParent());
            Reports.writeAtomically(file, markdown);
            String summary = System.getenv("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank()) {
                Files.writeString(
                        Path.of(summary),
                        markdown + "\n",
                        java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Reflekt breaking: change summary in " + file);
    }
}
