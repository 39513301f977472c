package dev.reflekt.core.dbt;

/** The models on an embedded, in-memory DuckDB. */
class DuckDbExecutionTest extends ModelExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.DUCKDB;
    }
}
