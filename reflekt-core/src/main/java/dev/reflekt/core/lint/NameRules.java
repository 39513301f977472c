package dev.reflekt.core.lint;

import dev.reflekt.core.project.NamingConvention;

/** The casing, digits and reserved-name checks shared by event names and property names. */
final class NameRules {

    private final LintRule casing;
    private final LintRule numbers;
    private final LintRule reserved;
    private final String kind;
    private final String configKey;

    private NameRules(LintRule casing, LintRule numbers, LintRule reserved, String kind, String configKey) {
        this.casing = casing;
        this.numbers = numbers;
        this.reserved = reserved;
        this.kind = kind;
        this.configKey = configKey;
    }

    static final NameRules EVENT =
            new NameRules(LintRule.EVENT_CASING, LintRule.EVENT_NUMBERS, LintRule.EVENT_RESERVED, "event", "event");
    static final NameRules PROPERTY = new NameRules(
            LintRule.PROPERTY_CASING, LintRule.PROPERTY_NUMBERS, LintRule.PROPERTY_RESERVED, "property", "property");

    /** Whether {@code name} meets {@code convention}: when not, {@link #check} says how. */
    boolean passes(String name, NamingConvention convention) {
        return convention.casing().matches(name)
                && (convention.numbers() || !hasDigit(name))
                && !convention.reserved().contains(name);
    }

    /**
     * Checks {@code name} against {@code convention}.
     *
     * @param shown how the message names it (a nested property shows its path: {@code products[].sku})
     */
    void check(SchemaDocument doc, String pointer, String name, String shown, NamingConvention convention) {
        if (!convention.casing().matches(name)) {
            doc.report(
                    casing,
                    pointer,
                    "'" + shown + "' is not " + convention.casing().label(),
                    "rename it to '" + convention.casing().apply(name).strip() + "'");
        }
        if (!convention.numbers() && hasDigit(name)) {
            doc.report(
                    numbers,
                    pointer,
                    kind + " name '" + shown + "' contains digits",
                    "remove them, or allow digits with schemas.conventions." + configKey
                            + ".numbers: true in reflekt_project.yml");
        }
        if (convention.reserved().contains(name)) {
            doc.report(
                    reserved,
                    pointer,
                    "'" + shown + "' is a reserved " + kind + " name",
                    "choose another name (reserved: " + convention.reserved() + ")");
        }
    }

    private static boolean hasDigit(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isDigit(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
