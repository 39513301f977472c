package dev.reflekt.core.finding;

/**
 * Check results as JUnit XML: one test case a schema, failed when it has an error (or, with
 * {@code failOnWarning}, a warning). CI servers show it like any test report.
 */
public final class JUnitReport {

    private JUnitReport() {}

    /** The XML document for the check {@code name}; deterministic (no timestamps or host names). */
    public static String render(CheckResult result, String name, boolean failOnWarning) {
        return render(result, name, failOnWarning, SourceRoot.NONE);
    }

    /** As {@link #render(CheckResult, String, boolean)}, each test case's {@code file} relative to {@code root}. */
    public static String render(CheckResult result, String name, boolean failOnWarning, SourceRoot root) {
        long failures =
                result.files().stream().filter(f -> failed(f, failOnWarning)).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite");
        attribute(xml, "name", "reflekt-" + name);
        attribute(xml, "tests", String.valueOf(result.files().size()));
        attribute(xml, "failures", String.valueOf(failures));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", "0");
        xml.append(">\n");
        for (CheckResult.FileResult file : result.files()) {
            xml.append("  <testcase");
            attribute(xml, "classname", "reflekt." + name);
            attribute(xml, "name", file.name());
            if (!file.file().isEmpty()) {
                attribute(xml, "file", root.path(file.file()));
            }
            xml.append('>');
            if (failed(file, failOnWarning)) {
                xml.append("\n    <failure");
                attribute(xml, "type", file.findings().get(0).rule().id());
                attribute(
                        xml,
                        "message",
                        file.findings().size() + " finding(s); first: "
                                + file.findings().get(0).text());
                xml.append(">\n");
                text(xml, file);
                xml.append("</failure>\n  ");
            } else if (!file.findings().isEmpty()) {
                xml.append("<system-out>");
                text(xml, file);
                xml.append("</system-out>");
            }
            xml.append("</testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static void text(StringBuilder xml, CheckResult.FileResult file) {
        for (Finding f : file.findings()) {
            escape(xml, f.format(), false);
            xml.append('\n');
        }
    }

    private static void attribute(StringBuilder xml, String name, String value) {
        xml.append(' ').append(name).append("=\"");
        escape(xml, value, true);
        xml.append('"');
    }

    /**
     * The one way out to XML for schema text: {@code & < >} always, {@code "} in attribute values, and every
     * character XML 1.0 does not allow (controls other than tab, line feed and carriage return, unpaired surrogate
     * halves, U+FFFE and U+FFFF) written as a visible {@code \\uXXXX}, so the file always parses.
     */
    static void escape(StringBuilder xml, String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                xml.append(c).append(text.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                default -> {
                    boolean allowed = c == '\t'
                            || c == '\n'
                            || c == '\r'
                            || (c >= 0x20 && c < 0xfffe && !Character.isSurrogate(c));
                    if (allowed) {
                        xml.append(c);
                    } else {
                        xml.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
    }

    private static boolean failed(CheckResult.FileResult file, boolean failOnWarning) {
        return file.has(Severity.ERROR) || (failOnWarning && file.has(Severity.WARNING));
    }
}
