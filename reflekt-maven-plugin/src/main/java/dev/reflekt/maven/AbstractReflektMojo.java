package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.LogText;
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

    /** This execution (how it was started: from the command line or a lifecycle phase). */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected org.apache.maven.plugin.MojoExecution mojoExecution;

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

    /**
     * Maven's log behind {@link InertLog}: every line this plugin writes is one inert line, whatever schema,
     * registry or warehouse text it carries.
     */
    @Override
    public org.apache.maven.plugin.logging.Log getLog() {
        return new InertLog(super.getLog());
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            executeGoal();
        } catch (MojoFailureException e) {
            // Maven prints the message after "Failed to execute goal ...": one inert line too
            throw new MojoFailureException(LogText.line(e.getMessage()), e.getCause());
        } catch (MojoExecutionException e) {
            throw new MojoExecutionException(LogText.line(e.getMessage()), e.getCause());
        }
    }

    private void executeGoal() throws MojoExecutionException, MojoFailureException {
        warnOfUnknownProperties();
        if (skip) {
            getLog().info("Skipping Reflekt " + goal() + ": reflekt.skip is true.");
            return;
        }
        if (isGoalSkipped()) {
            getLog().info("Skipping Reflekt " + goal() + ": " + skipProperty() + " is true.");
            return;
        }
        Path dir = reflektDir();
        if (isAggregatorWithoutProject(dir)) {
            getLog().info("Skipping Reflekt " + goal() + ": " + project.getArtifactId()
                    + " aggregates modules and has no " + ReflektProject.PROJECT_FILE
                    + "; its modules are checked on their own.");
            if (ranOnceForTheReactor()) {
                runModules();
            }
            return;
        }
        runGuarded(dir);
    }

    /**
     * Warns, once per build, of every {@code -Dreflekt.*} property that no goal of this plugin reads (a typo such as
     * {@code -Dreflekt.selct} would otherwise be silently ignored), with the nearest known name. The known names
     * are the properties of every goal's parameters, read from the plugin descriptor.
     */
    private void warnOfUnknownProperties() {
        if (session == null || mojoExecution == null || mojoExecution.getMojoDescriptor() == null) {
            return;
        }
        java.util.Set<String> given = new java.util.TreeSet<>();
        session.getUserProperties().stringPropertyNames().forEach(given::add);
        if (given.stream().noneMatch(p -> p.startsWith("reflekt."))
                || !session.getRepositorySession().getData().set(UNKNOWN_PROPERTIES_WARNED, null, Boolean.TRUE)) {
            return;
        }
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (org.apache.maven.plugin.descriptor.MojoDescriptor mojo :
                mojoExecution.getMojoDescriptor().getPluginDescriptor().getMojos()) {
            if (mojo.getParameters() == null) {
                continue;
            }
            for (org.apache.maven.plugin.descriptor.Parameter p : mojo.getParameters()) {
                String expression = p.getExpression();
                if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
                    known.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        for (String warning : dev.reflekt.core.project.Suggestions.unknownProperties(given, known)) {
            getLog().warn(warning);
        }
    }

    /** Session data key: the unknown-property warning was given in this build. */
    private static final String UNKNOWN_PROPERTIES_WARNED = "dev.reflekt.unknownPropertiesWarned";

    /**
     * Whether Maven runs this execution once for the whole reactor: a goal called from the command line that
     * needs no project (so that it works without a pom) is run by Maven in the top project only.
     */
    private boolean ranOnceForTheReactor() {
        return session != null
                && session.getProjects().size() > 1
                && mojoExecution != null
                && mojoExecution.getSource() == org.apache.maven.plugin.MojoExecution.Source.CLI;
    }

    /** Runs the goal in every reactor module with a Reflekt project of its own, as Maven would per module. */
    private void runModules() throws MojoExecutionException, MojoFailureException {
        org.apache.maven.project.MavenProject top = project;
        try {
            for (org.apache.maven.project.MavenProject module : session.getProjects()) {
                Path moduleDir = module.getBasedir().toPath();
                if (module == top
                        || !java.nio.file.Files.isRegularFile(moduleDir.resolve(ReflektProject.PROJECT_FILE))) {
                    continue;
                }
                java.util.Properties props = module.getProperties();
                if (Boolean.parseBoolean(props.getProperty("reflekt.skip"))
                        || Boolean.parseBoolean(props.getProperty("reflekt." + goal() + ".skip"))) {
                    getLog().info("Skipping Reflekt " + goal() + " in " + module.getArtifactId()
                            + ": its pom skips it.");
                    continue;
                }
                getLog().info("Reflekt " + goal() + " in module " + module.getArtifactId() + ":");
                project = module;
                runGuarded(moduleDir);
            }
        } finally {
            project = top;
        }
    }

    private void runGuarded(Path dir) throws MojoExecutionException, MojoFailureException {
        try {
            run(dir);
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

    /**
     * Whether this is a reactor's aggregator (packaging {@code pom} with modules) with no Reflekt project of its
     * own, as when {@code mvn reflekt:lint} runs at the root of a multi-module build. Not when
     * {@code reflekt.projectDir} names a folder.
     */
    private boolean isAggregatorWithoutProject(Path dir) {
        return projectDir == null
                && project != null
                && project.getFile() != null
                && "pom".equals(project.getPackaging())
                && !project.getModules().isEmpty()
                && !java.nio.file.Files.isRegularFile(dir.resolve(ReflektProject.PROJECT_FILE));
    }

    /**
     * Refuses to go on when Maven runs offline ({@code -o}): {@code what} says what the goal would reach.
     * Push, pull and {@code debug -Dreflekt.debug.connect} use it, with one message.
     */
    protected void requireOnline(String what) throws ReflektException {
        if (session != null && session.isOffline()) {
            throw new ReflektException(
                    "Maven is offline (-o), and reflekt:" + goal() + " " + what + "; run it without -o.");
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

    /** The property that skips this goal only: {@code reflekt.<goal>.skip}. */
    protected String skipProperty() {
        return "reflekt." + goal() + ".skip";
    }

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
