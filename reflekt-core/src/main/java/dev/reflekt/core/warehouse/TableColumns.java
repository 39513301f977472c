package dev.reflekt.core.warehouse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables and columns that really exist in one warehouse schema, from one metadata query. Names
 * compare case-insensitively, since unquoted Snowflake identifiers come back in upper case.
 */
public final class TableColumns {

    private final Map<String, Set<String>> byTable = new HashMap<>();
    private final Map<String, Map<String, Column>> types = new HashMap<>();

    /**
     * What the warehouse says of one column.
     *
     * @param dataType its type as {@code information_schema.columns.data_type} names it ({@code character varying},
     *     {@code BIGINT}, {@code TIMESTAMP_NTZ}...)
     * @param nullable whether it may hold NULL
     */
    public record Column(String dataType, boolean nullable) {}

    /** Records that {@code table} has {@code column}. */
    public TableColumns add(String table, String column) {
        byTable.computeIfAbsent(key(table), t -> new HashSet<>()).add(key(column));
        return this;
    }

    /**
     * Records that {@code table} has {@code column} of {@code dataType}, nullable when {@code isNullable} is
     * {@code YES} (as {@code information_schema} says it).
     */
    public TableColumns add(String table, String column, String dataType, String isNullable) {
        add(table, column);
        if (dataType != null) {
            types.computeIfAbsent(key(table), t -> new HashMap<>())
                    .put(
                            key(column),
                            new Column(
                                    dataType,
                                    !"NO"
                                            .equalsIgnoreCase(
                                                    String.valueOf(isNullable).strip())));
        }
        return this;
    }

    /** The type of {@code table.column}, when the metadata query read types. */
    public Optional<Column> column(String table, String column) {
        return Optional.ofNullable(types.getOrDefault(key(table), Map.of()).get(key(column)));
    }

    /** The columns of {@code table}, lower case, if the table exists. */
    public Optional<Set<String>> columns(String table) {
        return Optional.ofNullable(byTable.get(key(table)));
    }

    /** Every table found, lower case, sorted. */
    public java.util.SortedSet<String> tables() {
        return new java.util.TreeSet<>(byTable.keySet());
    }

    /** How many tables were found. */
    public int tableCount() {
        return byTable.size();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
