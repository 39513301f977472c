package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.internal.json.SchemaViolation;
import dev.reflekt.core.project.ReflektProject;

/**
 * What makes a shared definition one: it lives at {@code schemas/.reflekt/definitions/<name>/<MAJOR-MINOR>.json},
 * has no {@code self} block (it is not an event), its {@code $id}, when present, is its path, and it is a
 * valid draft-07 JSON Schema.
 */
final class DefinitionRule implements SchemaRule {

    private static final SchemaValidator DRAFT_07 = SchemaValidator.compile(
            "classpath:dev/reflekt/core/lint/definition.json",
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("$ref", "http://json-schema.org/draft-07/schema#"));

    @Override
    public void check(SchemaDocument doc) {
        String id = doc.file().id();
        String[] parts = id.substring(Definitions.PREFIX.length()).split("/");
        if (parts.length != 2) {
            doc.report(
                    LintRule.SCHEMA_STRUCTURE,
                    "",
                    "a definition must be at schemas/" + Definitions.PREFIX + "<name>/<MAJOR-MINOR>.json",
                    "move it to schemas/" + Definitions.PREFIX + "<name>/1-0.json");
        } else if (!IdentityRule.VERSION
                .matcher(parts[1].replaceFirst("\\.json$", ""))
                .matches()) {
            doc.report(
                    LintRule.VERSION_FORMAT,
                    "",
                    "file name '" + parts[1] + "' is not a MAJOR-MINOR version",
                    "rename it like 1-0.json or 2-1.json (MAJOR from 1, MINOR from 0)");
        }
        if (doc.root().has("self")) {
            doc.report(
                    LintRule.SCHEMA_STRUCTURE,
                    "/self",
                    "a definition has no 'self' block: it is part of events, not an event",
                    "remove 'self', or move the file to schemas/<plan>/<Event_Name>/ if it is an event");
        }
        JsonNode declared = doc.root().get("$id");
        if (declared != null && !declared.asText().equals(id)) {
            doc.report(
                    LintRule.ID_MATCHES_PATH,
                    "/$id",
                    "'$id' is \"" + declared.asText() + "\" but the file is " + ReflektProject.SCHEMAS_DIR + "/" + id,
                    "set '$id' to \"" + id + "\" or remove it");
        }
        for (SchemaViolation v : DRAFT_07.validate(doc.root())) {
            String where = v.dottedPath().isEmpty() ? "" : "'" + v.dottedPath() + "': ";
            doc.report(
                    LintRule.META_SCHEMA,
                    v.pointer(),
                    where + v.message(),
                    "make the definition a valid draft-07 JSON Schema");
        }
    }
}
