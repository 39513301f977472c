package dev.reflekt.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The reports as the first releases wrote them, with Jackson databind and StAX: the reference the report
 * writers (which load neither, to keep lint's start-up short) must match byte for byte. StAX is the JDK's own
 * implementation, the one a Maven plugin realm finds (the test class path also holds a shaded Woodstox).
 */
final class ReferenceReports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReferenceReports() {}

    static String sarif(CheckResult result, List<? extends Rule> rules, String toolVersion, SourceRoot source) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "reflekt");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/reflekt-dev/reflekt-maven-plugin");
        ArrayNode ruleNodes = driver.putArray("rules");
        for (Rule rule : rules) {
            ObjectNode r = ruleNodes.addObject();
            r.put("id", rule.id());
            r.putObject("shortDescription").put("text", rule.description());
            r.putObject("defaultConfiguration")
                    .put("level", rule.defaultSeverity().label());
        }
        if (source.uri() != null) {
            run.putObject("originalUriBaseIds").putObject("SRCROOT").put("uri", source.uri());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule().id());
            r.put("ruleIndex", rules.indexOf(f.rule()));
            r.put("level", f.severity().label());
            r.putObject("message").put("text", f.text());
            ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation")
                    .put("uri", source.path(f.file()))
                    .put("uriBaseId", "SRCROOT");
            location.putObject("region").put("startLine", f.line()).put("startColumn", f.column());
        }
        try {
            return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

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
