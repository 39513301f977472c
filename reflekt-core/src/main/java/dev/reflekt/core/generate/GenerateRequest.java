package dev.reflekt.core.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code reflekt:generate} is asked for.
 *
 * @param languages {@code java} and/or {@code typescript}
 * @param packageName the Java package
 * @param javaDir where Java sources go
 * @param typescriptDir where {@code events.ts} goes
 * @param sdk the SDK name ({@code segment}, {@code rudderstack}, {@code snowplow}, {@code none})
 * @param select which schemas (as {@code reflekt:lint} selects); null for all
 * @param version the generator's version, written in every file's header
 * @param strict an event that cannot be typed fails the goal (nothing is written) instead of being skipped
 */
public record GenerateRequest(
        List<String> languages,
        String packageName,
        Path javaDir,
        Path typescriptDir,
        String sdk,
        String select,
        String version,
        boolean strict) {

    /** A request that skips the events that cannot be typed. */
    public GenerateRequest(
            List<String> languages,
            String packageName,
            Path javaDir,
            Path typescriptDir,
            String sdk,
            String select,
            String version) {
        this(languages, packageName, javaDir, typescriptDir, sdk, select, version, false);
    }
}
