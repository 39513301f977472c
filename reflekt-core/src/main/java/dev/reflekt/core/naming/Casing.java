package dev.reflekt.core.naming;

import java.util.Locale;

/**
 * A naming convention from {@code reflekt_project.yml} ({@code casing:}). A name is in a casing when
 * converting it to that casing leaves it unchanged, as in the Python Reflekt CLI.
 */
public enum Casing {
    /** {@code Order Completed}. */
    TITLE("title case"),
    /** {@code cart_id}. */
    SNAKE("snake case"),
    /** {@code cartId}. */
    CAMEL("camel case"),
    /** {@code CartId}. */
    PASCAL("pascal case"),
    /** Any name is accepted. */
    ANY("any case");

    private final String label;

    Casing(String label) {
        this.label = label;
    }

    /** Parses the config value ({@code title}, {@code snake}, ...). */
    public static Casing fromConfig(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** How a message names this casing: {@code snake case}. */
    public String label() {
        return label;
    }

    /** {@code name} converted to this casing. */
    public String apply(String name) {
        switch (this) {
            case SNAKE:
                return Inflection.underscore(name).replace(" ", "_");
            case CAMEL:
                return Inflection.camelize(name, false).replace(" ", "");
            case PASCAL:
                return Inflection.camelize(name, true).replace(" ", "");
            case TITLE:
                return Inflection.titleize(name);
            default:
                return name;
        }
    }

    /** Whether {@code name} is already in this casing. */
    public boolean matches(String name) {
        return apply(name).equals(name);
    }
}
