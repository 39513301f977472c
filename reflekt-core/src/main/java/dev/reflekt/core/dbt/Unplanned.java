package dev.reflekt.core.dbt;

/**
 * Drift in the other direction: what the warehouse has in the collector's layout that no schema plans. Names come from
 * the warehouse's metadata: strangers' text, escaped by every sink.
 *
 * @param table the raw table
 * @param column the column no schema property loads, or empty when no schema plans the whole table
 */
public record Unplanned(String table, String column) {

    /** The rule id in reports: {@code unplanned-table} or {@code unplanned-column}. */
    public String rule() {
        return column.isEmpty() ? "unplanned-table" : "unplanned-column";
    }

    /** One line for the log. */
    public String describe() {
        return column.isEmpty()
                ? "table " + table + " is loaded by the collector, and no schema plans it [unplanned-table]; add a"
                        + " schema for its event, or stop sending it"
                : "column " + table + "." + column + " is loaded by the collector, and no property of the table's"
                        + " schemas makes it [unplanned-column]; declare the property, or stop sending it";
    }
}
