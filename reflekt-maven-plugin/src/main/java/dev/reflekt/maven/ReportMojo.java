package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.ReportCommand;
import dev.reflekt.core.project.ReflektProject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes Markdown documentation of the schemas for reviewers who do not read JSON: one page per schema
 * version (event, description, version, metadata, a table of properties with types, required,
 * descriptions and constraints) and an index of every event with its versions side by side. Runs with
 * or without a pom.
 */
@Mojo(name = "report", threadSafe = true, requiresProject = false)
public class ReportMojo extends AbstractReflektMojo {

    /**
     * Which schemas to document (same forms as {@code reflekt:lint}). Default: all schemas. Property
     * {@code reflekt.select}.
     */
    @Parameter(property = "reflekt.select")
    private String select;

    /**
     * Also writes each page beside its schema ({@code schemas/PLAN/EVENT/1-0.md}) instead of printing
     * it. Default {@code false}; property {@code reflekt.report.toFile}.
     */
    @Parameter(property = "reflekt.report.toFile", defaultValue = "false")
    private boolean toFile;

    /**
     * Where {@code index.md} and the pages are written. Default: {@code target/reflekt/report}; property
     * {@code reflekt.report.outputDir}.
     */
    @Parameter(property = "reflekt.report.outputDir")
    private File outputDir;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.report.skip}. */
    @Parameter(property = "reflekt.report.skip", defaultValue = "false")
    private boolean skipReport;

    @Override
    protected String goal() {
        return "report";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipReport;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException {
        ReflektProject reflekt = loadProject(dir);
        Path folder = outputDir == null ? defaultReportsDir().resolve("report") : outputDir.toPath();
        ReportCommand.Result result;
        try {
            result = ReportCommand.run(reflekt, new ReportCommand.Request(select, folder, toFile));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the report to " + folder + ": " + e.getMessage(), e);
        }
        getLog().info("Reflekt report: " + result.pages() + " schema pages"
                + (toFile ? " written beside the schemas" : "") + "; index at " + folder.resolve("index.md"));
    }
}
