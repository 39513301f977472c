package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.DebugCommand;
import dev.reflekt.core.command.Diagnosis;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the Reflekt configuration and prints what it found: the project file, the meta-schema, the
 * profiles file, the selected profile and each registry and source entry; with
 * {@code -Dreflekt.debug.connect}, whether each entry's host answers. Fails when something is wrong.
 * Never prints a secret: it names the environment variable or file line a value came from.
 */
@Mojo(name = "debug", threadSafe = true, requiresProject = false)
public class DebugMojo extends AbstractReflektMojo {

    /**
     * The profile of {@code reflekt_profiles.yml} to check. Default: {@code default_profile}; property
     * {@code reflekt.profile}.
     */
    @Parameter(property = "reflekt.profile")
    private String profile;

    /**
     * Also tries to reach each registry and source. Default {@code false}; property
     * {@code reflekt.debug.connect}.
     */
    @Parameter(property = "reflekt.debug.connect", defaultValue = "false")
    private boolean connect;

    /**
     * The collector the events go through: segment, rudderstack or snowplow. When set, debug also says, per source,
     * where that collector's loader puts events in its warehouse and which raw tables a build would read. No
     * default; property {@code reflekt.sdk}.
     */
    @Parameter(property = "reflekt.sdk")
    private String sdk;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.debug.skip}. */
    @Parameter(property = "reflekt.debug.skip", defaultValue = "false")
    private boolean skipDebug;

    @Override
    protected String goal() {
        return "debug";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipDebug;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoFailureException {
        if (connect) {
            requireOnline("with reflekt.debug.connect reaches registries and sources");
        }
        Diagnosis diagnosis = DebugCommand.run(new DebugCommand.Request(dir, profile, connect, sdk, System.getenv()));
        for (Diagnosis.Check check : diagnosis.checks()) {
            switch (check.status()) {
                case FAIL -> getLog().error(check.format());
                case WARN -> getLog().warn(check.format());
                default -> getLog().info(check.format());
            }
        }
        if (diagnosis.failed()) {
            long failed = diagnosis.checks().stream()
                    .filter(c -> c.status() == Diagnosis.Status.FAIL)
                    .count();
            throw new MojoFailureException("Reflekt debug: " + failed + " check" + (failed == 1 ? "" : "s")
                    + " failed; see the [FAIL] lines above.");
        }
        getLog().info("Reflekt debug: configuration OK.");
    }
}
