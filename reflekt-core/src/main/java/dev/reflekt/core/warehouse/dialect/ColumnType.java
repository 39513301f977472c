package dev.reflekt.core.warehouse.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The kind of value a model column holds, as far as a JSON Schema says: what typed staging models cast
 * to and what contracts declare. Each dialect maps it to one of its types ({@link dev.reflekt.core.warehouse.dialect.Dialect#typeName}).
 */
public enum ColumnType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    /** Objects and arrays: the dialect's semi-structured type. */
    JSON;

    /**
     * The type of a JSON Schema property: its one non-null {@code type} ({@code format: date-time} makes a
     * string a timestamp, {@code format: date} a date); several non-null types, or none, load as strings; a
     * {@code $ref} to a URL, which is never read, is any JSON value.
     */
    public static ColumnType of(JsonNode property) {
        if (dev.reflekt.core.definitions.Resolved.isUrlRef(property)) {
            return JSON; // never read: any JSON value
        }
        List<String> types = new ArrayList<>();
        JsonNode type = property.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        types.remove("null");
        if (types.size() != 1) {
            return STRING;
        }
        return switch (types.get(0)) {
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "object", "array" -> JSON;
            case "string" ->
                switch (property.path("format").asText("")) {
                    case "date-time" -> TIMESTAMP;
                    case "date" -> DATE;
                    default -> STRING;
                };
            default -> STRING;
        };
    }
}
