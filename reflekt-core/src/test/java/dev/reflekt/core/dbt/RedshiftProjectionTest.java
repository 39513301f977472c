package dev.reflekt.core.dbt;

/**
 * Projections, Profiles Sync and the deletion step in the Redshift dialect (whose DELETE takes no target
 * alias), through the real Redshift JDBC driver against PostgreSQL behind PgBouncer.
 */
class RedshiftProjectionTest extends ProjectionExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.REDSHIFT;
    }

    @Override
    String dbtVersion() {
        return "1.8";
    }
}
