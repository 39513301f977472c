package dev.reflekt.core.dbt;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build wrote.
 *
 * @param packageDir the package folder ({@code artifacts/dbt/<package>})
 * @param files the generated files, relative to the package folder, sorted
 * @param models how many staging models were generated
 * @param drift what the schemas promise that the warehouse lacks (empty for an offline build)
 * @param unplanned what the warehouse has in the collector's layout that no schema plans (empty offline)
 * @param changed whether any file differs from the previous build
 */
public record BuildResult(
        Path packageDir,
        List<String> files,
        int models,
        List<Drift> drift,
        List<Unplanned> unplanned,
        boolean changed) {

    /** A result without unplanned tables or columns (an offline build, or a collector that does not report them). */
    public BuildResult(Path packageDir, List<String> files, int models, List<Drift> drift, boolean changed) {
        this(packageDir, files, models, drift, List.of(), changed);
    }
}
