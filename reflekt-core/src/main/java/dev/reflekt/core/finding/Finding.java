package dev.reflekt.core.finding;

import java.util.Comparator;

/**
 * One problem found in one file.
 *
 * @param rule the rule that found it
 * @param severity its severity after configuration
 * @param file the file, relative to the project directory, with forward slashes
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong
 * @param hint how to fix it, or empty
 */
public record Finding(Rule rule, Severity severity, String file, int line, int column, String message, String hint) {

    /** File, then line, then column, then rule: the order of all output. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::message);

    /** The message followed by the hint: {@code 'cartId' is not snake case; rename it to 'cart_id'}. */
    public String text() {
        return hint.isEmpty() ? message : message + "; " + hint;
    }

    /**
     * The console form:
     * {@code schemas/shop/Cart_Viewed/1-0.json:14:9: error [property-casing] 'cartId' is not snake case; rename it to 'cart_id'}.
     */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.label() + " [" + rule.id() + "] " + text();
    }
}
