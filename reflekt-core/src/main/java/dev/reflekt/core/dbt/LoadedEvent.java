package dev.reflekt.core.dbt;

import java.util.List;

/**
 * An event the collector's loader made a table for, read back from warehouse metadata ({@code reflekt:infer}).
 *
 * @param table the raw table
 * @param name the event's name, such that the collector's loader makes {@code table} of it again
 * @param columns the table's columns that properties loaded into (the collector's own left out), sorted
 */
public record LoadedEvent(String table, String name, List<String> columns) {

    public LoadedEvent {
        columns = List.copyOf(columns);
    }
}
