package dev.reflekt.core.dbt;

import com.amazon.redshift.Driver;
import java.sql.Connection;
import java.util.Properties;

/**
 * The Redshift dialect through the real Redshift JDBC driver, against PostgreSQL behind PgBouncer
 * (which drops the startup parameters PostgreSQL would reject).
 */
class RedshiftExecutionTest extends ModelExecutionContract {

    private String database;

    @Override
    Connection open() throws Exception {
        database = TestDatabases.createDatabase();
        // PgBouncer speaks plain TCP on loopback; ssl=false, and no sslmode, lets the driver do that.
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
    void cleanUp() throws Exception {
        TestDatabases.dropDatabase(database);
    }
}
