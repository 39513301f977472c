package dev.reflekt.core.dbt;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The warehouses the execution contracts run on, one place each: how to open a fresh database, what the models call
 * it, the dialect written for it, and how to leave nothing behind. A contract's subclass names its warehouse only.
 */
enum TestWarehouse {
    /** Embedded, in-memory DuckDB. */
    DUCKDB("duckdb") {
        @Override
        Session open() throws Exception {
            return new Session(DriverManager.getConnection("jdbc:duckdb:"), "memory", () -> {});
        }
    },
    /** A real PostgreSQL server, a new database per test. */
    POSTGRES("postgres") {
        @Override
        Session open() throws Exception {
            String database = TestDatabases.createDatabase();
            Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://" + TestDatabases.HOST + ":" + TestDatabases.PG_PORT + "/" + database,
                    TestDatabases.credentials());
            return new Session(c, database, () -> TestDatabases.dropDatabase(database));
        }
    },
    /** The real Redshift JDBC driver against PostgreSQL behind PgBouncer, a new database per test. */
    REDSHIFT("redshift") {
        @Override
        Session open() throws Exception {
            String database = TestDatabases.createDatabase();
            Connection c = TestDatabases.redshift(database);
            try (java.sql.Statement s = c.createStatement()) {
                // Redshift's GETDATE(), which PostgreSQL lacks (Redshift's current_timestamp is leader-node only)
                s.execute("create function getdate() returns timestamp language sql as 'select localtimestamp(0)'");
            }
            return new Session(c, database, () -> TestDatabases.dropDatabase(database));
        }
    },
    /** Spark in local mode with Delta tables, in the test JVM; the schemas the tests use are dropped around each. */
    SPARK("databricks") {
        @Override
        Session open() {
            SparkSql.dropSchemas("seg", "stg", "ps");
            return new Session(SparkSql.connect(), "spark_catalog", () -> SparkSql.dropSchemas("seg", "stg", "ps"));
        }
    };

    private final String dialect;

    TestWarehouse(String dialect) {
        this.dialect = dialect;
    }

    /** The dialect written for this warehouse. */
    String dialect() {
        return dialect;
    }

    /** A fresh database. */
    abstract Session open() throws Exception;

    /** Something to run when a test ends. */
    @FunctionalInterface
    interface CleanUp {
        void run() throws Exception;
    }

    /** An open database: its connection, the name models use for it, and how to remove it. */
    record Session(Connection connection, String database, CleanUp cleanUp) {}
}
