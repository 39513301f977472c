package dev.reflekt.core.collector.rudderstack;

import dev.reflekt.core.dbt.CallTableRules;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RudderStack's warehouse destinations ({@link CallTableRules}): names by {@link RudderStackNames}; the
 * columns of rudder-server's warehouse transformer ({@code warehouse/transformer/internal/rules/rules.go}:
 * {@code DefaultRules}, {@code TrackRules}, ... ) then the context the SDKs send, flattened as {@code context_*};
 * {@code uuid_ts} (and {@code loaded_at} on BigQuery) written by the loader. Descriptions follow RudderStack's
 * "Warehouse Schemas" documentation.
 */
final class RudderStackRules implements CallTableRules {

    /**
     * Columns RudderStack fills itself, per call type: a property loaded under one of these names is dropped
     * ({@code IsRudderReservedColumn} in {@code rules.go}; {@code setdata.go} skips such a property). In the
     * table of a track event, {@code event} (the table name) also overwrites a property of that name.
     */
    private static final Set<String> DEFAULT_RESERVED = Set.of(
            "id",
            "anonymous_id",
            "user_id",
            "sent_at",
            "timestamp",
            "received_at",
            "original_timestamp",
            "channel",
            "context_ip",
            "context_request_ip",
            "context_passed_ip");

    private static final Map<String, Set<String>> RESERVED_BY_CALL = Map.of(
            "track", Set.of("event_text", "record_id", "event"),
            "page", Set.of("name"),
            "screen", Set.of("name"),
            "group", Set.of("group_id"),
            "identify", Set.of());

    private static final Set<String> ALWAYS_PRESENT = Set.of(
            "id",
            "anonymous_id",
            "user_id",
            "sent_at",
            "timestamp",
            "received_at",
            "original_timestamp",
            "channel",
            "context_library_name",
            "context_library_version",
            "uuid_ts");

    private static final Set<String> ALWAYS_PRESENT_IN_TRACKS = Set.of("event", "event_text");

    private static final Set<String> USERS_ALWAYS_PRESENT = Set.of("id", "received_at", "uuid_ts");

    private static final Map<String, ColumnType> TYPES = Map.ofEntries(
            Map.entry("original_timestamp", ColumnType.TIMESTAMP),
            Map.entry("sent_at", ColumnType.TIMESTAMP),
            Map.entry("received_at", ColumnType.TIMESTAMP),
            Map.entry("timestamp", ColumnType.TIMESTAMP),
            Map.entry("uuid_ts", ColumnType.TIMESTAMP),
            Map.entry("loaded_at", ColumnType.TIMESTAMP),
            Map.entry("context_device_ad_tracking_enabled", ColumnType.BOOLEAN),
            Map.entry("context_network_bluetooth", ColumnType.BOOLEAN),
            Map.entry("context_network_cellular", ColumnType.BOOLEAN),
            Map.entry("context_network_wifi", ColumnType.BOOLEAN),
            Map.entry("context_screen_density", ColumnType.NUMBER),
            Map.entry("context_screen_height", ColumnType.INTEGER),
            Map.entry("context_screen_width", ColumnType.INTEGER));

    private static final Map<String, String> COMMON = commonColumns();

    private final RudderStackNames names;

    RudderStackRules(RudderStackNames names) {
        this.names = names;
    }

    @Override
    public String product() {
        return "RudderStack";
    }

    /**
     * Reflekt's Identify, Group, Page Viewed and Screen Viewed schemas model the call tables; any other name is a
     * track event's table, {@code _}-prefixed when RudderStack's own tables have that name.
     */
    @Override
    public String table(String eventName) {
        String table = RudderStackNames.transform(eventName, false).toLowerCase(java.util.Locale.ROOT);
        String call = CALL_TABLES.get(table);
        return call != null ? call : names.eventTable(eventName);
    }

    @Override
    public String column(List<String> keys, String callType) {
        String column = names.column(String.join("_", keys));
        if (column.isEmpty()
                || DEFAULT_RESERVED.contains(column)
                || RESERVED_BY_CALL.getOrDefault(callType, Set.of()).contains(column)) {
            return null;
        }
        return column;
    }

    @Override
    public Map<String, String> common() {
        return COMMON;
    }

    @Override
    public ColumnType type(String column) {
        return TYPES.getOrDefault(column, ColumnType.STRING);
    }

    @Override
    public boolean alwaysPresent(String column, String callType) {
        return ALWAYS_PRESENT.contains(column)
                || (callType.equals("track") && ALWAYS_PRESENT_IN_TRACKS.contains(column));
    }

    @Override
    public boolean alwaysPresentInUsers(String column) {
        return USERS_ALWAYS_PRESENT.contains(column);
    }

    /** As Segment's, and {@code event} (the table name of a track event) becomes {@code event_table}. */
    @Override
    public String rename(String column, String table) {
        return column.equals("event") ? "event_table" : CallTableRules.super.rename(column, table);
    }

    /** The call tables, and the tables RudderStack's warehouse destinations keep for themselves. */
    @Override
    public java.util.Set<String> ownTables() {
        return java.util.Set.of(
                "tracks",
                "identifies",
                "users",
                "groups",
                "pages",
                "screens",
                "aliases",
                "rudder_discards",
                "rudder_identity_merge_rules",
                "rudder_identity_mappings");
    }

    @Override
    public String key() {
        return "id";
    }

    @Override
    public String loadedAt() {
        return "received_at";
    }

    private static Map<String, String> commonColumns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("id", "Unique identifier of the message, set by the RudderStack SDK (messageId).");
        c.put(
                "event_text",
                "The event name as sent in the track call, before RudderStack turned it into a table name.");
        c.put("event", "The event name as RudderStack names its table.");
        c.put("original_timestamp", "When the call happened on the device, by the device's clock, uncorrected.");
        c.put("sent_at", "When the SDK sent the call to RudderStack, by the device's clock.");
        c.put(
                "received_at",
                "When RudderStack received the call, by RudderStack's clock; the timestamp to use for loading"
                        + " and freshness.");
        c.put(
                "timestamp",
                "When the call happened, corrected for the device's clock skew using sent_at and received_at.");
        c.put("anonymous_id", "Pseudo-identifier of the user before they are known, set by the SDK.");
        c.put("user_id", "Identifier of the user in the sending system, once they are known.");
        c.put("channel", "Where the call came from: web, mobile, server or sources.");
        c.put("context_ip", "IP address of the user: the one the SDK sent, else the one the request came from.");
        c.put("context_request_ip", "IP address the request reached RudderStack from.");
        c.put("context_passed_ip", "IP address the SDK sent in context.ip.");
        c.put("context_library_name", "Name of the RudderStack SDK that sent the call.");
        c.put("context_library_version", "Version of the RudderStack SDK that sent the call.");
        c.put("context_app_name", "Name of the app that sent the call.");
        c.put("context_app_version", "Version of the app that sent the call.");
        c.put("context_app_build", "Build of the app that sent the call.");
        c.put("context_app_namespace", "Namespace (bundle id) of the app that sent the call.");
        c.put("context_campaign_name", "Marketing campaign name (utm_campaign).");
        c.put("context_campaign_source", "Marketing campaign source (utm_source).");
        c.put("context_campaign_medium", "Marketing campaign medium (utm_medium).");
        c.put("context_campaign_term", "Marketing campaign term (utm_term).");
        c.put("context_campaign_content", "Marketing campaign content (utm_content).");
        c.put("context_device_id", "Identifier of the device.");
        c.put("context_device_name", "Name of the device.");
        c.put("context_device_type", "Type of the device (ios, android, ...).");
        c.put("context_device_manufacturer", "Manufacturer of the device.");
        c.put("context_device_model", "Model of the device.");
        c.put("context_device_advertising_id", "Advertising identifier of the device (IDFA or Google Ad ID).");
        c.put("context_device_ad_tracking_enabled", "Whether the user allows ad tracking on the device.");
        c.put("context_locale", "Locale of the device, e.g. en-US.");
        c.put("context_timezone", "Time zone of the device, e.g. Europe/Paris.");
        c.put("context_user_agent", "User agent of the browser or device that sent the call.");
        c.put("context_os_name", "Operating system of the device.");
        c.put("context_os_version", "Version of the operating system.");
        c.put("context_network_bluetooth", "Whether Bluetooth was enabled.");
        c.put("context_network_carrier", "Mobile network carrier.");
        c.put("context_network_cellular", "Whether the device used the cellular network.");
        c.put("context_network_wifi", "Whether the device used wifi.");
        c.put("context_page_path", "Path of the page the call was made on.");
        c.put("context_page_referrer", "URL of the page before the page the call was made on.");
        c.put("context_page_search", "Query string of the page URL.");
        c.put("context_page_title", "Title of the page the call was made on.");
        c.put("context_page_url", "Full URL of the page the call was made on.");
        c.put("context_page_initial_referrer", "The first referrer of the user's session.");
        c.put("context_page_initial_referring_domain", "Domain of the first referrer of the user's session.");
        c.put("context_screen_density", "Pixel density of the screen.");
        c.put("context_screen_height", "Height of the screen in pixels.");
        c.put("context_screen_width", "Width of the screen in pixels.");
        c.put("context_source_id", "RudderStack source that received the call.");
        c.put("context_source_type", "Type of the RudderStack source that received the call.");
        c.put("context_destination_id", "RudderStack destination that loaded the row.");
        c.put("context_destination_type", "Type of the RudderStack destination that loaded the row.");
        c.put("name", "Name of the page or screen (page and screen calls).");
        c.put("uuid_ts", "When RudderStack loaded the row into the warehouse.");
        c.put("loaded_at", "When RudderStack loaded the row into the warehouse (BigQuery).");
        return Collections.unmodifiableMap(c);
    }
}
