package dev.reflekt.core.collector.amplitude;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names Reflekt gives what Amplitude keeps under the names sent: a model per event type and a column per
 * property, snake case ({@code Order Completed} → {@code order_completed}, {@code cartId} → {@code cart_id}),
 * nested keys joined with {@code _}. Only {@code [a-z0-9_]} is kept, so a name is always a plain identifier.
 */
final class AmplitudeNames {

    private static final Pattern ACRONYM = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z\\d])([A-Z])");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private AmplitudeNames() {}

    /** One name in snake case; empty when it has no letter or digit. */
    static String snake(String name) {
        String out = ACRONYM.matcher(name).replaceAll("$1_$2");
        out = WORD_BOUNDARY.matcher(out).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        out = OTHER.matcher(out).replaceAll("_");
        return out.replaceAll("^_+|_+$", "");
    }

    /** A property's column: each key in snake case, joined with {@code _}; {@code property} when none is left. */
    static String column(List<String> keys) {
        List<String> parts = new ArrayList<>();
        keys.forEach(k -> {
            String s = snake(k);
            if (!s.isEmpty()) {
                parts.add(s);
            }
        });
        return parts.isEmpty() ? "property" : String.join("_", parts);
    }
}
