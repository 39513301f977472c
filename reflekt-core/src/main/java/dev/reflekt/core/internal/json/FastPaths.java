package dev.reflekt.core.internal.json;

import java.util.Set;

/**
 * The fast paths that shadow a library, and the switch that turns them off for measurement: the JVM system
 * property {@code dev.reflekt.slowPaths} ({@code json,quick} or {@code all}), read once; {@code bench/lint.sh}
 * uses it to time each one's share of the goal. Not a user setting: answers are the same either way, only slower.
 */
final class FastPaths {

    private static final Set<String> OFF =
            Set.of(System.getProperty("dev.reflekt.slowPaths", "").split(","));

    /** {@link FastJsonReader} before Jackson. */
    static final boolean JSON = on("json");

    /** {@link QuickSchema} before networknt. */
    static final boolean QUICK = on("quick");

    private FastPaths() {}

    private static boolean on(String name) {
        return !OFF.contains(name) && !OFF.contains("all");
    }
}
