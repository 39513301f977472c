package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.project.Conventions;
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
            Place root = new Place("", Definitions.label(doc.file().id()));
            checkDescription(doc, doc.root(), root);
            checkType(doc, doc.root(), root);
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

    /**
     * Where a property is: its JSON Pointer and the name messages show ({@code products[].sku}), written out
     * only when a finding or a nested property needs them; most properties have neither.
     */
    private static final class Place {
        private final String parentPointer;
        private final String prefix;
        private final String name;
        private String pointer;
        private String shown;

        /** The member {@code name} of the object at {@code parentPointer}, shown as {@code prefix + name}. */
        Place(String parentPointer, String prefix, String name) {
            this.parentPointer = parentPointer;
            this.prefix = prefix;
            this.name = name;
        }

        /** A place whose pointer and name are already known. */
        Place(String pointer, String shown) {
            this(null, null, null);
            this.pointer = pointer;
            this.shown = shown;
        }

        String pointer() {
            if (pointer == null) {
                pointer = parentPointer + "/" + LocatedTree.escape(name);
            }
            return pointer;
        }

        String shown() {
            if (shown == null) {
                shown = prefix + name;
            }
            return shown;
        }
    }

    /** A definition inside the file is linted where it is written, once, like a property without a name. */
    private void checkLocalDefinitions(SchemaDocument doc, JsonNode definitions, String pointer, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode definition = e.getValue();
            if (!definition.isObject() || isRef(definition) || EventNameRule.isLintDisabled(definition)) {
                continue;
            }
            Place place = new Place(pointer, prefix, e.getKey());
            checkDescription(doc, definition, place);
            checkType(doc, definition, place);
            if (doc.options().severity(LintRule.NESTED_PROPERTIES) != Severity.OFF) {
                checkNested(doc, definition, place.pointer(), place.shown());
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
            Place place = new Place(pointer, prefix, name);
            if (!definition.isObject()) {
                doc.report(
                        LintRule.SCHEMA_STRUCTURE,
                        place.pointer(),
                        "property '" + place.shown() + "' must be an object (a JSON Schema)",
                        "write it as \"" + name + "\": {\"type\": \"string\", \"description\": \"...\"}");
                continue;
            }
            if (EventNameRule.isLintDisabled(definition)) {
                continue;
            }
            if (!NameRules.PROPERTY.passes(name, conventions.property())) {
                NameRules.PROPERTY.check(doc, place.pointer(), name, place.shown(), conventions.property());
            }
            if (isRef(definition)) {
                continue;
            }
            checkDescription(doc, definition, place);
            checkType(doc, definition, place);
            if (doc.options().severity(LintRule.NESTED_PROPERTIES) != Severity.OFF) {
                checkNested(doc, definition, place);
            }
        }
    }

    private void checkDescription(SchemaDocument doc, JsonNode definition, Place place) {
        JsonNode description = definition.get("description");
        if (description == null
                || !description.isTextual()
                || description.asText().isBlank()) {
            doc.report(
                    LintRule.PROPERTY_DESCRIPTION,
                    place.pointer(),
                    "property '" + place.shown() + "' has no description",
                    "add \"description\": \"<what it means>\"");
        }
    }

    private void checkType(SchemaDocument doc, JsonNode definition, Place place) {
        JsonNode type = definition.get("type");
        if (type == null) {
            doc.report(
                    LintRule.PROPERTY_TYPE,
                    place.pointer(),
                    "property '" + place.shown() + "' has no type",
                    "add \"type\": one of " + conventions.dataTypes());
            return;
        }
        if (type.isTextual()) {
            checkDataType(doc, place, "/type", type.asText());
        } else if (type.isArray() && type.size() > 0) {
            for (int i = 0; i < type.size(); i++) {
                JsonNode t = type.get(i);
                if (t.isTextual()) {
                    checkDataType(doc, place, "/type/" + i, t.asText());
                } else {
                    doc.report(
                            LintRule.PROPERTY_TYPE,
                            place.pointer() + "/type/" + i,
                            "property '" + place.shown() + "' has a type that is not a string",
                            "write type names as strings, e.g. \"string\"");
                }
            }
        } else {
            doc.report(
                    LintRule.PROPERTY_TYPE,
                    place.pointer() + "/type",
                    "property '" + place.shown() + "' has a type that is neither a string nor a list of strings",
                    "write \"type\": \"string\" or \"type\": [\"string\", \"null\"]");
        }
    }

    private void checkDataType(SchemaDocument doc, Place place, String below, String type) {
        if (!conventions.dataTypes().contains(type)) {
            doc.report(
                    LintRule.DATA_TYPE,
                    place.pointer() + below,
                    "property '" + place.shown() + "' has type '" + type + "', which is not allowed",
                    "use one of " + conventions.dataTypes()
                            + " (schemas.conventions.data_types in reflekt_project.yml)");
        }
    }

    private void checkNested(SchemaDocument doc, JsonNode schema, Place place) {
        JsonNode nested = schema.get("properties");
        JsonNode items = schema.get("items");
        if ((nested != null && nested.isObject()) || items != null) {
            checkNested(doc, schema, place.pointer(), place.shown());
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
