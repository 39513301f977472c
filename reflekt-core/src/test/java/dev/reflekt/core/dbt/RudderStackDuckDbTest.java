package dev.reflekt.core.dbt;

import java.sql.Connection;
import java.sql.DriverManager;

/** The RudderStack models on an embedded, in-memory DuckDB. */
class RudderStackDuckDbTest extends RudderStackExecutionContract {

    @Override
    Connection open() throws Exception {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    @Override
    String database() {
        return "memory";
    }

    @Override
    String dialect() {
        return "duckdb";
    }
}
