package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.BuildCommand;
import dev.reflekt.core.command.BuildRequest;
import dev.reflekt.core.dbt.Drift;
import dev.reflekt.core.dbt.DriftReport;
import dev.reflekt.core.finding.Reports;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a dbt package to {@code artifacts/dbt/} + the project name in snake case: a source, and per event schema a
 * staging model and its docs with tests. Without {@code reflekt.source} it builds from the schemas alone
 * (no credentials needed); with one it reads the source's tables and columns with one metadata query,
 * keeps only what exists and reports the rest as drift. The package is swapped in only when complete.
 * Runs with or without a pom.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true, requiresProject = false)
public class BuildMojo extends AbstractWarehouseMojo {

    /** Which schemas to build (same forms as {@code reflekt:lint}). Default: all. Property {@code reflekt.select}. */
    @Parameter(property = "reflekt.select")
    private String select;

    /**
     * The SQL dialect: {@code snowflake}, {@code redshift}, {@code bigquery}, {@code postgres},
     * {@code duckdb} or {@code databricks}. Default: the source's type, else the profile's first source's, else
     * {@code snowflake}. Property {@code reflekt.dialect}.
     */
    @Parameter(property = "reflekt.dialect")
    private String dialect;

    /**
     * Uses the names of {@code reflekt.source} without connecting. Default {@code false}; property
     * {@code reflekt.offline}.
     */
    @Parameter(property = "reflekt.offline", defaultValue = "false")
    private boolean offline;

    /**
     * Audited publishing: every generated model is compiled on the warehouse (EXPLAIN) before the package
     * replaces the previous one; a model the warehouse refuses stops the build and leaves the previous
     * package. Needs a connected source. Default {@code false}; property {@code reflekt.build.audit}.
     */
    @Parameter(property = "reflekt.build.audit", defaultValue = "false")
    private boolean audit;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.build.skip}. */
    @Parameter(property = "reflekt.build.skip", defaultValue = "false")
    private boolean skipBuild;

    @Override
    protected String goal() {
        return "build";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipBuild;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException {
        ReflektProject reflekt = loadProject(dir);
        BuildRequest request = new BuildRequest(select, source, profile, sdk, dialect, offline, System.getenv(), audit);
        BuildCommand.Outcome outcome;
        long start = System.nanoTime();
        try (DriverResolver resolver = resolver()) {
            outcome = BuildCommand.run(reflekt, request, resolver, getLog()::info, getLog()::debug);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the dbt package: " + e.getMessage(), e);
        }
        var result = outcome.result();
        for (String warning : outcome.warnings(reflekt)) {
            getLog().warn(warning);
        }
        for (Drift d : result.drift()) {
            getLog().warn("Drift: " + d.describe());
        }
        for (dev.reflekt.core.dbt.Unplanned u : result.unplanned()) {
            getLog().warn("Unplanned: " + u.describe());
        }
        if (outcome.online()) {
            Path report = defaultReportsDir().resolve("drift.md");
            try {
                Files.createDirectories(report.getParent());
                Reports.writeAtomically(
                        report, DriftReport.render(outcome.target(), result.drift(), result.unplanned()));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + report + ": " + e.getMessage(), e);
            }
        }
        long models = result.files().stream()
                .filter(f -> f.startsWith("models/") && f.endsWith(".sql"))
                .count();
        getLog().info("Reflekt build: " + models + " models for "
                + outcome.target().database() + "."
                + outcome.target().schema() + " in " + outcome.target().dialect() + " SQL ("
                + (outcome.online()
                        ? "from the warehouse, " + result.drift().size() + " drift, "
                                + result.unplanned().size() + " unplanned"
                        : "offline")
                + "), "
                + (result.changed() ? "written to " : "unchanged in ") + reflekt.display(result.packageDir()) + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
