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

    /**
     * The kind of a warehouse column's type as {@code information_schema} names it, on any of the six warehouses:
     * integers, decimals and floats, booleans, timestamps, dates; STRUCT, ARRAY, MAP, JSON and VARIANT types are
     * {@link #JSON}; the rest (text, unknown) strings, which is what the collectors load objects and arrays into when
     * they do not flatten them.
     */
    public static ColumnType ofWarehouse(String dataType) {
        String t = dataType == null
                ? ""
                : dataType.toLowerCase(java.util.Locale.ROOT).strip();
        if (t.startsWith("struct")
                || t.endsWith("[]")
                || t.startsWith("array")
                || t.startsWith("map")
                || t.startsWith("json")
                || t.equals("variant")
                || t.equals("object")) {
            return JSON;
        }
        if (t.matches(
                "(big|small|tiny)?int(eger)?(\\d+)?|int[248]|long|short|byte|hugeint|u?bigint|number\\(\\d+,\\s*0\\)")) {
            return INTEGER;
        }
        if (t.startsWith("double")
                || t.startsWith("float")
                || t.equals("real")
                || t.startsWith("numeric")
                || t.startsWith("decimal")
                || t.startsWith("number")
                || t.startsWith("bignumeric")) {
            return NUMBER;
        }
        if (t.startsWith("bool")) {
            return BOOLEAN;
        }
        if (t.startsWith("timestamp") || t.startsWith("datetime")) {
            return TIMESTAMP;
        }
        if (t.equals("date")) {
            return DATE;
        }
        return STRING;
    }
}
