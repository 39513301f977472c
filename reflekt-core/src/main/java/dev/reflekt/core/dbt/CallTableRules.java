package dev.reflekt.core.dbt;

import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * What differs between collectors that load Segment's spec into a table per call type ({@code identifies},
 * {@code users}, {@code groups}, {@code pages}, {@code screens}, {@code tracks}) and one per track event, with
 * properties flattened into columns: their naming rules and their own columns. {@link CallTablePlanner} does
 * the rest. One implementation per collector ({@link SegmentRules}, {@link RudderStackRules}), made for one
 * build.
 */
public interface CallTableRules {

    /** The collector's name as its users write it ({@code Segment}). */
    String product();

    /**
     * The raw table of the event called {@code eventName}: the call tables for Reflekt's Identify, Group, Page
     * Viewed and Screen Viewed schemas, else the track event's own table. Only {@code [a-z0-9_]}; empty when the
     * name makes no table.
     */
    String table(String eventName);

    /**
     * The raw column of a property at {@code keys} (nested keys in order), or null when the collector does not
     * load it into the tables of {@code callType} ({@code track}, {@code identify}, {@code group}, {@code page},
     * {@code screen}).
     */
    String column(List<String> keys, String callType);

    /** The collector's own columns, raw name → description, in the order models select them. */
    Map<String, String> common();

    /** The type the collector loads its own column as. */
    ColumnType type(String column);

    /** Whether the column is in every table of {@code callType} whatever the calls sent: an offline build selects it. */
    boolean alwaysPresent(String column, String callType);

    /** Whether the column is in every {@code users} table: an offline build selects it. */
    boolean alwaysPresentInUsers(String column);

    /**
     * The model's name of one of the collector's own columns in {@code table}: {@code id} says whose id it is
     * ({@code event_id}, {@code identify_id}, {@code user_id} in users...), {@code event_text} becomes
     * {@code event_name}, timestamps end in {@code tstamp}, {@code context_} is dropped; see the README.
     */
    default String rename(String column, String table) {
        return switch (column) {
            case "id" ->
                switch (table) {
                    case "identifies" -> "identify_id";
                    case "users" -> "user_id";
                    case "groups" -> "group_id";
                    case "pages" -> "page_id";
                    case "screens" -> "screen_id";
                    default -> "event_id";
                };
            case "event_text" -> "event_name";
            case "original_timestamp" -> "original_tstamp";
            case "sent_at" -> "sent_at_tstamp";
            case "received_at" -> "received_at_tstamp";
            case "timestamp" -> "tstamp";
            default -> column.startsWith("context_") ? column.substring("context_".length()) : column;
        };
    }

    /** The call that loads rows into {@code table}: {@code identify}, {@code group}, {@code page}, {@code screen} or {@code track}. */
    static String callType(String table) {
        return switch (table) {
            case "identifies", "users" -> "identify";
            case "groups" -> "group";
            case "pages" -> "page";
            case "screens" -> "screen";
            default -> "track";
        };
    }

    /** The call tables of Reflekt's Identify, Group, Page Viewed and Screen Viewed schemas, by snake-cased name. */
    java.util.Map<String, String> CALL_TABLES = java.util.Map.of(
            "identify", "identifies", "group", "groups", "page_viewed", "pages", "screen_viewed", "screens");

    /**
     * The tables the collector writes whatever the plan: its call tables. A table of the schema not among them and not
     * planned is an event nobody planned.
     */
    default java.util.Set<String> ownTables() {
        return java.util.Set.of("tracks", "identifies", "users", "groups", "pages", "screens", "aliases");
    }

    /**
     * Whether the collector writes {@code column} whatever the schemas say: its own columns ({@link #common()}), the
     * {@code context_} fields of every message, and its load bookkeeping.
     */
    default boolean ownColumn(String column) {
        return common().containsKey(column)
                || column.startsWith("context_")
                || java.util.Set.of(
                                "id",
                                "uuid_ts",
                                "loaded_at",
                                "received_at",
                                "sent_at",
                                "timestamp",
                                "original_timestamp",
                                "event",
                                "event_text",
                                "anonymous_id",
                                "user_id")
                        .contains(column);
    }

    /**
     * The events whose tables are in {@code warehouse}: each track event's table (not a call table, not the
     * collector's own) named so that {@link #table} gives it back ({@code order_completed} → {@code Order Completed},
     * else the table's own name), and Reflekt's Identify, Group, Page Viewed and Screen Viewed for the call tables;
     * columns less the collector's own ({@link #ownColumn}).
     */
    default java.util.List<LoadedEvent> loadedEvents(dev.reflekt.core.warehouse.TableColumns warehouse) {
        java.util.Map<String, String> callEvents = java.util.Map.of(
                "identifies", "Identify", "groups", "Group", "pages", "Page Viewed", "screens", "Screen Viewed");
        java.util.List<LoadedEvent> out = new java.util.ArrayList<>();
        for (String table : warehouse.tables()) {
            String name = callEvents.get(table);
            if (name == null) {
                if (ownTables().contains(table)) {
                    continue;
                }
                name = java.util.Arrays.stream(table.split("_"))
                        .filter(w -> !w.isEmpty())
                        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                        .collect(java.util.stream.Collectors.joining(" "));
                if (!table(name).equals(table)) {
                    name = table;
                }
            }
            java.util.List<String> columns = new java.util.ArrayList<>();
            for (String column :
                    new java.util.TreeSet<>(warehouse.columns(table).orElseThrow())) {
                if (!ownColumn(column)) {
                    columns.add(column);
                }
            }
            out.add(new LoadedEvent(table, name, columns));
        }
        return out;
    }

    /** The raw column identifying a message. */
    String key();

    /** The raw column saying when the collector received the message: incremental runs and freshness use it. */
    String loadedAt();
}
