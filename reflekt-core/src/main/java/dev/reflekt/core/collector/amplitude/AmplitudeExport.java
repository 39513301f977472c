package dev.reflekt.core.collector.amplitude;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amplitude's warehouse export (Snowflake, BigQuery, Redshift, Databricks through S3): one table of every event per
 * Amplitude project, {@code EVENTS_<project id>}, with a column per field of Amplitude's export format and the
 * properties as sent in two JSON documents, {@code event_properties} and {@code user_properties} (VARIANT, JSON text,
 * jsonb or JSON: {@link dev.reflekt.core.warehouse.dialect.Dialect#jsonDocumentType()}).
 */
final class AmplitudeExport {

    /** The column holding an event's properties. */
    static final String EVENT_PROPERTIES = "event_properties";

    /** The column holding the user's properties when the event happened. */
    static final String USER_PROPERTIES = "user_properties";

    /** The column every model's incremental runs and freshness go by: when Amplitude received the event. */
    static final String LOADED_AT = "server_upload_time";

    /** The event type of an identify call. */
    static final String IDENTIFY = "$identify";

    private static final Pattern EVENTS_TABLE = Pattern.compile("events_[0-9]+");

    /** The export's columns a model of events selects, with their descriptions. */
    static final Map<String, String> COLUMNS = columns();

    /** The types of {@link #COLUMNS}; strings unless listed. */
    static final Map<String, ColumnType> TYPES = Map.of(
            "event_time", ColumnType.TIMESTAMP,
            "server_upload_time", ColumnType.TIMESTAMP,
            "client_event_time", ColumnType.TIMESTAMP,
            "amplitude_id", ColumnType.INTEGER,
            "session_id", ColumnType.INTEGER);

    private AmplitudeExport() {}

    /** The export table of the project {@code project}: {@code events_<id>}. */
    static String table(String project) {
        return "events_" + project;
    }

    /**
     * The export table the models read: the configured project's, else the one export table of the warehouse schema.
     *
     * @throws ReflektException when neither tells which
     */
    static String table(DbtConfig dbt, Optional<TableColumns> warehouse, String sourceSchema) throws ReflektException {
        if (dbt.amplitudeProjectId() != null) {
            if (!dbt.amplitudeProjectId().matches("[0-9]{1,20}")) {
                throw new ReflektException("artifacts.dbt.amplitude.project_id is not a project id (digits only);"
                        + " set it to the number in Amplitude's project settings.");
            }
            return table(dbt.amplitudeProjectId());
        }
        if (warehouse.isEmpty()) {
            throw new ReflektException("Amplitude's export names its table after the project (EVENTS_<project id>),"
                    + " and nothing says which: set artifacts.dbt.amplitude.project_id in reflekt_project.yml (the"
                    + " number in Amplitude's project settings), or build from the warehouse's metadata.");
        }
        List<String> found = new ArrayList<>();
        for (String t : warehouse.get().tables()) {
            if (EVENTS_TABLE.matcher(t.toLowerCase(Locale.ROOT)).matches()) {
                found.add(t);
            }
        }
        if (found.size() != 1) {
            throw new ReflektException("schema " + sourceSchema + " has " + (found.isEmpty() ? "no" : found.size())
                    + " Amplitude export tables (EVENTS_<project id>)" + (found.isEmpty() ? "" : ": " + found)
                    + "; set artifacts.dbt.amplitude.project_id in reflekt_project.yml to the project whose"
                    + " events the models read.");
        }
        return found.get(0);
    }

    /** Whether {@code table} is one of the export's own tables (events and merged ids of any project). */
    static boolean own(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return EVENTS_TABLE.matcher(t).matches() || t.matches("merge_ids_[0-9]+");
    }

    private static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("uuid", "Amplitude's unique id of the event: the model's key.");
        c.put("event_time", "When the event happened, by Amplitude's clock (UTC): the time to analyse by.");
        c.put(
                LOADED_AT,
                "When Amplitude's servers received the event (UTC): the time incremental runs and freshness go by.");
        c.put("client_event_time", "When the event happened, by the device's clock.");
        c.put("event_type", "The event's name, as the app sent it.");
        c.put("user_id", "The user's id in the sending system, once they are known.");
        c.put("device_id", "The device's id, set by the SDK.");
        c.put("amplitude_id", "Amplitude's id of the user, after merging their device and user ids.");
        c.put("session_id", "When the session started, in milliseconds since the epoch; -1 outside a session.");
        c.put("platform", "The platform the event came from (Web, iOS, Android, ...).");
        c.put("os_name", "The operating system or browser.");
        c.put("version_name", "The version of the app that sent the event.");
        c.put("country", "The country, from the IP address.");
        c.put("library", "The SDK and its version.");
        return Collections.unmodifiableMap(c);
    }
}
