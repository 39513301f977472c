package dev.reflekt.core.dbt;

import com.amazon.redshift.Driver;
import java.sql.Connection;
import java.util.Properties;

/**
 * Projections, Profiles Sync and the deletion step in the Redshift dialect (whose DELETE takes no target
 * alias), through the real Redshift JDBC driver against PostgreSQL behind PgBouncer.
 */
class RedshiftProjectionTest extends ProjectionExecutionContract {

    private String database;

    @Override
    Connection open() throws Exception {
        database = TestDatabases.createDatabase();
        Properties p = TestDatabases.credentials();
        p.setProperty("ssl", "false");
        return new Driver()
                .connect(
                        "jdbc:redshift://" + TestDatabases.HOST + ":" + TestDatabases.BOUNCER_PORT + "/" + database, p);
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
