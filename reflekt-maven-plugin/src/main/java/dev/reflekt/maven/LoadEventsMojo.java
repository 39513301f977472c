package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.LoadEventsCommand;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads recorded events ({@code reflekt.events}: what the local collector recorded, or files of Segment, RudderStack
 * and Snowplow payloads) into a local warehouse laid out as the collector's loader lays out its own
 * ({@code reflekt.sdk}): Segment's and RudderStack's {@code tracks}, one table per event, {@code identifies},
 * {@code users}, {@code pages}, {@code screens}; Snowplow's {@code atomic.events} with {@code unstruct_event_*} and
 * {@code contexts_*} columns. The source ({@code reflekt.source}, as {@code reflekt:build} takes it) must be a
 * {@code duckdb} or {@code postgres} entry of the profile; a DuckDB file is created when missing. Loading the same
 * events again replaces their rows. {@code reflekt:build}, {@code reflekt:infer} and the package's models and event
 * audit then run on it. Runs with or without a pom.
 */
@Mojo(name = "load-events", threadSafe = true, requiresProject = false)
public class LoadEventsMojo extends AbstractWarehouseMojo {

    /**
     * Recorded payload files or globs, comma-separated, relative to the pom's folder ({@code target/reflekt/events/*.ndjson}
     * is where the local collector records). Required; property {@code reflekt.events}.
     */
    @Parameter(property = "reflekt.events")
    private String events;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.load-events.skip}. */
    @Parameter(property = "reflekt.load-events.skip", defaultValue = "false")
    private boolean skipLoad;

    @Override
    protected String goal() {
        return "load-events";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipLoad;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException {
        ReflektProject reflekt = loadProject(dir);
        LoadEventsCommand.Request request =
                new LoadEventsCommand.Request(baseDir(), events, source, sdk, profile, System.getenv());
        long start = System.nanoTime();
        LoadEventsCommand.Outcome outcome;
        try (DriverResolver resolver = resolver()) {
            outcome = LoadEventsCommand.run(reflekt, request, resolver, getLog()::info);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot load the events: " + e.getMessage(), e);
        }
        outcome.problems().forEach(p -> getLog().warn("  " + p));
        getLog().info("  tables: " + String.join(", ", outcome.tables()));
        getLog().info("Reflekt load-events: " + count(outcome.written().rows(), "row") + " from "
                + count(outcome.files(), "file") + " into " + outcome.into() + " ("
                + count(outcome.written().tablesCreated(), "table") + " created, "
                + count(outcome.written().columnsAdded(), "column") + " added) in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
