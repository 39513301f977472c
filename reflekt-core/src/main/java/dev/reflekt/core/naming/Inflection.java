package dev.reflekt.core.naming;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word transformations of Python's {@code inflection} library, which the Python Reflekt CLI uses to
 * decide whether a name is in a casing. Reproduced regex for regex so that a name passes here exactly
 * when it passes there.
 */
public final class Inflection {

    private static final Pattern ACRONYM_THEN_WORD = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z\\d])([A-Z])");
    private static final Pattern START_OR_UNDERSCORE = Pattern.compile("(?:^|_)(.)");
    private static final Pattern TRAILING_ID = Pattern.compile("_id$");
    private static final Pattern ALNUM_RUN = Pattern.compile("(?i)([a-z\\d]*)");
    private static final Pattern FIRST_WORD_CHAR = Pattern.compile("^\\w", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD_START = Pattern.compile("\\b('?\\w)", Pattern.UNICODE_CHARACTER_CLASS);

    private Inflection() {}

    /** {@code inflection.underscore}: {@code CartId} → {@code cart_id}, {@code HTTPCode} → {@code http_code}. */
    public static String underscore(String word) {
        String w = ACRONYM_THEN_WORD.matcher(word).replaceAll("$1_$2");
        w = LOWER_THEN_UPPER.matcher(w).replaceAll("$1_$2");
        return w.replace('-', '_').toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code inflection.camelize(word, uppercase_first_letter)}. */
    public static String camelize(String word, boolean uppercaseFirstLetter) {
        if (word.isEmpty()) {
            return word;
        }
        String upper = replace(START_OR_UNDERSCORE, word, m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
        if (uppercaseFirstLetter) {
            return upper;
        }
        return word.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + upper.substring(1);
    }

    /** {@code inflection.humanize}: {@code employee_salary} → {@code Employee salary}. */
    public static String humanize(String word) {
        String w = TRAILING_ID.matcher(word).replaceAll("");
        w = w.replace('_', ' ');
        w = replace(ALNUM_RUN, w, m -> m.group(1).toLowerCase(java.util.Locale.ROOT));
        return replace(FIRST_WORD_CHAR, w, m -> m.group().toUpperCase(java.util.Locale.ROOT));
    }

    /** {@code inflection.titleize}: {@code order_completed} → {@code Order Completed}. */
    public static String titleize(String word) {
        String titled = pythonTitle(humanize(underscore(word)));
        return replace(WORD_START, titled, m -> pythonCapitalize(m.group(1)));
    }

    /** Python's {@code str.title()}: a letter after a non-letter is upper-cased, other letters lower-cased. */
    static String pythonTitle(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean cased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
            if (cased) {
                out.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            } else {
                out.appendCodePoint(cp);
            }
            previousCased = cased;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Python's {@code str.capitalize()}. */
    static String pythonCapitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int n = Character.charCount(first);
        return new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(s.substring(n).toLowerCase(java.util.Locale.ROOT))
                .toString();
    }

    private static String replace(
            Pattern pattern, String input, java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(input);
        StringBuilder out = new StringBuilder(input.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
