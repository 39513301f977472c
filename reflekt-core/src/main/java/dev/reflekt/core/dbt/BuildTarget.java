package dev.reflekt.core.dbt;

import dev.reflekt.core.warehouse.dialect.Dialect;

/**
 * Where the raw event data is and which SQL to write for it.
 *
 * @param dialect the SQL dialect of the models
 * @param warehouseType how the source describes its warehouse ({@code snowflake}, {@code duckdb}, ...)
 * @param database the database (BigQuery: project) holding the raw schema
 * @param schema the raw schema (BigQuery: dataset) the CDP loads events into
 */
public record BuildTarget(Dialect dialect, String warehouseType, String database, String schema) {

    /** The database used when no source is configured at all: {@code raw}. */
    public static final String DEFAULT_DATABASE = "raw";
}
