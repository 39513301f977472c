package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.PushCommand;
import dev.reflekt.core.registry.PushOutcome;
import dev.reflekt.core.registry.PushPlan;
import dev.reflekt.core.registry.RegistryRequest;
import dev.reflekt.core.registry.RegistrySync;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pushes schemas to the profile's registry (Iglu Server, Confluent-compatible registries). Lints them
 * first and refuses schemas with lint errors; reports per schema what was created, updated, unchanged,
 * deleted or failed; fails if anything failed (what succeeded is listed, not rolled back). Runs with or
 * without a pom.
 */
@Mojo(
        name = "push",
        defaultPhase = LifecyclePhase.DEPLOY,
        threadSafe = true,
        requiresProject = false,
        requiresOnline = true)
public class PushMojo extends AbstractRegistryMojo {

    /** Prints the plan and changes nothing. Default {@code false}; property {@code reflekt.dryRun}. */
    @Parameter(property = "reflekt.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Also deletes what the registry has (for the same vendors) and the selection lacks. Default
     * {@code false}; property {@code reflekt.delete}.
     */
    @Parameter(property = "reflekt.delete", defaultValue = "false")
    private boolean delete;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.push.skip}. */
    @Parameter(property = "reflekt.push.skip", defaultValue = "false")
    private boolean skipPush;

    @Override
    protected String goal() {
        return "push";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipPush;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException, MojoFailureException {
        requireOnline("sends schemas to a registry");
        RegistryRequest request = new RegistryRequest(
                select, profile, registry, dryRun, delete, false, secrets(), secretsOrigin(), System.getenv());
        RegistrySync.PushResult result =
                PushCommand.run(loadProject(dir), request, policy(), getLog()::warn, d -> Thread.sleep(d.toMillis()));
        getLog().info("Reflekt push to " + result.registry() + " (credentials: " + result.credentials() + ")");
        if (dryRun) {
            for (PushPlan.Change c : result.plan().changes()) {
                getLog().info("  would " + c.action().name().toLowerCase(java.util.Locale.ROOT) + " " + c.id() + " ("
                        + c.target() + ")" + (c.detail().isEmpty() ? "" : ": " + c.detail()));
            }
            getLog().info("Reflekt push (dry run): " + summary(result.plan()) + "; nothing was changed.");
            if (result.plan().count(PushPlan.Action.REFUSED) > 0) {
                throw new MojoFailureException("The registry would refuse "
                        + result.plan().count(PushPlan.Action.REFUSED) + " schema(s); see the lines above.");
            }
            return;
        }
        long failed = 0;
        for (PushOutcome o : result.outcomes()) {
            if (o.ok()) {
                getLog().info("  " + o.describe());
            } else {
                getLog().error("  " + o.describe());
                failed++;
            }
        }
        getLog().info("Reflekt push: " + PushOutcome.summary(result.outcomes()));
        if (failed > 0) {
            throw new MojoFailureException("Reflekt push: " + failed + " of "
                    + result.outcomes().size() + " schemas failed; the others were pushed (listed above).");
        }
    }

    private static String summary(PushPlan plan) {
        return plan.count(PushPlan.Action.CREATE) + " created, " + plan.count(PushPlan.Action.UPDATE) + " updated, "
                + plan.count(PushPlan.Action.UNCHANGED) + " unchanged, " + plan.count(PushPlan.Action.DELETE)
                + " deleted"
                + (plan.count(PushPlan.Action.REFUSED) > 0
                        ? ", " + plan.count(PushPlan.Action.REFUSED) + " refused"
                        : "");
    }
}
