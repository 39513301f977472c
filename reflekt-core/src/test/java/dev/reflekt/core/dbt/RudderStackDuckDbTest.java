package dev.reflekt.core.dbt;

/** The RudderStack models on an embedded, in-memory DuckDB. */
class RudderStackDuckDbTest extends RudderStackExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.DUCKDB;
    }
}
