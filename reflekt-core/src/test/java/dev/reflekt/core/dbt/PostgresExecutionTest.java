package dev.reflekt.core.dbt;

/** The models on a real PostgreSQL server. */
class PostgresExecutionTest extends ModelExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.POSTGRES;
    }
}
