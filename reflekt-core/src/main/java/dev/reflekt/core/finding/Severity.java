package dev.reflekt.core.finding;

import java.util.Locale;

/** How much a finding matters. {@link #OFF} turns a rule off; {@link #INFO} is reported and never fails a build. */
public enum Severity {
    ERROR,
    WARNING,
    INFO,
    OFF;

    /** Parses {@code error}, {@code warning} (or {@code warn}), {@code info} and {@code off}, in any case. */
    public static Severity parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("warn")) {
            return WARNING;
        }
        return valueOf(v.toUpperCase(Locale.ROOT));
    }

    /** The lower-case word used in output: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
