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
        return plainlyIn(name) || apply(name).equals(name);
    }

    /**
     * Whether {@code name} is in this casing by a character scan: true only for the ASCII shapes that the
     * regular expressions of {@link Inflection} leave unchanged (checked name by name in the tests), so
     * that the usual names skip them; anything else goes through {@link #apply}.
     */
    boolean plainlyIn(String name) {
        if (name.isEmpty()) {
            return false;
        }
        switch (this) {
            case SNAKE:
                return allOf(name, 0, "abcdefghijklmnopqrstuvwxyz0123456789_");
            case CAMEL:
                return isLower(name.charAt(0)) && allOf(name, 1, LETTERS_DIGITS);
            case PASCAL:
                return isUpper(name.charAt(0)) && allOf(name, 1, LETTERS_DIGITS);
            case TITLE:
                return isTitleWords(name);
            default:
                return true;
        }
    }

    private static final String LETTERS_DIGITS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static boolean allOf(String name, int from, String allowed) {
        for (int i = from; i < name.length(); i++) {
            if (allowed.indexOf(name.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Words of one ASCII capital and lower-case letters, one space apart: {@code Order Completed}. */
    private static boolean isTitleWords(String name) {
        boolean wordStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (wordStart) {
                if (!isUpper(c)) {
                    return false;
                }
                wordStart = false;
            } else if (c == ' ') {
                wordStart = true;
            } else if (!isLower(c)) {
                return false;
            }
        }
        return !wordStart;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
