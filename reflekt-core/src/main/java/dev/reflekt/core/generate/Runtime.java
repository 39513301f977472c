package dev.reflekt.core.generate;

import dev.reflekt.core.internal.Templates;
import java.util.Map;

/**
 * The two helper classes generated into every package beside the events, so that generated code needs no library:
 * {@code Violations} (where a failed constraint goes) and {@code ReflektJson} (JSON text, copies, comparisons),
 * written from their templates ({@code src/main/resources/dev/reflekt/core/generate/java/*.java.vm}).
 */
final class Runtime {

    private Runtime() {}

    static String violations(String pkg) {
        return Templates.render("dev/reflekt/core/generate/java/Violations.java.vm", Map.of("pkg", pkg));
    }

    static String json(String pkg) {
        return Templates.render("dev/reflekt/core/generate/java/ReflektJson.java.vm", Map.of("pkg", pkg));
    }
}
