package dev.reflekt.core.dbt;

/**
 * The Redshift dialect through the real Redshift JDBC driver, against PostgreSQL behind PgBouncer
 * (which drops the startup parameters PostgreSQL would reject).
 */
class RedshiftExecutionTest extends ModelExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.REDSHIFT;
    }
}
