package dev.reflekt.core.warehouse.dialect;

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
}
