package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.naming.Inflection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The warehouse columns Segment loads for a schema's properties: nested objects flattened with
 * {@code _}, names snake-cased as Segment's loader does, a top-level {@code id} loaded as {@code _id}.
 * Arrays stay one column.
 */
final class PropertyColumns {

    private PropertyColumns() {}

    /** Raw column → property description, in file order. */
    static Map<String, String> of(JsonNode schema) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(schema.path("properties"), "", out);
        return out;
    }

    private static void flatten(JsonNode properties, String prefix, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + Inflection.underscore(e.getKey().replace(' ', '_'));
            JsonNode p = e.getValue();
            if (isObject(p)
                    && p.path("properties").isObject()
                    && p.path("properties").size() > 0) {
                flatten(p.path("properties"), name + "_", out);
            } else {
                out.putIfAbsent(
                        prefix.isEmpty() && name.equals("id") ? "_id" : name,
                        p.path("description").asText(""));
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
