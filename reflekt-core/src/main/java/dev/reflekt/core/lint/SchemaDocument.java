package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.Position;
import dev.reflekt.core.project.SchemaFile;
import java.util.ArrayList;
import java.util.List;

/** One parsed schema being linted, and the findings collected for it. */
final class SchemaDocument {

    private final SchemaFile file;
    private final LocatedTree tree;
    private final Severities options;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> pointers = new ArrayList<>();
    private final boolean definition;
    private Resolved resolved;

    SchemaDocument(SchemaFile file, LocatedTree tree, Severities options) {
        this(file, tree, options, false);
    }

    SchemaDocument(SchemaFile file, LocatedTree tree, Severities options, boolean definition) {
        this.file = file;
        this.tree = tree;
        this.options = options;
        this.definition = definition;
    }

    /** Whether the file is a shared definition ({@code schemas/.reflekt/definitions/}), not an event. */
    boolean definition() {
        return definition;
    }

    /** The tree as written. */
    LocatedTree tree() {
        return tree;
    }

    /** The schema with its {@code $ref}s resolved (see {@link #resolve}). */
    Resolved resolved() {
        return resolved;
    }

    void resolve(Definitions definitions) {
        resolved = definitions.resolve(file.id(), tree);
    }

    SchemaFile file() {
        return file;
    }

    JsonNode root() {
        return tree.root();
    }

    Severities options() {
        return options;
    }

    /** Records a finding at the node {@code pointer} unless the rule is off. */
    void report(LintRule rule, String pointer, String message, String hint) {
        Severity severity = options.severity(rule);
        if (severity == Severity.OFF) {
            return;
        }
        Position at = tree == null ? Position.START : tree.position(pointer);
        findings.add(new Finding(rule, severity, file.displayPath(), at.line(), at.column(), message, hint));
        pointers.add(pointer);
    }

    /**
     * The findings, without the generic {@code meta-schema} ones that a specific rule already reported
     * better: the draft-07 meta-schema also rejects {@code "type": "date"}, which {@code data-type}
     * explains with the allowed types.
     */
    List<Finding> findings() {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).rule() != LintRule.META_SCHEMA || !coveredBySpecificRule(pointers.get(i))) {
                kept.add(findings.get(i));
            }
        }
        return kept;
    }

    private boolean coveredBySpecificRule(String metaPointer) {
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).rule() == LintRule.META_SCHEMA) {
                continue;
            }
            String q = pointers.get(i);
            if (q.equals(metaPointer)
                    || q.startsWith(metaPointer + "/")
                    || (q.startsWith("/properties/") && metaPointer.startsWith(q + "/"))) {
                return true;
            }
        }
        return false;
    }
}
