package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.registry.HttpTransport;
import dev.reflekt.core.registry.RegistryRequest;
import dev.reflekt.core.registry.RegistrySync;
import dev.reflekt.core.registry.RetryPolicy;
import java.util.function.Consumer;

/** {@code reflekt:pull}: writes the registry's schemas under {@code schemas/}, then lints what it wrote. */
public final class PullCommand {

    private PullCommand() {}

    /** Pulls {@code request}'s selection; {@code log} receives the transport's retries. */
    public static RegistrySync.PullResult run(
            ReflektProject project,
            RegistryRequest request,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper)
            throws ReflektException {
        RegistrySync.PullResult pulled = RegistrySync.pull(project, request, policy, log, sleeper);
        return pulled.writtenSchemas().isEmpty()
                ? pulled
                : pulled.withFindings(new Linter(project, Severities.defaults())
                        .lint(pulled.writtenSchemas())
                        .findings());
    }
}
