package dev.reflekt.core.infer;

import java.util.function.Predicate;

/**
 * The formats {@code reflekt:infer} writes when every sample has one, tested with the very implementation lint's and
 * {@code check-events}' validator asserts them with (networknt's), so an inferred format never refuses a sample.
 */
final class SampleFormats {

    private SampleFormats() {}

    static final Predicate<String> DATE_TIME = of("date-time");
    static final Predicate<String> UUID = of("uuid");
    static final Predicate<String> EMAIL = of("email");

    private static Predicate<String> of(String name) {
        for (com.networknt.schema.format.Format f : com.networknt.schema.format.Formats.DEFAULT) {
            if (f.getName().equals(name)) {
                return text -> f.matches(null, text);
            }
        }
        throw new IllegalStateException("networknt has no format " + name);
    }
}
