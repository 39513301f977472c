package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.internal.json.LocatedTree;
import java.util.Map;
import java.util.function.Function;

/**
 * An event schema read for a build: its id, its content with {@code $ref}s resolved, its file (as messages print
 * it), positions, and the shared definition each part of the content came from.
 */
public record EventSchema(
        String id, JsonNode json, String displayPath, LocatedTree tree, Function<JsonNode, String> origins) {

    /** The columns a collector naming them with {@code naming} loads its properties into. */
    public Map<String, PropertyColumns.Property> properties(PropertyColumns.Naming naming) {
        return PropertyColumns.of(json, origins, naming);
    }
}
