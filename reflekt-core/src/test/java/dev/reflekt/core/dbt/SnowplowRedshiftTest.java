package dev.reflekt.core.dbt;

import java.sql.Connection;

/**
 * The Snowplow models in the Redshift dialect, on the shredded layout of Snowplow's RDB Loader, through the real
 * Redshift JDBC driver against PostgreSQL behind PgBouncer.
 */
class SnowplowRedshiftTest extends SnowplowPostgresTest {

    @Override
    Connection open() throws Exception {
        database = TestDatabases.createDatabase();
        return TestDatabases.redshift(database);
    }

    @Override
    String dialect() {
        return "redshift";
    }
}
