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
 * @param changed whether any file differs from the previous build
 */
public record BuildResult(Path packageDir, List<String> files, int models, List<Drift> drift, boolean changed) {}
