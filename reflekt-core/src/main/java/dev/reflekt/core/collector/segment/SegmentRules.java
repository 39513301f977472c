package dev.reflekt.core.collector.segment;

import dev.reflekt.core.dbt.CallTableRules;
import dev.reflekt.core.naming.Inflection;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Segment's warehouses ({@link CallTableRules}): event tables named by snake-casing the event name, properties
 * flattened with {@code _} and snake-cased, a top-level {@code id} property loaded as {@code _id}, and the
 * columns Segment's loader writes for every call, in the order the Python Reflekt CLI considers them, with
 * descriptions written from Segment's documentation of its common fields.
 */
final class SegmentRules implements CallTableRules {

    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^a-z0-9_]");

    /** Columns present in every Segment table whatever the call sent: what an offline build selects. */
    private static final Set<String> ALWAYS_PRESENT = Set.of(
            "id",
            "original_timestamp",
            "sent_at",
            "received_at",
            "timestamp",
            "anonymous_id",
            "user_id",
            "context_library_name",
            "context_library_version");

    /** Also always present in {@code tracks} and in the per-event tables of track calls. */
    private static final String EVENT_TEXT = "event_text";

    /** Always present in the {@code users} table (besides the traits). */
    private static final List<String> USERS_ALWAYS_PRESENT = List.of("id", "received_at");

    /**
     * The raw table Segment loads an event into: {@code Order Completed} → {@code order_completed}. Every
     * character outside {@code [a-z0-9_]} becomes {@code _}, so a name can never become a path or SQL.
     */
    static String eventTable(String eventName) {
        String snake =
                Inflection.underscore(eventName.toLowerCase(Locale.ROOT).strip().replace(' ', '_'));
        String safe = UNSAFE.matcher(snake).replaceAll("_");
        return CALL_TABLES.getOrDefault(safe, safe);
    }

    /** The column Segment loads a property into: keys snake-cased and joined with {@code _}; {@code id} → {@code _id}. */
    static String propertyColumn(List<String> keys) {
        List<String> parts = new java.util.ArrayList<>();
        keys.forEach(k -> parts.add(Inflection.underscore(k.replace(' ', '_'))));
        String name = String.join("_", parts);
        return keys.size() == 1 && name.equals("id") ? "_id" : name;
    }

    @Override
    public String product() {
        return "Segment";
    }

    @Override
    public String table(String eventName) {
        return eventTable(eventName);
    }

    @Override
    public String column(List<String> keys, String callType) {
        return propertyColumn(keys);
    }

    @Override
    public Map<String, String> common() {
        return COMMON;
    }

    @Override
    public boolean alwaysPresent(String column, String callType) {
        return ALWAYS_PRESENT.contains(column) || (callType.equals("track") && column.equals(EVENT_TEXT));
    }

    @Override
    public boolean alwaysPresentInUsers(String column) {
        return USERS_ALWAYS_PRESENT.contains(column);
    }

    @Override
    public String key() {
        return "id";
    }

    @Override
    public String loadedAt() {
        return "received_at";
    }

    /** Raw column → description, in the order models select them. */
    private static final Map<String, String> COMMON = commonColumns();

    /** The type of a common column: these, else a string. */
    private static final Map<String, ColumnType> TYPES = Map.ofEntries(
            Map.entry("original_timestamp", ColumnType.TIMESTAMP),
            Map.entry("sent_at", ColumnType.TIMESTAMP),
            Map.entry("received_at", ColumnType.TIMESTAMP),
            Map.entry("timestamp", ColumnType.TIMESTAMP),
            Map.entry("context_active", ColumnType.BOOLEAN),
            Map.entry("context_device_ad_tracking_enabled", ColumnType.BOOLEAN),
            Map.entry("context_location_latitude", ColumnType.NUMBER),
            Map.entry("context_location_longitude", ColumnType.NUMBER),
            Map.entry("context_location_speed", ColumnType.NUMBER),
            Map.entry("context_network_bluetooth", ColumnType.BOOLEAN),
            Map.entry("context_network_cellular", ColumnType.BOOLEAN),
            Map.entry("context_network_wifi", ColumnType.BOOLEAN),
            Map.entry("context_screen_density", ColumnType.NUMBER),
            Map.entry("context_screen_height", ColumnType.INTEGER),
            Map.entry("context_screen_width", ColumnType.INTEGER));

    /** The type Segment loads a common column as. */
    @Override
    public ColumnType type(String column) {
        return TYPES.getOrDefault(column, ColumnType.STRING);
    }

    private static Map<String, String> commonColumns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(
                "id",
                "Unique identifier of the message, set by the Segment library (messageId); Segment deduplicates"
                        + " on it.");
        c.put("event_text", "The event name as sent in the track call, before Segment turned it into a table name.");
        c.put("original_timestamp", "When the call happened on the device, by the device's clock, uncorrected.");
        c.put("sent_at", "When the library sent the call to Segment, by the device's clock.");
        c.put(
                "received_at",
                "When Segment's servers received the call, by Segment's clock; the timestamp to use for"
                        + " loading and freshness.");
        c.put(
                "timestamp",
                "When the call happened, corrected for the device's clock skew using sent_at and" + " received_at.");
        c.put("type", "The Segment call type that produced the message (track, identify, page, screen, group).");
        c.put("anonymous_id", "Pseudo-identifier of the user before they are known, set by the library.");
        c.put("user_id", "Identifier of the user in the sending system, once they are known.");
        c.put("context_active", "Whether the user is active; false for calls made on the server without a user.");
        c.put("context_app_name", "Name of the app that sent the call.");
        c.put("context_app_version", "Version of the app that sent the call.");
        c.put("context_app_build", "Build of the app that sent the call.");
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
        c.put("context_ip", "IP address the call came from.");
        c.put("context_library_name", "Name of the Segment library that sent the call.");
        c.put("context_library_version", "Version of the Segment library that sent the call.");
        c.put("context_locale", "Locale of the device, e.g. en-US.");
        c.put("context_location_city", "City of the device's location.");
        c.put("context_location_country", "Country of the device's location.");
        c.put("context_location_latitude", "Latitude of the device's location.");
        c.put("context_location_longitude", "Longitude of the device's location.");
        c.put("context_location_postal_code", "Postal code of the device's location.");
        c.put("context_location_region", "Region of the device's location.");
        c.put("context_location_speed", "Speed of the device.");
        c.put("context_network_bluetooth", "Whether Bluetooth was enabled.");
        c.put("context_network_carrier", "Mobile network carrier.");
        c.put("context_network_cellular", "Whether the device used the cellular network.");
        c.put("context_network_wifi", "Whether the device used wifi.");
        c.put("context_os_name", "Operating system of the device.");
        c.put("context_os_version", "Version of the operating system.");
        c.put("context_page_path", "Path of the page the call was made on.");
        c.put("context_page_referrer", "URL of the page before the page the call was made on.");
        c.put("context_page_search", "Query string of the page URL.");
        c.put("context_page_title", "Title of the page the call was made on.");
        c.put("context_page_url", "Full URL of the page the call was made on.");
        c.put("context_protocols_source_id", "Segment source whose tracking plan checked the call (Protocols).");
        c.put("context_protocols_violations", "Tracking plan violations Protocols found in the call.");
        c.put("context_protocols_omitted", "Properties Protocols omitted from the call because the plan blocks them.");
        c.put("context_referrer_type", "Type of the referrer that brought the user.");
        c.put("context_referrer_name", "Name of the referrer that brought the user.");
        c.put("context_referrer_url", "URL of the referrer that brought the user.");
        c.put("context_referrer_link", "Link of the referrer that brought the user.");
        c.put("context_screen_density", "Pixel density of the screen.");
        c.put("context_screen_height", "Height of the screen in pixels.");
        c.put("context_screen_width", "Width of the screen in pixels.");
        c.put("context_timezone", "Time zone of the device, e.g. Europe/Paris.");
        c.put("context_group_id", "Group (account) the user belonged to when the call was made.");
        c.put("context_traits", "User traits sent with the call.");
        c.put("context_user_agent", "User agent of the browser or device that sent the call.");
        c.put("integrations", "Which destinations the call was sent to or withheld from.");
        c.put("name", "Name of the page or screen (page and screen calls).");
        return java.util.Collections.unmodifiableMap(c);
    }
}
