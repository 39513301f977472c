package dev.reflekt.core.warehouse.dialect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DuckDB: PostgreSQL-like syntax; embedded, the default warehouse of local builds. */
public final class DuckDb extends Postgres {
    private static final Map<ColumnType, String> TYPES =
            types("varchar", "bigint", "double", "boolean", "timestamp", "date", "json");

    /** DuckDB has no limit on names: 255 keeps the package portable. Its reserved words are PostgreSQL's and its own. */
    public DuckDb() {
        super("duckdb", 255, "duckdb", TYPES);
    }

    /** dbt-duckdb's {@code external} materialization writes each model to a Parquet file. */
    @Override
    public Optional<String> parquetMaterialization() {
        return Optional.of("external");
    }

    /** Redshift's and Snowflake's clock functions, which DuckDB does not have. */
    @Override
    public java.util.Map<String, String> missingFunctions() {
        return java.util.Map.of("getdate", "current_timestamp", "sysdate", "current_timestamp");
    }

    /**
     * {@code json_extract_string(document, '/a/b')}, or {@code json_extract} for objects and arrays: the path is a
     * JSON Pointer (RFC 6901), {@code ~} and {@code /} in keys escaped as {@code ~0} and {@code ~1}.
     */
    @Override
    public String jsonValue(String document, List<String> keys, ColumnType type, boolean typed) {
        StringBuilder pointer = new StringBuilder();
        keys.forEach(k -> pointer.append('/').append(k.replace("~", "~0").replace("/", "~1")));
        String function = type == ColumnType.JSON ? "json_extract" : "json_extract_string";
        String value = function + "(" + document + ", " + plainString(pointer.toString()) + ")";
        return typed && type != ColumnType.JSON ? cast(value, type) : value;
    }

    @Override
    public String jsonDocumentType() {
        return "json";
    }
}
