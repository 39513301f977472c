package dev.reflekt.core.dbt;

import java.sql.Connection;
import java.sql.DriverManager;

/** The RudderStack models on a real PostgreSQL server. */
class RudderStackPostgresTest extends RudderStackExecutionContract {

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
    void cleanUp() throws Exception {
        TestDatabases.dropDatabase(database);
    }
}
