package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ReflektProject;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every Reflekt goal shares: finding the Reflekt project, the global and per-goal skip switches,
 * and turning core errors into Maven's two kinds of failure.
 */
public abstract class AbstractReflektMojo extends AbstractMojo {

    /** The Maven project; a stub when the goal runs in a folder without a pom. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** The Maven session. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /**
     * The folder holding {@code reflekt_project.yml} and {@code schemas/}. Default: the project's basedir,
     * or the current folder when there is no pom. A relative path is taken from that default.
     */
    @Parameter(property = "reflekt.projectDir")
    protected File projectDir;

    /** Skips every Reflekt goal. Default {@code false}; property {@code reflekt.skip}. */
    @Parameter(property = "reflekt.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Reflekt " + goal() + ": reflekt.skip is true.");
            return;
        }
        if (isGoalSkipped()) {
            getLog().info("Skipping Reflekt " + goal() + ": reflekt." + goal() + ".skip is true.");
            return;
        }
        try {
            run(reflektDir());
        } catch (ReflektException e) {
            for (String problem : e.problems()) {
                getLog().error(problem);
            }
            throw new MojoFailureException(
                    e.problems().size() == 1
                            ? e.getMessage()
                            : e.problems().size() + " problems in the Reflekt configuration; see the lines above.",
                    e);
        }
    }

    /** Loads the Reflekt project in {@code dir} and logs what its configuration probably got wrong. */
    protected ReflektProject loadProject(Path dir) throws ReflektException {
        ReflektProject loaded = ReflektProject.load(dir);
        loaded.warnings().forEach(getLog()::warn);
        return loaded;
    }

    /** The goal's name, as in {@code reflekt:<goal>}. */
    protected abstract String goal();

    /** Whether {@code reflekt.<goal>.skip} is set. */
    protected abstract boolean isGoalSkipped();

    /** Runs the goal on the Reflekt project in {@code dir}. */
    protected abstract void run(Path dir) throws ReflektException, MojoExecutionException, MojoFailureException;

    /** The Reflekt project folder: {@link #projectDir}, else the basedir, else the current folder. */
    protected Path reflektDir() {
        Path base = baseDir();
        return projectDir == null ? base : base.resolve(projectDir.toPath()).normalize();
    }

    /** The pom's folder, or the folder Maven was started in when there is no pom. */
    protected Path baseDir() {
        if (project != null && project.getFile() != null) {
            return project.getBasedir().toPath();
        }
        if (session != null && session.getRequest().getBaseDirectory() != null) {
            return Path.of(session.getRequest().getBaseDirectory());
        }
        return Path.of("").toAbsolutePath();
    }

    /** {@code target/reflekt} of the pom, or of the Reflekt project when there is no pom. */
    protected Path defaultReportsDir() {
        if (project != null && project.getFile() != null) {
            return Path.of(project.getBuild().getDirectory(), "reflekt");
        }
        return reflektDir().resolve("target").resolve("reflekt");
    }
}
