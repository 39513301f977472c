package dev.reflekt.core.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.dbt.DbtBuilder;
import dev.reflekt.core.dbt.LoadChecks;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.lint.LoadProblems;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code reflekt:lint}: the selected schemas (and the shared definitions they use) against the project's rules. */
public final class LintCommand {

    private LintCommand() {}

    /**
     * What to lint and how.
     *
     * @param select the selection ({@code reflekt.select}); blank for every schema
     * @param severities each rule's severity
     * @param dialect the warehouse the schemas load into, for the warehouse rules; blank for none
     * @param sdk the collector, for its load and rename rules; blank for the default collector, as {@code build}
     */
    public record Request(String select, Severities severities, String dialect, String sdk) {}

    public static CheckResult run(ReflektProject project, Request request) throws ReflektException {
        Optional<Dialect> target = dialect(request.dialect());
        // with no -Dreflekt.sdk, the collector build uses by default, whose renames the warehouse rules check (it
        // has no load problems of its own); with neither a collector nor a warehouse, no collector is needed
        String sdk = blank(request.sdk()) ? DbtBuilder.DEFAULT_SDK : request.sdk();
        Optional<LoadProblems> collector = blank(request.sdk()) && target.isEmpty()
                ? Optional.empty()
                : Optional.of(loadProblems(sdk, target, project.config().dbt()));
        Linter linter = new Linter(project, request.severities(), target, collector);
        return linter.lint(project.selectSome(request.select()), blank(request.select()));
    }

    /**
     * The {@code collector-load} checks of the collector {@code sdk} for lint.
     *
     * @throws ReflektException when no collector has that name
     */
    public static LoadProblems loadProblems(String sdk, Optional<Dialect> dialect, DbtConfig dbt)
            throws ReflektException {
        LoadChecks checks = LoadChecks.of(sdk, dialect, dbt);
        return new LoadProblems() {
            @Override
            public List<Problem> check(JsonNode schema) {
                return checks.check(schema).stream()
                        .map(f -> new Problem(f.pointer(), f.message(), f.fix()))
                        .toList();
            }

            @Override
            public String product() {
                return checks.product();
            }

            @Override
            public Optional<String> renamed(String property) {
                return checks.renamed(property);
            }
        };
    }

    /** The dialect named with {@code -Dreflekt.dialect}, or none; an unknown name is an error. */
    static Optional<Dialect> dialect(String name) throws ReflektException {
        if (blank(name)) {
            return Optional.empty();
        }
        return Optional.of(Dialect.of(name)
                .orElseThrow(() -> new ReflektException("Dialect '" + name + "' is not known; use one of "
                        + Arrays.stream(Dialect.all()).map(Dialect::name).toList() + " in -Dreflekt.dialect.")));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
