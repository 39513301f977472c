package dev.reflekt.core.dbt;

/** The RudderStack models on a real PostgreSQL server. */
class RudderStackPostgresTest extends RudderStackExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.POSTGRES;
    }
}
