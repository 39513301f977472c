package dev.reflekt.core.warehouse.dialect;

import java.util.List;
import java.util.Map;

/** Snowflake: unquoted identifiers fold to upper case, so plain names stay unquoted. */
public final class Snowflake extends Dialect {

    /** Snowflake reads backslash escapes in single-quoted strings, so a backslash is doubled too. */
    @Override
    public String plainString(String value) {
        return "'" + noNul(value).replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static final Map<ColumnType, String> TYPES =
            types("varchar", "number(38,0)", "float", "boolean", "timestamp_ntz", "date", "variant");

    public Snowflake() {
        super("snowflake", 255, "snowflake", TYPES);
    }

    /** Snowflake's {@code , lateral flatten(...)}: the element is the alias's {@code value}. */
    @Override
    public String unnest(String array, String alias) {
        return ", lateral flatten(input => " + array + ") as " + alias;
    }

    @Override
    public String unnested(String alias) {
        return alias + ".value";
    }

    @Override
    protected String jsonParser() {
        return "parse_json";
    }

    @Override
    public String hoursBefore(String timestamp, String hours) {
        return "dateadd(hour, -" + hours + ", " + timestamp + ")";
    }

    /** {@code get(get(document, 'a'), 'b')} on a VARIANT, cast as a structured value. */
    @Override
    public String jsonValue(String document, List<String> keys, ColumnType type, boolean typed) {
        String path = document;
        for (String k : keys) {
            path = "get(" + path + ", " + plainString(k) + ")";
        }
        return typed ? castStructured(path, type) : path;
    }

    @Override
    public String jsonDocumentType() {
        return "variant";
    }
}
