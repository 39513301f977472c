package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.CheckEventsCommand;
import dev.reflekt.core.events.EventCheck;
import dev.reflekt.core.events.EventRule;
import dev.reflekt.core.finding.Reports;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the events apps really sent against the plan: recorded payload files (NDJSON, a JSON array or a collector's
 * batch body; gzip too) of Segment and RudderStack messages and Snowplow self-describing events and tp2 payloads.
 * Each event is matched to its schema (Snowplow: its Iglu URI; Segment, RudderStack: its event name, every version)
 * and validated as lint validates. Prints one line per finding, writes {@code check-events.sarif} and
 * {@code TEST-reflekt-check-events.xml}, and fails the build when there are errors. Findings show paths and rules,
 * never a value sent (payloads are personal data) unless {@code showValues}. Runs with or without a pom.
 */
@Mojo(name = "check-events", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckEventsMojo extends AbstractCheckMojo {

    /**
     * The payload files: paths or globs relative to the pom's folder, comma-separated. Default
     * {@code target/reflekt/events/*.ndjson} (where the local collector records); property {@code reflekt.events}.
     */
    @Parameter(property = "reflekt.events", defaultValue = "target/reflekt/events/*.ndjson")
    private String events;

    /** Which schemas make the plan, as {@code reflekt:lint} selects. Default: all; property {@code reflekt.select}. */
    @Parameter(property = "reflekt.select")
    private String select;

    /**
     * A planned event never sent is an error, not a warning. Default {@code false}; property
     * {@code reflekt.checkEvents.requireAll}.
     */
    @Parameter(property = "reflekt.checkEvents.requireAll", defaultValue = "false")
    private boolean requireAll;

    /**
     * Findings show the values sent. Default {@code false}: event payloads are personal data; property
     * {@code reflekt.checkEvents.showValues}.
     */
    @Parameter(property = "reflekt.checkEvents.showValues", defaultValue = "false")
    private boolean showValues;

    /** Fails the build on warnings too. Default {@code false}; property {@code reflekt.checkEvents.failOnWarning}. */
    @Parameter(property = "reflekt.checkEvents.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Severity per rule id ({@code error}, {@code warning}, {@code off}), as lint's {@code rules}. */
    @Parameter
    private Map<String, String> rules;

    /** The same as {@code rules}, as {@code id=severity} pairs; property {@code reflekt.checkEvents.rules}. */
    @Parameter(property = "reflekt.checkEvents.rules")
    private String rulesList;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.checkEvents.skip}. */
    @Parameter(property = "reflekt.checkEvents.skip", defaultValue = "false")
    private boolean skipCheckEvents;

    /**
     * The GitHub Actions job summary file {@code events.md} is appended to. Default: the environment variable
     * {@code GITHUB_STEP_SUMMARY}, set by GitHub Actions; property {@code reflekt.githubStepSummary}.
     */
    @Parameter(property = "reflekt.githubStepSummary", defaultValue = "${env.GITHUB_STEP_SUMMARY}")
    private String githubStepSummary;

    @Override
    protected String goal() {
        return "check-events";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipCheckEvents;
    }

    @Override
    protected String summary(dev.reflekt.core.finding.CheckResult result) {
        return result.counts(); // the events were counted on the line before
    }

    @Override
    protected String skipProperty() {
        return "reflekt.checkEvents.skip";
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException, MojoFailureException {
        ReflektProject reflekt = loadProject(dir);
        CheckEventsCommand.Request request = new CheckEventsCommand.Request(
                baseDir(),
                events,
                select,
                severities(rules, rulesList, List.of(EventRule.values())),
                new EventCheck.Options(requireAll, showValues));
        CheckEventsCommand.Outcome outcome;
        try {
            if (CheckEventsCommand.files(baseDir(), events).isEmpty()) {
                getLog().warn("Reflekt check-events: no recorded events match reflekt.events=" + events
                        + "; nothing to check (record some with the local collector, or name the files)");
                return;
            }
            outcome = CheckEventsCommand.run(reflekt, request);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the recorded events: " + e.getMessage(), e);
        }
        int seen = outcome.check().events().values().stream()
                .mapToInt(EventCheck.Seen::seen)
                .sum();
        getLog().info("Reflekt check-events: " + seen + " events in "
                + outcome.files().size() + " file(s), "
                + outcome.check().events().size() + " distinct, "
                + outcome.check().unseen().size()
                + " planned never sent");
        if (outcome.check().unlisted() > 0) {
            getLog().warn("Reflekt check-events: " + outcome.check().unlisted()
                    + " more findings (past the first " + EventCheck.MAX_LISTED
                    + " of an event name) are counted in events.md but not listed");
        }
        if (outcome.check().unexplained() > 0) {
            getLog().info("Reflekt check-events: " + outcome.check().unexplained()
                    + " more invalid events are counted in events.md, not explained (their names have "
                    + EventCheck.MAX_LISTED + " findings listed above)");
        }
        writeReport(outcome.report());
        publish("check-events", outcome.result(), List.of(EventRule.values()), failOnWarning);
    }

    /** Writes {@code events.md} beside the other reports, and appends it to the job summary on GitHub Actions. */
    private void writeReport(String markdown) throws MojoExecutionException {
        Path reports = reportsDir == null ? defaultReportsDir() : reportsDir.toPath();
        try {
            java.nio.file.Files.createDirectories(reports);
            Reports.writeAtomically(reports.resolve("events.md"), markdown);
            if (githubStepSummary != null && !githubStepSummary.isBlank()) {
                java.nio.file.Files.writeString(
                        Path.of(githubStepSummary),
                        markdown + "\n",
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write events.md: " + e.getMessage(), e);
        }
    }
}
