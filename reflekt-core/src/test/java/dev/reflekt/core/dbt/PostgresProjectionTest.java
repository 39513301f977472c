package dev.reflekt.core.dbt;

import java.sql.Connection;
import java.sql.DriverManager;

/** Projections on a real PostgreSQL server, written for dbt 1.8 (test arguments at the top level). */
class PostgresProjectionTest extends ProjectionExecutionContract {

    private String database;

    @Override
    Connection open() throws Exception {
        database = TestDatabases.createDatabase();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + TestDatabases.HOST + ":" + TestDatabases.PG_PORT + "/" + database,
                TestDatabases.credentials());
    }

    @Override
    String database() {
        return database;
    }

    @Override
    String dialect() {
        return "postgres";
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
