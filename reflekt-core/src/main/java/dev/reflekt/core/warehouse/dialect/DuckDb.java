package dev.reflekt.core.warehouse.dialect;

import dev.reflekt.core.warehouse.ColumnType;
import java.util.Map;

/** DuckDB: PostgreSQL-like syntax; embedded, the default warehouse of local builds. */
public final class DuckDb extends Postgres {
    private static final Map<ColumnType, String> TYPES =
            types("varchar", "bigint", "double", "boolean", "timestamp", "date", "json");

    /** DuckDB has no limit on names: 255 keeps the package portable. PostgreSQL's reserved words apply. */
    public DuckDb() {
        super("duckdb", 255, "postgres", TYPES);
    }
}
