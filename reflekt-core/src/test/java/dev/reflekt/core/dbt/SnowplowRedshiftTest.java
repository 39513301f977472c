package dev.reflekt.core.dbt;

/**
 * The Snowplow models in the Redshift dialect, on the shredded layout of Snowplow's RDB Loader, through the real
 * Redshift JDBC driver against PostgreSQL behind PgBouncer.
 */
class SnowplowRedshiftTest extends SnowplowPostgresTest {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.REDSHIFT;
    }
}
