package dev.reflekt.core.dbt;

import java.sql.Connection;

/**
 * The Redshift dialect through the real Redshift JDBC driver, against PostgreSQL behind PgBouncer
 * (which drops the startup parameters PostgreSQL would reject).
 */
class RedshiftExecutionTest extends ModelExecutionContract {

    private String database;

    @Override
    Connection open() throws Exception {
        database = TestDatabases.createDatabase();
        return TestDatabases.redshift(database);
    }

    @Override
    String database() {
        return database;
    }

    @Override
    String dialect() {
        return "redshift";
    }

    @Override
    void cleanUp() throws Exception {
        TestDatabases.dropDatabase(database);
    }
}
