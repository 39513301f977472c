package dev.reflekt.core.collector.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reflekt.core.events.SentEvent;
import dev.reflekt.core.load.EventLoader;
import dev.reflekt.core.load.LoadTables;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Amplitude's export, locally: one row of {@code events_<project id>} per uploaded event, the export's columns filled
 * from the upload's fields as Amplitude fills them ({@code time} → {@code event_time} and {@code client_event_time},
 * {@code app_version} → {@code version_name}), {@code event_properties} as sent, and {@code user_properties} the
 * user's properties once the event happened: each user's (by {@code user_id}, else {@code device_id}) {@code $set},
 * {@code $setOnce} and {@code $unset} of identify events and of events' {@code user_properties} applied in recording
 * order. {@code uuid} is the event's {@code insert_id} when it has one, else derived from where it was recorded, so a
 * re-load replaces rather than duplicates.
 */
final class AmplitudeLoader implements EventLoader {

    private final String table;
    private final LoadTables tables = new LoadTables();
    private final Map<String, ObjectNode> users = new HashMap<>();

    AmplitudeLoader(String table) {
        this.table = table;
    }

    @Override
    public String name() {
        return "amplitude";
    }

    @Override
    public String layout() {
        return "Amplitude's export: " + table + ", one row per event, properties in JSON columns";
    }

    @Override
    public LoadTables tables() {
        return tables;
    }

    @Override
    public boolean read(JsonNode document, SentEvent.Location where, Consumer<SentEvent> events) {
        return AmplitudePayloads.eachEvent(
                document, (event, pointer) -> event(event, where.file() + ":" + where.line() + pointer));
    }

    private void event(JsonNode e, String recordedAt) {
        if (!e.isObject() || !e.path("event_type").isTextual()) {
            return;
        }
        String uuid = e.path("uuid").isTextual()
                ? e.get("uuid").asText()
                : e.path("insert_id").isTextual()
                        ? e.get("insert_id").asText()
                        : UUID.nameUUIDFromBytes(recordedAt.getBytes(StandardCharsets.UTF_8))
                                .toString();
        JsonNode uploaded = millis(e.path("server_upload_time"));
        JsonNode time = e.path("time").isNumber() ? millis(e.get("time")) : uploaded;
        String user = e.path("user_id").isTextual()
                ? "u:" + e.get("user_id").asText()
                : e.path("device_id").isTextual() ? "d:" + e.get("device_id").asText() : null;
        ObjectNode properties = user == null
                ? JsonNodeFactory.instance.objectNode()
                : users.computeIfAbsent(user, u -> JsonNodeFactory.instance.objectNode());
        apply(properties, e.path("user_properties"));
        LoadTables.Row row = tables.row(table, "uuid");
        AmplitudeExport.COLUMNS
                .keySet()
                .forEach(c -> row.declare(c, AmplitudeExport.TYPES.getOrDefault(c, ColumnType.STRING)));
        row.put("uuid", ColumnType.STRING, TextNode.valueOf(uuid))
                .put("event_time", ColumnType.TIMESTAMP, time)
                .put(AmplitudeExport.LOADED_AT, ColumnType.TIMESTAMP, uploaded)
                .put("client_event_time", ColumnType.TIMESTAMP, time)
                .put("event_type", ColumnType.STRING, e.get("event_type"))
                .put("user_id", ColumnType.STRING, e.get("user_id"))
                .put("device_id", ColumnType.STRING, e.get("device_id"))
                .put("session_id", ColumnType.INTEGER, e.get("session_id"))
                .put("platform", ColumnType.STRING, e.get("platform"))
                .put("os_name", ColumnType.STRING, e.get("os_name"))
                .put("version_name", ColumnType.STRING, e.get("app_version"))
                .put("country", ColumnType.STRING, e.get("country"))
                .put("library", ColumnType.STRING, e.get("library"))
                .put(AmplitudeExport.EVENT_PROPERTIES, ColumnType.JSON, object(e.path("event_properties")))
                .put(AmplitudeExport.USER_PROPERTIES, ColumnType.JSON, properties.deepCopy());
        row.add();
    }

    /** Applies user property operations ({@code $set}, {@code $setOnce}, {@code $unset}) or plain properties. */
    private static void apply(ObjectNode state, JsonNode userProperties) {
        if (!userProperties.isObject()) {
            return;
        }
        boolean operations = false;
        for (Iterator<String> names = userProperties.fieldNames(); names.hasNext(); ) {
            operations |= names.next().startsWith("$");
        }
        if (!operations) {
            state.setAll((ObjectNode) userProperties);
            return;
        }
        if (userProperties.path("$set").isObject()) {
            state.setAll((ObjectNode) userProperties.get("$set"));
        }
        userProperties.path("$setOnce").fields().forEachRemaining(f -> {
            if (!state.has(f.getKey())) {
                state.set(f.getKey(), f.getValue());
            }
        });
        userProperties.path("$unset").fieldNames().forEachRemaining(state::remove);
    }

    private static JsonNode object(JsonNode node) {
        return node.isObject() ? node : JsonNodeFactory.instance.objectNode();
    }

    /** Milliseconds since the epoch as an ISO instant, or null. */
    private static JsonNode millis(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong()
                ? TextNode.valueOf(Instant.ofEpochMilli(value.longValue()).toString())
                : value.isTextual() ? value : null;
    }
}
