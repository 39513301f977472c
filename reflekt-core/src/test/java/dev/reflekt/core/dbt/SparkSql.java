package dev.reflekt.core.dbt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A real Spark SQL engine in local mode ({@code local[2]}), with Delta Lake as its table format, as the
 * databricks dialect's warehouse in tests. One session per JVM (starting one takes seconds); tests use
 * schemas of their own and drop them.
 *
 * <p>{@link #connect()} exposes the session through the few {@code java.sql} calls the execution harness
 * makes ({@link DbtRunner}, the contracts): statements run as {@code spark.sql(...)}, results are collected
 * rows. Spark has no JDBC driver of its own in local mode; the SQL and its results are Spark's.
 */
final class SparkSql {

    private static SparkSession session;

    private SparkSql() {}

    /** The shared session, started on first use, with a warehouse folder of its own. */
    static synchronized SparkSession session() {
        if (session == null) {
            Path warehouse;
            try {
                warehouse = Files.createTempDirectory("reflekt-spark-warehouse");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("reflekt-tests")
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .config("spark.sql.warehouse.dir", warehouse.toString())
                    .config("spark.sql.session.timeZone", "UTC")
                    // Databricks SQL's defaults: ANSI mode (Spark 4's default too).
                    .config("spark.sql.ansi.enabled", "true")
                    // Small data: few partitions, no UI, no statistics; what Delta's own test suites set.
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "1")
                    .config("spark.default.parallelism", "1")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .config("spark.databricks.delta.stats.collect", "false")
                    .config("spark.sql.adaptive.enabled", "false")
                    // Tiny tables, many statements: compiling generated code costs more than it saves (the
                    // interpreted path computes the same results; Spark's own suites run both).
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .config("spark.databricks.delta.properties.defaults.checkpointInterval", "1000")
                    .config("spark.databricks.delta.writeChecksumFile.enabled", "false")
                    .config("spark.databricks.delta.merge.materializeSource", "none")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
        }
        return session;
    }

    /** Drops the schemas, with their tables and views. */
    static void dropSchemas(String... schemas) {
        for (String schema : schemas) {
            session().sql("drop schema if exists " + schema + " cascade");
        }
    }

    /** The session as a {@link Connection}: {@code createStatement}, {@code execute}, {@code executeQuery}. */
    static Connection connect() {
        SparkSession spark = session();
        return proxy(Connection.class, (p, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(spark);
            case "prepareStatement" -> prepared(spark, (String) args[0]);
            case "close" -> null;
            case "isClosed" -> false;
            default -> unsupported(method.getName());
        });
    }

    /** A statement without parameters, prepared as the audit prepares its {@code describe query}. */
    private static java.sql.PreparedStatement prepared(SparkSession spark, String sql) {
        return proxy(java.sql.PreparedStatement.class, (p, method, args) -> switch (method.getName()) {
            case "execute" -> {
                collect(run(spark, sql), sql);
                yield true;
            }
            case "executeQuery" -> resultSet(run(spark, sql), sql);
            case "close" -> null;
            default -> unsupported(method.getName());
        });
    }

    private static Statement statement(SparkSession spark) {
        return proxy(Statement.class, (p, method, args) -> switch (method.getName()) {
            case "execute" -> {
                collect(run(spark, (String) args[0]), (String) args[0]);
                yield false;
            }
            case "executeQuery" -> resultSet(run(spark, (String) args[0]), (String) args[0]);
            case "close" -> null;
            default -> unsupported(method.getName());
        });
    }

    private static org.apache.spark.sql.Dataset<Row> run(SparkSession spark, String sql) throws SQLException {
        try {
            return spark.sql(sql);
        } catch (Exception e) { // Spark's AnalysisException is checked
            throw new SQLException(e.getMessage() + "\nin: " + sql, e);
        }
    }

    private static List<Row> collect(org.apache.spark.sql.Dataset<Row> data, String sql) throws SQLException {
        try {
            return data.collectAsList();
        } catch (Exception e) {
            throw new SQLException(e.getMessage() + "\nin: " + sql, e);
        }
    }

    private static ResultSet resultSet(org.apache.spark.sql.Dataset<Row> data, String sql) throws SQLException {
        List<Row> rows = collect(data, sql);
        StructType schema = data.schema();
        ResultSetMetaData meta = proxy(ResultSetMetaData.class, (p, method, args) -> switch (method.getName()) {
            case "getColumnCount" -> schema.fields().length;
            case "getColumnName", "getColumnLabel" -> schema.fields()[(int) args[0] - 1].name();
            case "getColumnTypeName" ->
                schema.fields()[(int) args[0] - 1].dataType().sql();
            default -> unsupported(method.getName());
        });
        int[] at = {-1};
        return proxy(ResultSet.class, (p, method, args) -> switch (method.getName()) {
            case "next" -> ++at[0] < rows.size();
            case "getMetaData" -> meta;
            case "getObject" -> value(rows.get(at[0]), (int) args[0]);
            case "getString" -> {
                Object v = value(rows.get(at[0]), (int) args[0]);
                yield v == null ? null : v.toString();
            }
            case "getInt" -> {
                Object v = value(rows.get(at[0]), (int) args[0]);
                yield v == null ? 0 : ((Number) v).intValue();
            }
            case "close" -> null;
            default -> unsupported(method.getName());
        });
    }

    /** A column's value; Spark's {@code variant} as its JSON text. */
    private static Object value(Row row, int column) {
        Object v = row.get(column - 1);
        return v instanceof org.apache.spark.unsafe.types.VariantVal variant
                ? variant.toJson(java.time.ZoneOffset.UTC)
                : v;
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method + " is not used by the tests' Spark connection");
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(SparkSql.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
