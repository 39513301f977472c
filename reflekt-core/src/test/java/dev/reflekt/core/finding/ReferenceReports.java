package dev.reflekt.core.finding;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit report as the first releases wrote it, with StAX: the reference the report writer (which does
 * not load StAX, to keep lint's start-up short) must match byte for byte. StAX is the JDK's own
 * implementation, the one a Maven plugin realm finds (the test class path also holds a shaded Woodstox).
 */
final class ReferenceReports {

    private ReferenceReports() {}

    static String junit(CheckResult result, String name, boolean failOnWarning, SourceRoot root) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            long failures = result.files().stream()
                    .filter(f -> failed(f, failOnWarning))
                    .count();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "reflekt-" + name);
            xml.writeAttribute("tests", String.valueOf(result.files().size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeCharacters("\n");
            for (CheckResult.FileResult file : result.files()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "reflekt." + name);
                xml.writeAttribute("name", file.file());
                xml.writeAttribute("file", root.path(file.file()));
                if (failed(file, failOnWarning)) {
                    StringBuilder text = new StringBuilder("\n");
                    for (Finding f : file.findings()) {
                        text.append(f.format()).append('\n');
                    }
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", file.findings().get(0).rule().id());
                    xml.writeAttribute(
                            "message",
                            file.findings().size() + " finding(s); first: "
                                    + file.findings().get(0).text());
                    xml.writeCharacters(text.toString());
                    xml.writeEndElement();
                    xml.writeCharacters("\n  ");
                } else if (!file.findings().isEmpty()) {
                    StringBuilder text = new StringBuilder();
                    for (Finding f : file.findings()) {
                        text.append(f.format()).append('\n');
                    }
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(text.toString());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static boolean failed(CheckResult.FileResult file, boolean failOnWarning) {
        return file.has(Severity.ERROR) || (failOnWarning && file.has(Severity.WARNING));
    }
}
