package dev.reflekt.core.dbt;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * The one decision of whether a string can be written as a plain YAML scalar in the files dbt reads. dbt Core
 * reads them with PyYAML (YAML 1.1), dbt 2 (Fusion) with a YAML 1.2 reader; a plain scalar either resolver types
 * as anything but a string (a date, a number in any of YAML 1.1's notations, a boolean word, null, the merge key
 * {@code <<} or the value key {@code =}) is quoted, and so is one that starts with an indicator or holds
 * {@code ": "} or {@code " #"}. The YAML writer ({@link #CHECKER}, for keys and values) and the Velocity
 * templates ({@link #scalar}) both ask it, so text from a schema comes back byte for byte in both readers.
 */
final class YamlScalar {

    private YamlScalar() {}

    /** PyYAML's implicit resolvers for bool (widened: any case, and y/n), null, int, float, merge and value. */
    private static final Pattern YAML_1_1 = Pattern.compile(String.join(
            "|",
            "(?i:y|n|yes|no|true|false|on|off)",
            "~|null|Null|NULL",
            "[-+]?0b[0-1_]+",
            "[-+]?0[0-7_]+",
            "[-+]?(?:0|[1-9][0-9_]*)",
            "[-+]?0x[0-9a-fA-F_]+",
            "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?",
            "\\.[0-9_]+(?:[eE][-+][0-9]+)?",
            "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*",
            "[-+]?\\.(?:inf|Inf|INF)",
            "\\.(?:nan|NaN|NAN)",
            "<<",
            "=",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"));

    /** The YAML 1.2 core schema's null, bool, int and float, and JSON's numbers. */
    private static final Pattern YAML_1_2 = Pattern.compile(String.join(
            "|",
            "null|Null|NULL|~",
            "true|True|TRUE|false|False|FALSE",
            "[-+]?[0-9]+",
            "0o[0-7]+",
            "0x[0-9a-fA-F]+",
            "[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?",
            "[-+]?\\.(?:inf|Inf|INF)",
            "\\.nan|\\.NaN|\\.NAN"));

    /** Characters that start a YAML node or document when they come first. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    /** Whether {@code text} must be quoted to come back as this very string in YAML 1.1 and 1.2 readers. */
    static boolean needsQuotes(String text) {
        if (text.isEmpty()
                || INDICATORS.indexOf(text.charAt(0)) >= 0
                || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))
                || text.endsWith(":")
                || text.contains(": ")
                || text.contains(" #")
                || text.contains(":\t")
                || text.contains("\t#")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20
                    || (c >= 0x7f && c <= 0x9f)
                    || c == 0x2028
                    || c == 0x2029
                    || c == 0xfeff
                    || Character.isSurrogate(c)) {
                return true; // line breaks, controls and unpaired halves are written as escapes
            }
        }
        return YAML_1_1.matcher(text).matches() || YAML_1_2.matcher(text).matches();
    }

    /**
     * {@code text} as a YAML scalar for a template: plain when {@link #needsQuotes} allows, else double-quoted
     * with {@code \\}, {@code "}, controls, line and paragraph separators, the byte order mark and unpaired
     * surrogate halves escaped.
     */
    static String scalar(String text) {
        if (!needsQuotes(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20
                    || (c >= 0x7f && c <= 0x9f)
                    || c == 0x2028
                    || c == 0x2029
                    || c == 0xfeff
                    || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Jackson's YAML writer asks this for every key and string value: its own checks, then {@link #needsQuotes}. */
    static final StringQuotingChecker CHECKER = new StringQuotingChecker() {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteName(String name) {
            return StringQuotingChecker.Default.instance().needToQuoteName(name) || needsQuotes(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return StringQuotingChecker.Default.instance().needToQuoteValue(value) || needsQuotes(value);
        }
    };
}
