package dev.reflekt.core.dbt;

import java.sql.Connection;

/**
 * Projections, Profiles Sync and the deletion step in the Redshift dialect (whose DELETE takes no target
 * alias), through the real Redshift JDBC driver against PostgreSQL behind PgBouncer.
 */
class RedshiftProjectionTest extends ProjectionExecutionContract {

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
    String dbtVersion() {
        return "1.8";
    }

    @Override
    void cleanUp() throws Exception {
        TestDatabases.dropDatabase(database);
    }
}
