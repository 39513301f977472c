package dev.reflekt.core.generate;

/**
 * Schema text made safe for the places generated code puts it: string literals and doc comments, in Java and
 * TypeScript. Schema text is input from strangers: nothing in it may end a literal or a comment, or become code.
 */
final class Text {

    private Text() {}

    /**
     * A Java string literal of {@code s}. Non-ASCII characters become {@code \}{@code uXXXX} escapes (safe from
     * the compiler's encoding), control characters octal escapes: a {@code \}{@code u000a} escape would be read as
     * a real line break before the literal is.
     */
    static String javaString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else if (c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A TypeScript (and JSON) string literal of {@code s}. */
    static String tsString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The lines of a doc comment holding {@code s} as plain text: HTML, {@code @} tags, comment ends and
     * backslashes (which Java reads as unicode escapes even in comments) are written as HTML entities; control
     * characters become spaces.
     */
    static String doc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '/' -> out.append(i > 0 && s.charAt(i - 1) == '*' ? "&#47;" : "/");
                case '*' -> out.append(i + 1 < s.length() && s.charAt(i + 1) == '/' ? "&#42;" : "*");
                case '\n' -> out.append('\n');
                default -> out.append(c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 ? ' ' : c);
            }
        }
        return out.toString().strip();
    }

    /** {@code text} as doc comment lines at {@code indent}, or nothing when it is empty. */
    static void docComment(StringBuilder out, String indent, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            if (p == null || p.isBlank()) {
                continue;
            }
            if (body.length() > 0) {
                body.append(indent).append(" *\n");
            }
            for (String line : p.split("\n", -1)) {
                body.append(indent).append(" * ").append(line.stripTrailing()).append('\n');
            }
        }
        if (body.length() == 0) {
            return;
        }
        out.append(indent).append("/**\n").append(body).append(indent).append(" */\n");
    }
}
