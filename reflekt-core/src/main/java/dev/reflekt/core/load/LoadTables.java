package dev.reflekt.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows a load writes, per table, as a collector's loader would lay them out: each table's columns in the order they
 * first appear (the collector's own columns first), each row's values as the JSON values sent, converted to the
 * column's type only when written ({@link LocalWarehouse}). Rows with the same key (the message id) are one row, the
 * last one read, as the loaders deduplicate. Bounded: at most {@link #MAX_ROWS} rows in one load.
 */
public final class LoadTables {

    /** Rows one load holds; a larger recording is loaded in parts. */
    public static final int MAX_ROWS = 1_000_000;

    /**
     * A column.
     *
     * @param name the column's name, only {@code [a-z0-9_]} or the collector's own naming, quoted when written
     * @param type what it holds; {@link ColumnType#JSON} with a {@code structType} is a STRUCT column
     * @param structType the dialect's STRUCT or LIST type ({@code struct(a varchar)[]}) once known, else null
     */
    public record Column(String name, ColumnType type, String structType) {}

    /** One table's columns and rows. */
    public static final class Table {
        private final String key;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final Map<String, Map<String, JsonNode>> rows = new LinkedHashMap<>();
        private long unkeyed;

        Table(String key) {
            this.key = key;
        }

        /** The column that identifies a row. */
        public String key() {
            return key;
        }

        public Collection<Column> columns() {
            return columns.values();
        }

        public Collection<Map<String, JsonNode>> rows() {
            return rows.values();
        }

        /** Sets a column's STRUCT type, once every row is read. */
        public void structType(String column, String type) {
            Column c = columns.get(column);
            columns.put(column, new Column(c.name(), c.type(), type));
        }
    }

    /** A row being filled: the first value of a column wins. */
    public final class Row {
        private final Table table;
        private final Map<String, JsonNode> values = new LinkedHashMap<>();

        private Row(Table table) {
            this.table = table;
        }

        /** Sets {@code column} (of {@code type} when new to the table) unless this row has it; null values are skipped. */
        public Row put(String column, ColumnType type, JsonNode value) {
            if (column == null || column.isEmpty() || value == null || value.isNull() || value.isMissingNode()) {
                return this;
            }
            if (values.putIfAbsent(column, value) == null) {
                table.columns.computeIfAbsent(column, c -> new Column(c, type, null));
            }
            return this;
        }

        /** Gives the table {@code column} (of {@code type}) whether or not a row has a value for it. */
        public Row declare(String column, ColumnType type) {
            table.columns.computeIfAbsent(column, c -> new Column(c, type, null));
            return this;
        }

        /** Whether this row has {@code column}. */
        public boolean has(String column) {
            return values.containsKey(column);
        }

        /** Adds the row to its table, replacing a row of the same key. */
        public void add() {
            JsonNode k = values.get(table.key);
            String id = k == null ? "\u0000" + table.unkeyed++ : k.asText();
            if (table.rows.remove(id) == null) {
                rows++;
                if (rows > MAX_ROWS) {
                    throw new TooManyRows();
                }
            }
            table.rows.put(id, values);
        }
    }

    /** Thrown past {@link #MAX_ROWS}. */
    public static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super("more than " + MAX_ROWS + " rows in one load", null, false, false);
        }
    }

    private final Map<String, Table> tables = new TreeMap<>();
    private long rows;

    /** A new row of {@code table}, whose rows are identified by {@code key}. */
    public Row row(String table, String key) {
        return new Row(tables.computeIfAbsent(table, t -> new Table(key)));
    }

    /** The tables, by name. */
    public Map<String, Table> tables() {
        return tables;
    }

    /** Rows in all tables. */
    public long rowCount() {
        return rows;
    }
}
