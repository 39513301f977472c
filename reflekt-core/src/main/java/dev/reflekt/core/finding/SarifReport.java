package dev.reflekt.core.finding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.internal.json.JsonText;
import java.util.List;

/** Findings as SARIF 2.1.0, the format GitHub code scanning uploads. */
public final class SarifReport {

    private SarifReport() {}

    /**
     * The SARIF document for {@code result}, whose findings come from {@code rules}; deterministic (no
     * timestamps), LF line endings.
     */
    public static String render(CheckResult result, List<? extends Rule> rules, String toolVersion) {
        return render(result, rules, toolVersion, SourceRoot.NONE);
    }

    /**
     * As {@link #render(CheckResult, List, String)}, with paths relative to {@code source} (the git work tree),
     * declared as the {@code SRCROOT} base that GitHub code scanning resolves against the checkout.
     */
    public static String render(CheckResult result, List<? extends Rule> rules, String toolVersion, SourceRoot source) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
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
            r.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        }
        if (source.uri() != null) {
            run.putObject("originalUriBaseIds").putObject("SRCROOT").put("uri", source.uri());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule().id());
            r.put("ruleIndex", rules.indexOf(f.rule()));
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.text());
            ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation")
                    .put("uri", source.path(f.file()))
                    .put("uriBaseId", "SRCROOT");
            location.putObject("region").put("startLine", f.line()).put("startColumn", f.column());
        }
        return JsonText.pretty(root);
    }

    /** SARIF's level for a severity: {@code error}, {@code warning}, {@code note} for info, {@code none} for off. */
    private static String level(Severity severity) {
        return switch (severity) {
            case INFO -> "note";
            case OFF -> "none";
            default -> severity.label();
        };
    }
}
