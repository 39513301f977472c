package dev.reflekt.core.warehouse.dialect;

import java.util.List;
import java.util.Map;

/** PostgreSQL. */
public class Postgres extends Dialect {

    private static final Map<ColumnType, String> TYPES =
            types("text", "bigint", "double precision", "boolean", "timestamptz", "date", "jsonb");

    public Postgres() {
        this("postgres", 63, "postgres", TYPES);
    }

    protected Postgres(String name, int maxIdentifierLength, String reservedWords, Map<ColumnType, String> types) {
        super(name, maxIdentifierLength, reservedWords, types);
    }

    /** Redshift's and Snowflake's clock functions, which PostgreSQL does not have. */
    @Override
    public Map<String, String> missingFunctions() {
        return Map.of("getdate", "now()", "sysdate", "now()");
    }

    /** {@code jsonb_extract_path_text(document, 'a', 'b')}, or {@code jsonb_extract_path} for objects and arrays. */
    @Override
    public String jsonValue(String document, List<String> keys, ColumnType type, boolean typed) {
        List<String> args = new java.util.ArrayList<>();
        args.add(document);
        keys.forEach(k -> args.add(plainString(k)));
        String function = type == ColumnType.JSON ? "jsonb_extract_path" : "jsonb_extract_path_text";
        String value = function + "(" + String.join(", ", args) + ")";
        return typed && type != ColumnType.JSON ? cast(value, type) : value;
    }

    @Override
    public String jsonDocumentType() {
        return "jsonb";
    }
}
