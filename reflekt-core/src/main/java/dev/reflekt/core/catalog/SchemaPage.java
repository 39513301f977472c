package dev.reflekt.core.catalog;

import static dev.reflekt.core.internal.MarkdownText.cell;
import static dev.reflekt.core.internal.MarkdownText.code;
import static dev.reflekt.core.internal.MarkdownText.inline;
import static dev.reflekt.core.internal.MarkdownText.paragraph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.project.ReflektProject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
        return render(id, schema, node -> null);
    }

    /**
     * The Markdown page of {@code schema} with its {@code $ref}s resolved: a property taken from a shared
     * definition links to the definition's page ({@code origins} names the definition a node came from).
     */
    public static String render(String id, JsonNode schema, Function<JsonNode, String> origins) {
        JsonNode self = schema.path("self");
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(self.path("name").asText(id))).append("\n\n");
        String description = schema.path("description").asText("");
        if (!description.isBlank()) {
            md.append(paragraph(description)).append("\n\n");
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
        properties(md, id, schema, origins, "This event has no properties.\n");
        return md.toString();
    }

    /** The properties section: a table of rows, or {@code none} when there are no properties. */
    private static void properties(
            StringBuilder md, String id, JsonNode schema, Function<JsonNode, String> origins, String none) {
        md.append("\n## Properties\n\n");
        List<Row> rows = new ArrayList<>();
        collect(schema, "", rows, link(id, origins));
        if (rows.isEmpty()) {
            md.append(none);
        } else {
            table(rows, md);
        }
    }

    /**
     * The page of a shared definition: what it is, the events that use it (linked), and its properties.
     *
     * @param users the ids of the event schemas that use it, sorted, with their display names
     */
    public static String renderDefinition(
            String id, JsonNode definition, Function<JsonNode, String> origins, Map<String, String> users) {
        StringBuilder md = new StringBuilder();
        md.append("# Definition ").append(inline(Definitions.label(id))).append("\n\n");
        String description = definition.path("description").asText("");
        if (!description.isBlank()) {
            md.append(paragraph(description)).append("\n\n");
        }
        md.append("| | |\n| --- | --- |\n");
        md.append("| Definition | `").append(id).append("` |\n");
        md.append("| Type | ").append(cell(type(definition))).append(" |\n");
        md.append("\n## Used by\n\n");
        if (users.isEmpty()) {
            md.append("No event schema uses this definition.\n");
        }
        users.forEach((user, name) -> md.append("- [")
                .append(inline(name))
                .append("](")
                .append(relative(id, user.replace(".json", ".md")))
                .append(")\n"));
        properties(md, id, definition, origins, "This definition has no properties.\n");
        return md.toString();
    }

    /** The link text of a node taken from a definition, relative to the page of {@code id}; null otherwise. */
    private static Function<JsonNode, String> link(String id, Function<JsonNode, String> origins) {
        return node -> {
            String label = origins.apply(node);
            if (label == null) {
                return null;
            }
            if (label.startsWith("#")) {
                return "`" + label + "`";
            }
            String path = label.contains("#") ? label.substring(0, label.indexOf('#')) : label;
            String target = ReflektProject.META_DIR + "/" + path + ".md";
            return "[" + label + "](" + relative(id, target) + ")";
        };
    }

    /** The path of {@code target} relative to the page of schema {@code from} (both relative to schemas/). */
    static String relative(String from, String target) {
        int depth = from.split("/").length - 1;
        return "../".repeat(depth)
                + target.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private static void table(List<Row> rows, StringBuilder md) {
        md.append("| Property | Type | Required | Description | Constraints |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(code(r.path()))
                    .append(" | ")
                    .append(r.type())
                    .append(" | ")
                    .append(r.required() ? "yes" : "no")
                    .append(" | ")
                    .append(cell(r.description()))
                    .append(" | ")
                    .append(r.constraints())
                    .append(" |\n");
        }
    }

    /** The rows for the properties of {@code object}, depth first in file order. */
    static void collect(JsonNode object, String prefix, List<Row> rows) {
        collect(object, prefix, rows, node -> null);
    }

    private static void collect(JsonNode object, String prefix, List<Row> rows, Function<JsonNode, String> links) {
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
            String from = links.apply(p);
            String itemsFrom = links.apply(p.path("items"));
            rows.add(new Row(
                    path,
                    cell(type(p))
                            + (from != null ? ", from " + from : itemsFrom != null ? ", items from " + itemsFrom : ""),
                    required.contains(e.getKey()),
                    p.path("description").asText(""),
                    constraints(p)));
            collect(p, path + ".", rows, links);
            JsonNode items = p.path("items");
            while (items.isObject()) {
                path = path + "[]";
                collect(items, path + ".", rows, links);
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
            p.path("enum").forEach(v -> values.add(code(scalar(v))));
            out.add("enum: " + String.join(", ", values));
        }
        for (String key : CONSTRAINTS) {
            if (p.has(key)) {
                out.add(key + ": " + (key.equals("pattern") ? code(scalar(p.get(key))) : cell(scalar(p.get(key)))));
            }
        }
        return String.join("; ", out);
    }

    private static String scalar(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
