package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The warehouse columns a collector loads for a schema's properties: nested objects flattened, each leaf named
 * by the collector ({@link Naming}). Arrays stay one column.
 */
public final class PropertyColumns {

    private PropertyColumns() {}

    /** How a collector names the column of a property. */
    @FunctionalInterface
    public interface Naming {

        /** The column of the property at {@code keys} (its key and those of the objects it is in), or null for none. */
        String column(List<String> keys);
    }

    /**
     * One loaded column of a property.
     *
     * @param description the property's description
     * @param schema the property's JSON Schema
     * @param required whether every event has it: required in its object, and every enclosing object
     *     required too
     * @param path the property's JSON path in the event ({@code address.city})
     */
    public record Property(String description, JsonNode schema, boolean required, String path) {

        public ColumnType type() {
            return ColumnType.of(schema);
        }
    }

    /**
     * Raw column → property, in file order; the first property of a column wins. For a schema whose
     * {@code $ref}s were resolved, the description of a column from a shared definition names it
     * ({@code origins} gives the definition a node came from).
     */
    static Map<String, Property> of(JsonNode schema, Function<JsonNode, String> origins, Naming naming) {
        Map<String, Property> out = new LinkedHashMap<>();
        flatten(schema, List.of(), "", true, null, origins, naming, out);
        return out;
    }

    /**
     * How many leaf properties {@code schema} has with its nested objects flattened, counted up to {@code limit}
     * (a chain of shared definitions can multiply them into millions; counting stops there).
     */
    static long leaves(JsonNode schema, long limit) {
        long n = 0;
        for (Iterator<JsonNode> it = schema.path("properties").elements(); it.hasNext() && n < limit; ) {
            JsonNode p = it.next();
            n += isObject(p)
                            && p.path("properties").isObject()
                            && p.path("properties").size() > 0
                    ? leaves(p, limit - n)
                    : 1;
        }
        return n;
    }

    private static void flatten(
            JsonNode object,
            List<String> keys,
            String path,
            boolean required,
            String from,
            Function<JsonNode, String> origins,
            Naming naming,
            Map<String, Property> out) {
        Set<String> requiredHere = new HashSet<>();
        object.path("required").forEach(r -> requiredHere.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        object.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> here = new java.util.ArrayList<>(keys);
            here.add(e.getKey());
            JsonNode p = e.getValue();
            boolean req = required && requiredHere.contains(e.getKey());
            String jsonPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            String origin = origins.apply(p);
            String definition = origin != null ? origin : from;
            if (isObject(p)
                    && p.path("properties").isObject()
                    && p.path("properties").size() > 0) {
                flatten(p, List.copyOf(here), jsonPath, req, definition, origins, naming, out);
            } else {
                String description = p.path("description").asText("");
                String items = origins.apply(p.path("items"));
                if (definition != null) {
                    description = (description.isEmpty() ? "" : description + " ") + "(From " + definition + ".)";
                } else if (items != null) {
                    description = (description.isEmpty() ? "" : description + " ") + "(Items: " + items + ".)";
                }
                String column = naming.column(here);
                if (column != null) {
                    out.putIfAbsent(column, new Property(description, p, req, jsonPath));
                }
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
