package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.naming.Inflection;
import dev.reflekt.core.warehouse.ColumnType;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The warehouse columns Segment loads for a schema's properties: nested objects flattened with
 * {@code _}, names snake-cased as Segment's loader does, a top-level {@code id} loaded as {@code _id}.
 * Arrays stay one column.
 */
final class PropertyColumns {

    private PropertyColumns() {}

    /**
     * One loaded column of a property.
     *
     * @param description the property's description
     * @param schema the property's JSON Schema
     * @param required whether every event has it: required in its object, and every enclosing object
     *     required too
     * @param path the property's JSON path in the event ({@code address.city})
     */
    record Property(String description, JsonNode schema, boolean required, String path) {

        ColumnType type() {
            return ColumnType.of(schema);
        }
    }

    /** Raw column → property, in file order. */
    static Map<String, Property> of(JsonNode schema) {
        return of(schema, node -> null);
    }

    /**
     * As {@link #of(JsonNode)}, for a schema whose {@code $ref}s were resolved: the description of a column
     * from a shared definition names it ({@code origins} gives the definition a node came from).
     */
    static Map<String, Property> of(JsonNode schema, Function<JsonNode, String> origins) {
        Map<String, Property> out = new LinkedHashMap<>();
        flatten(schema, "", "", true, null, origins, out);
        return out;
    }

    private static void flatten(
            JsonNode object,
            String prefix,
            String path,
            boolean required,
            String from,
            Function<JsonNode, String> origins,
            Map<String, Property> out) {
        Set<String> requiredHere = new HashSet<>();
        object.path("required").forEach(r -> requiredHere.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        object.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + Inflection.underscore(e.getKey().replace(' ', '_'));
            JsonNode p = e.getValue();
            boolean req = required && requiredHere.contains(e.getKey());
            String jsonPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            String origin = origins.apply(p);
            String definition = origin != null ? origin : from;
            if (isObject(p)
                    && p.path("properties").isObject()
                    && p.path("properties").size() > 0) {
                flatten(p, name + "_", jsonPath, req, definition, origins, out);
            } else {
                String description = p.path("description").asText("");
                String items = origins.apply(p.path("items"));
                if (definition != null) {
                    description = (description.isEmpty() ? "" : description + " ") + "(From " + definition + ".)";
                } else if (items != null) {
                    description = (description.isEmpty() ? "" : description + " ") + "(Items: " + items + ".)";
                }
                out.putIfAbsent(
                        prefix.isEmpty() && name.equals("id") ? "_id" : name,
                        new Property(description, p, req, jsonPath));
            }
        }
    }

    private static boolean isObject(JsonNode p) {
        JsonNode type = p.path("type");
        if (type.isTextual()) {
            return type.asText().equals("object");
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("object")) {
                    return true;
                }
            }
        }
        return type.isMissingNode() && p.has("properties");
    }
}
