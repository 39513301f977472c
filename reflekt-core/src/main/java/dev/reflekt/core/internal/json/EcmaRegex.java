package dev.reflekt.core.internal.json;

import com.networknt.schema.regex.RegularExpressions;
import java.util.regex.Pattern;

/**
 * JSON Schema patterns (ECMA-262) run by the JDK's regex engine, the one way every part of Reflekt runs them: the
 * quick evaluator, the full validator and the checks in generated Java agree on what a pattern means and on when it
 * takes too long.
 *
 * <p>Meaning: ECMA-262 {@code $} matches only at the end of the text (Java's also before a final line break), and
 * {@code \p{Letter}}-style long names are translated, exactly as networknt translates them. Time: a pattern that
 * backtracks without end ({@code ^(a+)+\1$}) is stopped after {@link #budget} character reads, which is milliseconds
 * for any pattern that does not backtrack so, and the caller says so instead of hanging.
 */
public final class EcmaRegex {

    private EcmaRegex() {}

    /** Thrown when a match reads more characters than its budget. */
    public static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String pattern;

        /** {@code pattern}, as written in the schema, ran out of time. */
        public TooSlow(String pattern) {
            super(null, null, false, false);
            this.pattern = pattern;
        }

        /** The pattern as written in the schema. */
        public String pattern() {
            return pattern;
        }

        @Override
        public String getMessage() {
            return "pattern '" + pattern + "' did not finish within " + BASE_BUDGET
                    + " steps (it backtracks without end, e.g. a nested quantifier or a back-reference);"
                    + " simplify the pattern";
        }
    }

    /** The reads a match may make before it is stopped, whatever the text's length. */
    public static final long BASE_BUDGET = 1_000_000L;

    /** Reads allowed per character of text, on top of {@link #BASE_BUDGET}. */
    public static final long PER_CHARACTER = 100L;

    /** The reads a match on {@code length} characters may make. */
    public static long budget(int length) {
        return BASE_BUDGET + PER_CHARACTER * length;
    }

    /** {@code ecma} as Java regex source with the same meaning (the source generated Java compiles). */
    public static String javaSource(String ecma) {
        return RegularExpressions.replaceLongformCharacterProperties(RegularExpressions.replaceDollarAnchors(ecma));
    }

    /**
     * {@code ecma} compiled for {@link #find}.
     *
     * @throws java.util.regex.PatternSyntaxException when it is not a regular expression Java can run
     */
    public static Pattern compile(String ecma) {
        return Pattern.compile(javaSource(ecma));
    }

    /**
     * Whether {@code pattern} matches somewhere in {@code text}, as JSON Schema's {@code pattern} asks.
     *
     * @param source the pattern as written, for the message
     * @throws TooSlow when the match reads more than {@link #budget} characters
     */
    public static boolean find(Pattern pattern, String source, String text) {
        return pattern.matcher(new Counted(text, budget(text.length()), source)).find();
    }

    /** A text whose reads are counted; the matcher reads every character it looks at through {@link #charAt}. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final String source;
        private long left;

        Counted(String text, long budget, String source) {
            this.text = text;
            this.left = budget;
            this.source = source;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
                throw new TooSlow(source);
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
