package dev.reflekt.core.internal;

/**
 * The one way out to a build log for text that may hold a stranger's words (schema keys and descriptions,
 * registry answers, warehouse names): one line, no control characters, no workflow command. A CI runner reads a
 * line that starts with {@code ::} as a command ({@code ::error file=...}, {@code ::add-mask::},
 * {@code ::stop-commands::}); a line break inside a message would start one. Line breaks and other controls are
 * written as {@code \n}-style escapes, so the message stays readable, and a message that would itself start with
 * {@code ::} gets a space in between.
 */
public final class LogText {

    private LogText() {}

    /** {@code text} as one inert log line. */
    public static String line(CharSequence text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        String s = out == null ? text.toString() : out.toString();
        String stripped = s.stripLeading();
        return stripped.startsWith("::")
                ? s.substring(0, s.length() - stripped.length()) + ": :" + stripped.substring(2)
                : s;
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return null;
            default:
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0x85) {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }
}
