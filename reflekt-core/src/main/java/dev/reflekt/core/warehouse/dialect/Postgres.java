package dev.reflekt.core.warehouse.dialect;

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
}
