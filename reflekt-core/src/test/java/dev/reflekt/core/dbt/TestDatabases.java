package dev.reflekt.core.dbt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server and PgBouncer that {@code scripts/test-databases.sh start} runs on 127.0.0.1.
 * Without them the tests skip loudly, except in CI ({@code CI=true}), where they fail.
 */
final class TestDatabases {

    static final String HOST = "127.0.0.1";
    static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("REFLEKT_TEST_PG_PORT", "55432"));
    static final int BOUNCER_PORT =
            Integer.parseInt(System.getenv().getOrDefault("REFLEKT_TEST_PGBOUNCER_PORT", "56432"));
    static final String USER = "reflekt";
    static final String PASSWORD = "reflekt-test";

    private TestDatabases() {}

    static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return p;
    }

    /** A connection to PostgreSQL's {@code postgres} database, or a skipped (locally) / failed (CI) test. */
    static Connection admin() {
        try {
            return DriverManager.getConnection(
                    "jdbc:postgresql://" + HOST + ":" + PG_PORT + "/postgres", credentials());
        } catch (Exception e) {
            String why = "PostgreSQL is not running on " + HOST + ":" + PG_PORT + " (" + e.getMessage()
                    + "); start it with scripts/test-databases.sh start";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
            return null;
        }
    }

    /** Creates a database of its own for one test. */
    static String createDatabase() throws Exception {
        String name = "reflekt_" + Long.toHexString(System.nanoTime());
        try (Connection admin = admin();
                Statement s = admin.createStatement()) {
            s.execute("create database " + name);
        }
        return name;
    }

    static void dropDatabase(String name) throws Exception {
        try (Connection admin = admin();
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    /**
     * A connection to {@code database} through the real Redshift JDBC driver and PgBouncer (which drops the
     * startup parameters PostgreSQL would reject); plain TCP on loopback, so no SSL.
     */
    static Connection redshift(String database) throws Exception {
        Properties p = credentials();
        p.setProperty("ssl", "false");
        return new com.amazon.redshift.Driver()
                .connect("jdbc:redshift://" + HOST + ":" + BOUNCER_PORT + "/" + database, p);
    }
}
