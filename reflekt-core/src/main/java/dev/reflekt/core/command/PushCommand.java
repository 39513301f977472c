package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.registry.HttpTransport;
import dev.reflekt.core.registry.RegistryRequest;
import dev.reflekt.core.registry.RegistrySync;
import dev.reflekt.core.registry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code reflekt:push}: lints the selection, refuses it on a lint error, then pushes it to the registry. */
public final class PushCommand {

    private PushCommand() {}

    /** Pushes {@code request}'s selection; {@code log} receives the transport's retries. */
    public static RegistrySync.PushResult run(
            ReflektProject project,
            RegistryRequest request,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper)
            throws ReflektException {
        List<SchemaFile> files = project.select(request.select());
        CheckResult lint = new Linter(project, Severities.defaults()).lint(files);
        if (lint.count(Severity.ERROR) > 0) {
            List<String> problems = new ArrayList<>();
            problems.add("Refusing to push: " + CheckResult.plural(lint.count(Severity.ERROR), "lint error") + " in the"
                    + " selected schemas; fix them (mvn reflekt:lint) and push again.");
            lint.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .map(Finding::format)
                    .forEach(problems::add);
            throw new ReflektException(problems);
        }
        return RegistrySync.push(project, files, request, policy, log, sleeper);
    }
}
