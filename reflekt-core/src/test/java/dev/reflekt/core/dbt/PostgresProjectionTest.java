package dev.reflekt.core.dbt;

/** Projections on a real PostgreSQL server, written for dbt 1.8 (test arguments at the top level). */
class PostgresProjectionTest extends ProjectionExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.POSTGRES;
    }

    @Override
    String dbtVersion() {
        return "1.8";
    }
}
