package dev.reflekt.core.warehouse;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads what exists in a source's raw schema: one connection, one metadata query. */
public final class Warehouses {

    /** Supplies the JDBC driver of a warehouse type; the Maven plugin fetches it on demand. */
    @FunctionalInterface
    public interface DriverLoader {
        Driver load(WarehouseType type) throws ReflektException;

        /**
         * A reader for a warehouse that is not reached over JDBC. By default from this class loader; the
         * Maven plugin loads it beside a client library it fetches on demand.
         */
        default MetadataReader reader(String className) throws ReflektException {
            try {
                return (MetadataReader)
                        Class.forName(className).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new ReflektException("Cannot load " + className + ": " + e, e);
            }
        }
    }

    private Warehouses() {}

    /**
     * The tables and columns of {@code ref.database}.{@code ref.schema} in the source {@code entry}.
     *
     * @param debug receives the metadata query, once per source schema, so that it can be counted
     * @throws ReflektException when the type is not supported, the host cannot be reached or the
     *     credentials are refused; the message names the source and never a secret
     */
    public static TableColumns describe(
            ReflektProject project, ProfileEntry entry, SourceRef ref, DriverLoader drivers, Consumer<String> debug)
            throws ReflektException {
        if (entry.type().equals("bigquery")) {
            return drivers.reader(MetadataReader.BIGQUERY).read(project, entry, ref, debug);
        }
        WarehouseType type = WarehouseType.of(entry.type())
                .orElseThrow(() -> new ReflektException("Source '"
                        + entry.id() + "' has type '" + entry.type()
                        + "', which reflekt:build cannot query yet; build offline"
                        + " with -Dreflekt.offline=true (names from -Dreflekt.source) or omit -Dreflekt.source."));
        String url = type.url(entry, ref.database(), project);
        Driver driver = drivers.load(type);
        try (Connection connection = driver.connect(url, type.properties(entry, ref.database()))) {
            if (connection == null) {
                throw new ReflektException("The " + type.type() + " driver does not accept " + url + ".");
            }
            debug.accept("Metadata query for " + ref.database() + "." + ref.schema() + ": " + JdbcCatalog.QUERY);
            String catalog = type == WarehouseType.DUCKDB ? duckDbCatalog(connection, ref) : ref.database();
            TableColumns tables = JdbcCatalog.read(connection, catalog, ref.schema());
            if (tables.tableCount() == 0) {
                throw new ReflektException("Source '" + ref + "' has no tables in schema " + ref.database() + "."
                        + ref.schema() + " (" + url + "). Check the database and schema names, or the user's grants.");
            }
            return tables;
        } catch (SQLException e) {
            throw new ReflektException(
                    "Cannot read source '" + ref + "' (" + type.type() + " at " + url + "): "
                            + firstLine(e.getMessage()) + ". Check the host, the credentials (from "
                            + entry.origin(type.secretKey())
                            + " or the profile) and the network; `mvn reflekt:debug -Dreflekt.debug.connect` checks them.",
                    e);
        }
    }

    /**
     * A connection to the database of {@code ref} in the source {@code entry}, and the catalog its
     * {@code information_schema} names the database by; close it after.
     *
     * @param write whether the connection writes: a DuckDB file is then opened read-write, and created (with its
     *     folder) when absent
     * @throws ReflektException when the type is not reached over JDBC or the driver refuses the URL
     */
    public static Connected connect(
            ReflektProject project, ProfileEntry entry, SourceRef ref, DriverLoader drivers, boolean write)
            throws ReflektException, SQLException {
        WarehouseType type = WarehouseType.of(entry.type())
                .orElseThrow(() -> new ReflektException("Source '" + entry.id() + "' has type '" + entry.type()
                        + "', which Reflekt does not reach over JDBC."));
        String url;
        java.util.Properties properties;
        if (write && type == WarehouseType.DUCKDB) {
            java.nio.file.Path file = project.resolvePath(entry.require("path"));
            try {
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                throw new ReflektException(
                        "Cannot create the folder of the DuckDB file " + project.display(file) + " of source '"
                                + entry.id() + "' (" + entry.origin("path") + "): " + e.getMessage(),
                        e);
            }
            url = "jdbc:duckdb:" + file;
            properties = new java.util.Properties();
        } else {
            url = type.url(entry, ref.database(), project);
            properties = type.properties(entry, ref.database());
        }
        Connection connection = drivers.load(type).connect(url, properties);
        if (connection == null) {
            throw new ReflektException("The " + type.type() + " driver does not accept " + url + ".");
        }
        try {
            String catalog = type == WarehouseType.DUCKDB ? duckDbCatalog(connection, ref) : ref.database();
            return new Connected(connection, catalog, url);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * An open connection.
     *
     * @param connection the connection
     * @param catalog the database as {@code information_schema} names it
     * @param url where it goes, for messages (never a secret: credentials are properties)
     */
    public record Connected(Connection connection, String catalog, String url) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * The HTTPS host of a cloud warehouse whose entry names no {@code host} ({@code reflekt:debug} tries to reach it):
     * Snowflake's account host, BigQuery's API; empty for the others.
     */
    public static Optional<String> defaultHost(ProfileEntry entry) {
        return switch (entry.type()) {
            case "snowflake" -> entry.get("account").map(a -> a + ".snowflakecomputing.com");
            case "bigquery" -> Optional.of("bigquery.googleapis.com");
            default -> Optional.empty();
        };
    }

    /**
     * Compiles each model on the warehouse ({@link dev.reflekt.core.warehouse.dialect.Dialect#auditStatement},
     * {@code explain} on most) without running it, on one connection.
     *
     * @param models model name → compiled SQL
     * @throws ReflektException listing every model the warehouse refused, with its message
     */
    public static void explain(
            ReflektProject project,
            ProfileEntry entry,
            SourceRef ref,
            DriverLoader drivers,
            Map<String, String> models,
            Consumer<String> debug)
            throws ReflektException {
        WarehouseType type = WarehouseType.of(entry.type())
                .orElseThrow(() -> new ReflektException("Source '" + entry.id() + "' has type '" + entry.type()
                        + "': the audit compiles models with EXPLAIN over JDBC, which " + entry.type()
                        + " is not reached by yet; build without -Dreflekt.build.audit."));
        String url = type.url(entry, ref.database(), project);
        List<String> failures = new ArrayList<>();
        try (Connection connection = drivers.load(type).connect(url, type.properties(entry, ref.database()))) {
            for (Map.Entry<String, String> model : models.entrySet()) {
                debug.accept("Audit: explain " + model.getKey());
                // Prepared first: drivers report binding errors (unknown columns, types) best there.
                try (PreparedStatement statement =
                        connection.prepareStatement(type.dialect().auditStatement(model.getValue()))) {
                    statement.execute();
                } catch (SQLException e) {
                    failures.add(model.getKey() + ": " + firstLine(e.getMessage()));
                }
            }
        } catch (SQLException e) {
            throw new ReflektException(
                    "Cannot connect to source '" + ref + "' for the audit (" + type.type() + " at " + url + "): "
                            + firstLine(e.getMessage()) + ".",
                    e);
        }
        if (!failures.isEmpty()) {
            List<String> problems = new ArrayList<>();
            failures.forEach(f -> problems.add("Audit: " + type.type() + " refused model " + f));
            problems.add("The package was not published; the previous one is unchanged. Fix the schemas or"
                    + " artifacts.dbt (e.g. models.filter) and build again.");
            throw new ReflektException(problems);
        }
    }

    /** A DuckDB file is its own catalog, named after the file. */
    private static String duckDbCatalog(Connection connection, SourceRef ref) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select current_database()")) {
            return rows.next() ? rows.getString(1) : ref.database();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }
}
