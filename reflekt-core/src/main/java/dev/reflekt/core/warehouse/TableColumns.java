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

    /** Records that {@code table} has {@code column}. */
    public TableColumns add(String table, String column) {
        byTable.computeIfAbsent(key(table), t -> new HashSet<>()).add(key(column));
        return this;
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
