package dev.reflekt.core.warehouse;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How to reach each kind of warehouse over JDBC: the driver (Maven coordinates, pinned and overridable,
 * fetched only when a build needs it), its class, the URL and connection properties built from a
 * profile's source entry.
 */
public enum WarehouseType {
    DUCKDB("duckdb", "org.duckdb:duckdb_jdbc:1.5.6.0", "org.duckdb.DuckDBDriver"),
    POSTGRES("postgres", "org.postgresql:postgresql:42.7.14", "org.postgresql.Driver"),
    REDSHIFT("redshift", "com.amazon.redshift:redshift-jdbc42:2.1.0.34", "com.amazon.redshift.Driver"),
    SNOWFLAKE("snowflake", "net.snowflake:snowflake-jdbc:3.27.1", "net.snowflake.client.jdbc.SnowflakeDriver"),
    DATABRICKS("databricks", "com.databricks:databricks-jdbc:3.4.5", "com.databricks.client.jdbc.Driver");

    /** A host name or address: written into a JDBC URL, so nothing that could add a URL parameter. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    /** A Databricks SQL warehouse's or cluster's HTTP path ({@code /sql/1.0/warehouses/abc123}). */
    private static final Pattern HTTP_PATH = Pattern.compile("/[A-Za-z0-9/_.-]*");

    private final String type;
    private final String driverCoordinates;
    private final String driverClass;

    WarehouseType(String type, String driverCoordinates, String driverClass) {
        this.type = type;
        this.driverCoordinates = driverCoordinates;
        this.driverClass = driverClass;
    }

    /** The type for a profile entry's {@code type:}, if it is reached over JDBC. */
    public static Optional<WarehouseType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    /** The {@code type:} value. */
    public String type() {
        return type;
    }

    /** {@code groupId:artifactId:version} of the JDBC driver. */
    public String driverCoordinates() {
        return driverCoordinates;
    }

    /** The port the warehouse listens on unless the profile names one (0: a file, no port). */
    public int defaultPort() {
        return switch (this) {
            case DUCKDB -> 0;
            case POSTGRES -> 5432;
            case REDSHIFT -> 5439;
            case SNOWFLAKE, DATABRICKS -> 443;
        };
    }

    /** The profile key holding this type's secret (password or token), to say where it came from. */
    public String secretKey() {
        return this == DATABRICKS ? "token" : "password";
    }

    /** The driver's class name. */
    public String driverClass() {
        return driverClass;
    }

    /** The SQL dialect of this warehouse. */
    public Dialect dialect() {
        return Dialect.of(type).orElseThrow();
    }

    /**
     * The JDBC URL for {@code entry}, connecting to {@code database}. Contains no secret.
     *
     * @throws ReflektException when a key is missing, or a DuckDB file does not exist (the driver opens files read
     *     only, and would say only that it cannot)
     */
    public String url(ProfileEntry entry, String database, ReflektProject project) throws ReflektException {
        return switch (this) {
            case DUCKDB -> "jdbc:duckdb:" + existingFile(entry, project);
            case POSTGRES ->
                "jdbc:postgresql://" + entry.require("host") + ":"
                        + entry.get("port").orElse(String.valueOf(defaultPort())) + "/" + database;
            case REDSHIFT ->
                "jdbc:redshift://" + entry.require("host") + ":"
                        + entry.get("port").orElse(String.valueOf(defaultPort())) + "/" + database;
            case DATABRICKS ->
                "jdbc:databricks://" + checked(entry, "host", HOST, "dbc-1234.cloud.databricks.com") + ":"
                        + defaultPort()
                        + "/default;transportMode=http;ssl=1;httpPath="
                        + checked(entry, "http_path", HTTP_PATH, "/sql/1.0/warehouses/abc123")
                        + ";AuthMech=3";
            case SNOWFLAKE ->
                "jdbc:snowflake://" + entry.get("host").orElse(entry.require("account") + ".snowflakecomputing.com")
                        + "/";
        };
    }

    private static java.nio.file.Path existingFile(ProfileEntry entry, ReflektProject project) throws ReflektException {
        java.nio.file.Path file = project.resolvePath(entry.require("path"));
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new ReflektException("The DuckDB file " + project.display(file) + " of source '" + entry.id() + "' ("
                    + entry.origin("path") + ") does not exist; load recorded events into it first"
                    + " (mvn reflekt:load-events -Dreflekt.events=<files> -Dreflekt.source=<source_id>.<database>.<schema>),"
                    + " or build offline"
                    + " (without -Dreflekt.source, or with -Dreflekt.offline=true).");
        }
        return file;
    }

    /** The connection properties (user, password, role, ...). Holds secrets: never log it. */
    public Properties properties(ProfileEntry entry, String database) throws ReflektException {
        Properties p = new Properties();
        switch (this) {
            case DUCKDB -> p.setProperty("duckdb.read_only", "true");
            case POSTGRES, REDSHIFT -> {
                p.setProperty("user", entry.require("user"));
                p.setProperty("password", entry.require("password"));
                p.setProperty("connectTimeout", "10");
                p.setProperty("loginTimeout", "10");
                // Redshift requires TLS by default; a profile may turn it off (a proxy on loopback).
                entry.get("ssl").ifPresent(v -> p.setProperty("ssl", v));
            }
            case DATABRICKS -> {
                // A personal access token (AuthMech=3): the user is the word "token".
                p.setProperty("UID", "token");
                p.setProperty("PWD", entry.require("token"));
                p.setProperty("ConnCatalog", database);
                p.setProperty("SocketTimeout", "60");
            }
            case SNOWFLAKE -> {
                p.setProperty("user", entry.require("user"));
                Optional<String> password = entry.get("password");
                if (password.isPresent()) {
                    p.setProperty("password", password.get());
                } else {
                    p.setProperty("private_key_file", entry.require("private_key_path"));
                    entry.get("private_key_passphrase").ifPresent(v -> p.setProperty("private_key_file_pwd", v));
                }
                p.setProperty("db", database);
                entry.get("warehouse").ifPresent(v -> p.setProperty("warehouse", v));
                entry.get("role").ifPresent(v -> p.setProperty("role", v));
                p.setProperty("loginTimeout", "20");
            }
        }
        return p;
    }

    /** The entry's {@code key}, refused unless it matches {@code pattern} (it goes into a JDBC URL). */
    private static String checked(ProfileEntry entry, String key, Pattern pattern, String example)
            throws ReflektException {
        String value = entry.require(key).strip();
        if (!pattern.matcher(value).matches()) {
            throw new ReflektException("Profile entry '" + entry.id() + "': " + key + " '" + value + "' is not a valid "
                    + key.replace('_', ' ') + " (expected e.g. " + example + "); fix it in " + entry.origin(key) + ".");
        }
        return value;
    }
}
