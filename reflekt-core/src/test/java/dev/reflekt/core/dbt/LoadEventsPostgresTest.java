package dev.reflekt.core.dbt;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;

/** {@link LoadEventsContract} on a real PostgreSQL server, a new database per test. */
class LoadEventsPostgresTest extends LoadEventsContract {

    private String database;

    @Override
    String sourceEntry() throws Exception {
        if (database == null) {
            database = TestDatabases.createDatabase();
        }
        java.util.Properties c = TestDatabases.credentials();
        return "    - {id: local, type: postgres, host: " + TestDatabases.HOST + ", port: " + TestDatabases.PG_PORT
                + ", user: " + c.getProperty("user") + ", password: " + c.getProperty("password") + "}\n";
    }

    @Override
    String database() {
        return database;
    }

    @Override
    Connection connect() throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + TestDatabases.HOST + ":" + TestDatabases.PG_PORT + "/" + database,
                TestDatabases.credentials());
    }

    @Override
    String dialect() {
        return "postgres";
    }

    @Override
    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            TestDatabases.dropDatabase(database);
        }
    }
}
