package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.PullCommand;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.registry.RegistryRequest;
import dev.reflekt.core.registry.RegistrySync;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pulls schemas from the profile's registry into {@code schemas/}. A local file that differs from the
 * registry's is kept unless {@code reflekt.force}; the pulled schemas are linted and the findings
 * listed. Runs with or without a pom.
 */
@Mojo(name = "pull", threadSafe = true, requiresProject = false, requiresOnline = true)
public class PullMojo extends AbstractRegistryMojo {

    /**
     * Overwrites local schemas that differ from the registry's. Default {@code false}; property
     * {@code reflekt.force}.
     */
    @Parameter(property = "reflekt.force", defaultValue = "false")
    private boolean force;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.pull.skip}. */
    @Parameter(property = "reflekt.pull.skip", defaultValue = "false")
    private boolean skipPull;

    @Override
    protected String goal() {
        return "pull";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipPull;
    }

    @Override
    protected void run(Path dir) throws ReflektException {
        requireOnline("reads schemas from a registry");
        RegistryRequest request = new RegistryRequest(
                select, profile, registry, false, false, force, secrets(), secretsOrigin(), System.getenv());
        RegistrySync.PullResult result =
                PullCommand.run(loadProject(dir), request, policy(), getLog()::warn, d -> Thread.sleep(d.toMillis()));
        result.written().forEach(f -> getLog().info("  wrote " + f));
        result.unchanged().forEach(f -> getLog().info("  unchanged " + f));
        result.kept().forEach(f -> getLog().warn("  kept " + f + ": it differs from the registry's; pull with"
                + " -Dreflekt.force=true to overwrite it"));
        result.notes().forEach(n -> getLog().warn("  " + n));
        result.refused().forEach(n -> getLog().error("  " + n));
        for (Finding f : result.findings()) {
            if (f.severity() == dev.reflekt.core.finding.Severity.ERROR) {
                getLog().error(f.format());
            } else {
                getLog().warn(f.format());
            }
        }
        getLog().info("Reflekt pull from " + result.registry() + ": "
                + result.written().size() + " written, "
                + result.unchanged().size() + " unchanged, " + result.kept().size() + " kept"
                + (result.findings().isEmpty()
                        ? ""
                        : "; " + result.findings().size() + " lint findings in the pulled"
                                + " schemas (listed above)"));
        if (!result.clean()) {
            throw new ReflektException("Reflekt pull: "
                    + (result.refused().isEmpty() ? "" : result.refused().size() + " schema(s) refused; ")
                    + "the pulled schemas do not lint clean (listed above). Fix them in the registry, or here"
                    + " before you build or push them.");
        }
    }
}
