package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.project.Conventions;
import dev.reflekt.core.report.Severity;
import java.util.Iterator;
import java.util.Map;

/**
 * The property rules ({@code property-*}, {@code data-type}) on every property, including those nested
 * in objects and array {@code items} unless {@code nested-properties} is off. A property with
 * {@code "lint": false} is skipped with everything inside it.
 */
final class PropertyRule implements SchemaRule {

    private final Conventions conventions;

    PropertyRule(Conventions conventions) {
        this.conventions = conventions;
    }

    @Override
    public void check(SchemaDocument doc) {
        if (doc.definition()) {
            String name = Definitions.label(doc.file().id());
            checkDescription(doc, doc.root(), "", name);
            checkType(doc, doc.root(), "", name);
            checkNested(doc, doc.root(), "", "");
        } else {
            checkProperties(doc, doc.root().get("properties"), "/properties", "");
        }
        for (String keyword : new String[] {"definitions", "$defs"}) {
            JsonNode local = doc.root().get(keyword);
            if (local != null && local.isObject()) {
                checkLocalDefinitions(doc, local, "/" + LocatedTree.escape(keyword), "#/" + keyword + "/");
            }
        }
    }

    /** A definition inside the file is linted where it is written, once, like a property without a name. */
    private void checkLocalDefinitions(SchemaDocument doc, JsonNode definitions, String pointer, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = pointer + "/" + LocatedTree.escape(e.getKey());
            String shown = prefix + e.getKey();
            JsonNode definition = e.getValue();
            if (!definition.isObject() || isRef(definition) || EventNameRule.isLintDisabled(definition)) {
                continue;
            }
            checkDescription(doc, definition, at, shown);
            checkType(doc, definition, at, shown);
            if (doc.options().severity(LintRule.NESTED_PROPERTIES) != Severity.OFF) {
                checkNested(doc, definition, at, shown);
            }
        }
    }

    /**
     * Whether a property is a {@code $ref}: its description and type are linted where its target is
     * written (a definition file, or the file's own definitions), once for every event that uses it.
     */
    static boolean isRef(JsonNode definition) {
        return definition.path("$ref").isTextual();
    }

    private void checkProperties(SchemaDocument doc, JsonNode properties, String pointer, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode definition = e.getValue();
            String at = pointer + "/" + LocatedTree.escape(name);
            String shown = prefix + name;
            if (!definition.isObject()) {
                doc.report(
                        LintRule.SCHEMA_STRUCTURE,
                        at,
                        "property '" + shown + "' must be an object (a JSON Schema)",
                        "write it as \"" + name + "\": {\"type\": \"string\", \"description\": \"...\"}");
                continue;
            }
            if (EventNameRule.isLintDisabled(definition)) {
                continue;
            }
            NameRules.PROPERTY.check(doc, at, name, shown, conventions.property());
            if (isRef(definition)) {
                continue;
            }
            checkDescription(doc, definition, at, shown);
            checkType(doc, definition, at, shown);
            if (doc.options().severity(LintRule.NESTED_PROPERTIES) != Severity.OFF) {
                checkNested(doc, definition, at, shown);
            }
        }
    }

    private void checkDescription(SchemaDocument doc, JsonNode definition, String at, String shown) {
        JsonNode description = definition.get("description");
        if (description == null
                || !description.isTextual()
                || description.asText().isBlank()) {
            doc.report(
                    LintRule.PROPERTY_DESCRIPTION,
                    at,
                    "property '" + shown + "' has no description",
                    "add \"description\": \"<what it means>\"");
        }
    }

    private void checkType(SchemaDocument doc, JsonNode definition, String at, String shown) {
        JsonNode type = definition.get("type");
        if (type == null) {
            doc.report(
                    LintRule.PROPERTY_TYPE,
                    at,
                    "property '" + shown + "' has no type",
                    "add \"type\": one of " + conventions.dataTypes());
            return;
        }
        if (type.isTextual()) {
            checkDataType(doc, at + "/type", shown, type.asText());
        } else if (type.isArray() && type.size() > 0) {
            for (int i = 0; i < type.size(); i++) {
                JsonNode t = type.get(i);
                if (t.isTextual()) {
                    checkDataType(doc, at + "/type/" + i, shown, t.asText());
                } else {
                    doc.report(
                            LintRule.PROPERTY_TYPE,
                            at + "/type/" + i,
                            "property '" + shown + "' has a type that is not a string",
                            "write type names as strings, e.g. \"string\"");
                }
            }
        } else {
            doc.report(
                    LintRule.PROPERTY_TYPE,
                    at + "/type",
                    "property '" + shown + "' has a type that is neither a string nor a list of strings",
                    "write \"type\": \"string\" or \"type\": [\"string\", \"null\"]");
        }
    }

    private void checkDataType(SchemaDocument doc, String at, String shown, String type) {
        if (!conventions.dataTypes().contains(type)) {
            doc.report(
                    LintRule.DATA_TYPE,
                    at,
                    "property '" + shown + "' has type '" + type + "', which is not allowed",
                    "use one of " + conventions.dataTypes()
                            + " (schemas.conventions.data_types in reflekt_project.yml)");
        }
    }

    /** Lints the properties of an object schema and of array {@code items}, at any depth. */
    private void checkNested(SchemaDocument doc, JsonNode schema, String at, String shown) {
        JsonNode nested = schema.get("properties");
        if (nested != null && nested.isObject()) {
            checkProperties(doc, nested, at + "/properties", shown.isEmpty() ? "" : shown + ".");
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject() && !isRef(items)) {
            checkNested(doc, items, at + "/items", shown + "[]");
        } else if (items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                checkNested(doc, items.get(i), at + "/items/" + i, shown + "[" + i + "]");
            }
        }
    }
}
