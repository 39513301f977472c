package dev.reflekt.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One event schema as Markdown, for reviewers who do not read JSON: name, description, version,
 * metadata, then a table of properties (nested ones dotted, array items as {@code []}).
 *
 * <p>A property is marked required only when its own object lists it in {@code required}.
 */
public final class SchemaPage {

    private static final List<String> CONSTRAINTS = List.of(
            "const",
            "format",
            "pattern",
            "minimum",
            "exclusiveMinimum",
            "maximum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems",
            "default");

    private SchemaPage() {}

    /** One row of the properties table. */
    record Row(String path, String type, boolean required, String description, String constraints) {}

    /** The Markdown page of {@code schema}, whose file is {@code schemas/<id>}. */
    public static String render(String id, JsonNode schema) {
        JsonNode self = schema.path("self");
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(self.path("name").asText(id))).append("\n\n");
        String description = schema.path("description").asText("");
        if (!description.isBlank()) {
            md.append(description.strip()).append("\n\n");
        }
        md.append("| | |\n| --- | --- |\n");
        md.append("| Schema | `").append(id).append("` |\n");
        md.append("| Version | ").append(cell(self.path("version").asText(""))).append(" |\n");
        md.append("| Vendor | ").append(cell(self.path("vendor").asText(""))).append(" |\n");
        JsonNode metadata = self.path("metadata");
        if (metadata.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                md.append("| ")
                        .append(cell(e.getKey()))
                        .append(" | ")
                        .append(cell(scalar(e.getValue())))
                        .append(" |\n");
            }
        }
        md.append("\n## Properties\n\n");
        List<Row> rows = new ArrayList<>();
        collect(schema, "", rows);
        if (rows.isEmpty()) {
            md.append("This event has no properties.\n");
            return md.toString();
        }
        md.append("| Property | Type | Required | Description | Constraints |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append("| `")
                    .append(r.path().replace("`", "'"))
                    .append("` | ")
                    .append(cell(r.type()))
                    .append(" | ")
                    .append(r.required() ? "yes" : "no")
                    .append(" | ")
                    .append(cell(r.description()))
                    .append(" | ")
                    .append(cell(r.constraints()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The rows for the properties of {@code object}, depth first in file order. */
    static void collect(JsonNode object, String prefix, List<Row> rows) {
        JsonNode properties = object.path("properties");
        if (!properties.isObject()) {
            return;
        }
        Set<String> required = new HashSet<>();
        object.path("required").forEach(n -> required.add(n.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String path = prefix + e.getKey();
            rows.add(new Row(
                    path,
                    type(p),
                    required.contains(e.getKey()),
                    p.path("description").asText(""),
                    constraints(p)));
            collect(p, path + ".", rows);
            JsonNode items = p.path("items");
            while (items.isObject()) {
                path = path + "[]";
                collect(items, path + ".", rows);
                items = items.path("items");
            }
        }
    }

    private static String type(JsonNode p) {
        JsonNode type = p.path("type");
        String base;
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.asText()));
            base = String.join(", ", names);
        } else {
            base = type.asText("any");
        }
        JsonNode items = p.path("items");
        if (items.isObject() && items.has("type")) {
            base = base + " of " + type(items);
        }
        return base;
    }

    private static String constraints(JsonNode p) {
        List<String> out = new ArrayList<>();
        if (p.path("enum").isArray()) {
            List<String> values = new ArrayList<>();
            p.path("enum").forEach(v -> values.add("`" + scalar(v) + "`"));
            out.add("enum: " + String.join(", ", values));
        }
        for (String key : CONSTRAINTS) {
            if (p.has(key)) {
                out.add(key + ": " + (key.equals("pattern") ? "`" + scalar(p.get(key)) + "`" : scalar(p.get(key))));
            }
        }
        return String.join("; ", out);
    }

    private static String scalar(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Text safe inside a Markdown table cell: one line, pipes escaped. */
    static String cell(String text) {
        return text.strip().replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }

    private static String inline(String text) {
        return text.replace("\n", " ");
    }
}
