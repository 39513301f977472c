package dev.reflekt.core.internal;

/**
 * The one way out to Markdown for strangers' text (schema text, event names from payloads): text, never markup.
 * Report pages ({@code catalog}, {@code events.md}) write such text only through these functions.
 */
public final class MarkdownText {

    private MarkdownText() {}

    /**
     * Schema text as a Markdown code span in a table cell: one line, a fence of more backticks than the text
     * holds in a row, and {@code |} escaped (GitHub's tables split a cell at a bare one, even in code).
     */
    public static String code(String text) {
        String t = text.replace("\r", "").replace("\n", " ").replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
        return fence + pad + t + pad + fence;
    }

    /** Schema text as one line of Markdown text, safe inside a table cell. */
    public static String cell(String text) {
        return inline(text.strip());
    }

    /**
     * The one way out to Markdown for schema text: text, never markup. HTML ({@code <img onerror>}) is written
     * as entities; the characters that make links, images, emphasis, code and table cells ({@code [ ] ` * _ | ~ \})
     * are backslash-escaped; line breaks become spaces.
     */
    public static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> out.append('\\').append(c);
                case '\r' -> {}
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Schema text as Markdown paragraphs: each line as {@link #inline} text, and a line that would start a heading,
     * a list, a quote, a fence or a rule gets its first character escaped.
     */
    public static String paragraph(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\r?\n", -1)) {
            String t = inline(line);
            int at = t.length() - t.stripLeading().length();
            int digits = at;
            while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
                digits++;
            }
            if (at < t.length() && "#+-=".indexOf(t.charAt(at)) >= 0) {
                t = t.substring(0, at) + "\\" + t.substring(at); // a heading, list item or rule
            } else if (digits > at && digits < t.length() && (t.charAt(digits) == '.' || t.charAt(digits) == ')')) {
                t = t.substring(0, digits) + "\\" + t.substring(digits); // an ordered list item
            }
            out.append(t).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
