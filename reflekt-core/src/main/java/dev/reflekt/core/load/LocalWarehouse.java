package dev.reflekt.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link LoadTables} into a schema as the collector's loader would: creates the schema and the tables, adds the
 * columns a table does not have yet (a column keeps the type it was created with, as the loaders keep it; a value that
 * does not fit it is loaded as null), replaces rows of the same key, and inserts the rest. One transaction: a load
 * that fails leaves the schema as it was. Every name through the dialect's quoting, every value a bound parameter.
 */
public final class LocalWarehouse {

    private static final int BATCH = 1_000;

    /** Rows one insert statement carries, at most. */
    private static final int ROWS_PER_INSERT = 500;

    /** Bind parameters one statement takes, at most: PostgreSQL's protocol allows 65,535. */
    private static final int MAX_PARAMETERS = 30_000;

    /** What a load changed. */
    public record Written(int tablesCreated, int columnsAdded, long rows) {}

    private LocalWarehouse() {}

    /** Writes {@code tables} into {@code catalog}.{@code schema} on {@code connection}. */
    public static Written write(
            Connection connection, Dialect dialect, String catalog, String schema, LoadTables tables)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("create schema if not exists " + dialect.identifier(schema));
            }
            TableColumns existing = JdbcCatalog.read(connection, catalog, schema);
            int created = 0;
            int added = 0;
            long rows = 0;
            for (Map.Entry<String, LoadTables.Table> e : tables.tables().entrySet()) {
                String table = dialect.identifier(schema) + "." + dialect.identifier(e.getKey());
                LoadTables.Table t = e.getValue();
                Map<String, String> types = new LinkedHashMap<>(); // column → the warehouse's type name
                boolean exists = existing.columns(e.getKey()).isPresent();
                for (LoadTables.Column c : t.columns()) {
                    String type = existing.column(e.getKey(), c.name())
                            .map(TableColumns.Column::dataType)
                            .orElse(null);
                    if (type == null) {
                        type = c.structType() != null ? c.structType() : dialect.typeName(c.type());
                        if (exists) {
                            try (Statement s = connection.createStatement()) {
                                s.execute("alter table " + table + " add column " + dialect.identifier(c.name()) + " "
                                        + type);
                            }
                            added++;
                        }
                    }
                    types.put(c.name(), type);
                }
                if (!exists) {
                    List<String> definitions = new ArrayList<>();
                    types.forEach((c, type) -> definitions.add(dialect.identifier(c) + " " + type));
                    try (Statement s = connection.createStatement()) {
                        s.execute("create table " + table + " (" + String.join(", ", definitions) + ")");
                    }
                    created++;
                } else {
                    replace(connection, dialect, table, t);
                }
                rows += insert(connection, dialect, table, t, types);
            }
            connection.commit();
            return new Written(created, added, rows);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Deletes the rows of the keys about to be inserted: a message loaded twice is one row. */
    private static void replace(Connection connection, Dialect dialect, String table, LoadTables.Table t)
            throws SQLException {
        if (t.columns().stream().noneMatch(c -> c.name().equals(t.key()))) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Map<String, JsonNode> row : t.rows()) {
            JsonNode k = row.get(t.key());
            if (k != null) {
                keys.add(k.asText());
            }
        }
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
            String sql = "delete from " + table + " where cast(" + dialect.identifier(t.key()) + " as "
                    + dialect.typeName(ColumnType.STRING) + ") in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 1, chunk.get(i));
                }
                p.executeUpdate();
            }
        }
    }

    private static long insert(
            Connection connection, Dialect dialect, String table, LoadTables.Table t, Map<String, String> types)
            throws SQLException {
        List<String> columns = new ArrayList<>(types.keySet());
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<ColumnType> kinds = new ArrayList<>();
        for (String c : columns) {
            names.add(dialect.identifier(c));
            ColumnType kind = ColumnType.ofWarehouse(types.get(c));
            kinds.add(kind);
            values.add(kind == ColumnType.JSON ? "cast(cast(? as json) as " + types.get(c) + ")" : "?");
        }
        // many rows a statement: a JDBC batch of one-row inserts runs row by row on DuckDB (~3k rows/s)
        int perStatement = Math.max(1, Math.min(ROWS_PER_INSERT, MAX_PARAMETERS / Math.max(1, columns.size())));
        String row = "(" + String.join(", ", values) + ")";
        String head = "insert into " + table + " (" + String.join(", ", names) + ") values ";
        List<Map<String, JsonNode>> rows = new ArrayList<>(t.rows());
        long count = 0;
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<Map<String, JsonNode>> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
                boolean whole = chunk.size() == perStatement;
                if (whole && full == null) {
                    full = connection.prepareStatement(
                            head + String.join(", ", Collections.nCopies(perStatement, row)));
                }
                PreparedStatement p = whole
                        ? full
                        : connection.prepareStatement(head + String.join(", ", Collections.nCopies(chunk.size(), row)));
                try {
                    int at = 1;
                    for (Map<String, JsonNode> r : chunk) {
                        for (int i = 0; i < columns.size(); i++) {
                            bind(p, at++, kinds.get(i), r.get(columns.get(i)));
                        }
                    }
                    p.executeUpdate();
                    count += chunk.size();
                } finally {
                    if (!whole) {
                        p.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return count;
    }

    /** Binds a JSON value as the column's type; what does not fit the type is null. */
    private static void bind(PreparedStatement p, int i, ColumnType type, JsonNode value) throws SQLException {
        Object converted = value == null || value.isNull() ? null : convert(type, value);
        if (converted == null) {
            p.setNull(
                    i,
                    switch (type) {
                        case INTEGER -> Types.BIGINT;
                        case NUMBER -> Types.DOUBLE;
                        case BOOLEAN -> Types.BOOLEAN;
                        case TIMESTAMP -> Types.TIMESTAMP;
                        case DATE -> Types.DATE;
                        default -> Types.VARCHAR;
                    });
        } else {
            p.setObject(i, converted);
        }
    }

    static Object convert(ColumnType type, JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        try {
            return switch (type) {
                case STRING -> text;
                case JSON -> value.isTextual() ? text : value.toString();
                case INTEGER ->
                    value.isIntegralNumber() && value.canConvertToLong()
                            ? (Object) value.longValue()
                            : value.isTextual() ? (Object) Long.parseLong(text.strip()) : null;
                case NUMBER ->
                    value.isNumber()
                            ? (Object) value.doubleValue()
                            : value.isTextual() ? (Object) Double.parseDouble(text.strip()) : null;
                case BOOLEAN ->
                    value.isBoolean()
                            ? (Object) value.booleanValue()
                            : text.equals("true") || text.equals("false") ? (Object) Boolean.parseBoolean(text) : null;
                case TIMESTAMP -> value.isTextual() ? timestamp(text) : null;
                case DATE -> value.isTextual() ? LocalDate.parse(text.strip()) : null;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** An ISO 8601 date-time as UTC without zone (the loaders' {@code TIMESTAMP}). */
    static LocalDateTime timestamp(String text) {
        String t = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t);
        }
    }
}
