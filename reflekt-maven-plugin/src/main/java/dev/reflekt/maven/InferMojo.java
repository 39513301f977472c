package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.InferCommand;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Drafts schemas of what is already tracked, for teams with events and no plan: from recorded payloads
 * ({@code reflekt.events}: what the local collector recorded, or files of Segment, RudderStack and Snowplow payloads)
 * or from a warehouse schema in the collector's layout ({@code reflekt.source} with {@code reflekt.sdk}, as
 * {@code reflekt:build} takes them: one schema per event table, a property per column). One
 * schema per event under {@code schemas/<reflekt.infer.folder>/}, with descriptions left as a placeholder lint reports
 * until a person writes them; values seen never become descriptions or examples. An existing file is kept unless
 * {@code reflekt.force}. Runs with or without a pom.
 */
@Mojo(name = "infer", threadSafe = true, requiresProject = false)
public class InferMojo extends AbstractWarehouseMojo {

    /**
     * Recorded payload files or globs, comma-separated, relative to the pom's folder ({@code target/reflekt/events/*.ndjson}
     * is where the local collector records). Give this or {@code reflekt.source}. Property {@code reflekt.events}.
     */
    @Parameter(property = "reflekt.events")
    private String events;

    /** The folder under {@code schemas/} the drafts go to. Default {@code inferred}; property {@code reflekt.infer.folder}. */
    @Parameter(property = "reflekt.infer.folder", defaultValue = "inferred")
    private String folder;

    /**
     * The most distinct strings a property may have been sent with to become an {@code enum} (the values are then
     * written into the schema). Default {@code 0}: never; property {@code reflekt.infer.maxEnumValues}.
     */
    @Parameter(property = "reflekt.infer.maxEnumValues", defaultValue = "0")
    private int maxEnumValues;

    /** Replaces existing schema files that differ. Default {@code false}; property {@code reflekt.force}. */
    @Parameter(property = "reflekt.force", defaultValue = "false")
    private boolean force;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.infer.skip}. */
    @Parameter(property = "reflekt.infer.skip", defaultValue = "false")
    private boolean skipInfer;

    @Override
    protected String goal() {
        return "infer";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipInfer;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException {
        ReflektProject reflekt = loadProject(dir);
        InferCommand.Request request = new InferCommand.Request(
                baseDir(), events, source, sdk, profile, System.getenv(), folder, maxEnumValues, force);
        InferCommand.Outcome outcome;
        long start = System.nanoTime();
        try (DriverResolver resolver = resolver()) {
            outcome = InferCommand.run(reflekt, request, resolver, getLog()::info, getLog()::debug);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot infer the schemas: " + e.getMessage(), e);
        }
        outcome.problems().forEach(p -> getLog().warn("  " + p));
        outcome.written().forEach(f -> getLog().info("  wrote " + f));
        outcome.unchanged().forEach(f -> getLog().info("  unchanged " + f));
        outcome.kept().forEach(f -> getLog().warn("  kept " + f + ": it differs from the draft; infer with"
                + " -Dreflekt.force=true to replace it"));
        outcome.skipped().forEach(s -> getLog().warn("  skipped " + s));
        long placeholders = outcome.lint().findings().stream()
                .filter(f -> f.rule().id().equals("inferred-description"))
                .count();
        for (Finding f : outcome.lint().findings()) {
            if (!f.rule().id().equals("inferred-description")) {
                getLog().warn(f.format());
            }
        }
        getLog().info("Reflekt infer from " + outcome.from() + ": "
                + outcome.written().size() + " written, "
                + outcome.unchanged().size() + " unchanged, " + outcome.kept().size() + " kept, "
                + outcome.skipped().size() + " skipped in " + (System.nanoTime() - start) / 1_000_000 + " ms"
                + (placeholders == 0
                        ? ""
                        : "; " + placeholders + " descriptions to write (reflekt:lint lists them as"
                                + " inferred-description)"));
    }
}
