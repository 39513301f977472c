package dev.reflekt.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reflekt.core.dbt.CallTableRules;
import dev.reflekt.core.events.SentEvent;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The warehouse loaders of collectors that follow Segment's spec ({@link CallTableRules}: Segment, RudderStack): every
 * call becomes a row of its call table ({@code tracks}, {@code identifies}, {@code pages}, {@code screens},
 * {@code groups}, {@code aliases}), a track call also a row of its event's table, an identify call also the user's row
 * of {@code users} (the latest traits); the collector's own columns from the message ({@code id} from
 * {@code messageId}, the timestamps, {@code context_*} flattened), properties and traits flattened into columns named
 * by the collector's rules. A new column's type is its first value's: whole numbers {@code INTEGER}, other numbers
 * {@code NUMBER}, booleans, ISO 8601 date-times {@code TIMESTAMP}, anything else (arrays too, as JSON text) a string,
 * as both collectors document. {@code received_at} (and the load times) is the message's {@code receivedAt}, else its
 * {@code sentAt} or {@code timestamp}: what is loaded is a function of what was recorded.
 */
public final class CallTableLoader implements EventLoader {

    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");

    private final CallTableRules rules;
    private final LoadTables tables = new LoadTables();

    public CallTableLoader(CallTableRules rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return rules.product().toLowerCase(Locale.ROOT);
    }

    @Override
    public String layout() {
        return rules.product() + "'s: a table per track event, tracks, identifies, users, pages, screens, groups";
    }

    @Override
    public LoadTables tables() {
        return tables;
    }

    @Override
    public boolean read(JsonNode document, SentEvent.Location where, Consumer<SentEvent> events) {
        if (!document.isObject()) {
            return false;
        }
        if (document.path("batch").isArray()) {
            for (JsonNode message : document.get("batch")) {
                message(message, document);
            }
            return true;
        }
        if (call(document) == null) {
            return false;
        }
        message(document, document);
        return true;
    }

    /** A message's call: its {@code type}, or {@code track} for a track body with no type; null for none known. */
    private static String call(JsonNode message) {
        String type = message.path("type").asText("").toLowerCase(Locale.ROOT);
        if (List.of("track", "identify", "page", "screen", "group", "alias").contains(type)) {
            return type;
        }
        return message.path("type").isMissingNode() && message.path("event").isTextual() ? "track" : null;
    }

    private void message(JsonNode m, JsonNode batch) {
        String call = m.isObject() ? call(m) : null;
        if (call == null) {
            return;
        }
        switch (call) {
            case "track" -> {
                String event = m.path("event").asText("");
                String table = rules.table(event);
                if (table.isEmpty() || rules.ownTables().contains(table)) {
                    return; // Segment drops a track with no name; a name clashing with its own tables loads nowhere
                }
                LoadTables.Row tracks = common(tables.row("tracks", rules.key()), m, batch, "tracks");
                named(tracks, table, event).add();
                LoadTables.Row own = common(tables.row(table, rules.key()), m, batch, table);
                flatten(named(own, table, event), List.of(), m.path("properties"), "track");
                own.add();
            }
            case "identify" -> {
                LoadTables.Row row = common(tables.row("identifies", rules.key()), m, batch, "identifies");
                flatten(row, List.of(), m.path("traits"), "identify");
                row.add();
                if (m.path("userId").isValueNode() && !m.path("userId").asText().isEmpty()) {
                    LoadTables.Row user = tables.row("users", rules.key())
                            .put(
                                    "id",
                                    ColumnType.STRING,
                                    TextNode.valueOf(m.path("userId").asText()))
                            .put("received_at", ColumnType.TIMESTAMP, receivedAt(m, batch));
                    if (rules.common().containsKey("uuid_ts")) {
                        user.put("uuid_ts", ColumnType.TIMESTAMP, receivedAt(m, batch));
                    }
                    flatten(user, List.of(), m.path("traits"), "identify");
                    user.add();
                }
            }
            case "page", "screen" -> {
                String table = call.equals("page") ? "pages" : "screens";
                LoadTables.Row row = common(tables.row(table, rules.key()), m, batch, table);
                row.put("name", ColumnType.STRING, m.path("name"));
                flatten(row, List.of(), m.path("properties"), call);
                row.add();
            }
            case "group" -> {
                LoadTables.Row row = common(tables.row("groups", rules.key()), m, batch, "groups");
                row.put("group_id", ColumnType.STRING, text(m.path("groupId")));
                flatten(row, List.of(), m.path("traits"), "group");
                row.add();
            }
            default -> {
                LoadTables.Row row = common(tables.row("aliases", rules.key()), m, batch, "aliases");
                row.put("previous_id", ColumnType.STRING, text(m.path("previousId")));
                row.add();
            }
        }
    }

    /** {@code event} (the table's name) and {@code event_text} (the name as sent) of a track call's rows. */
    private LoadTables.Row named(LoadTables.Row row, String table, String event) {
        return row.put("event", rules.type("event"), TextNode.valueOf(table))
                .put("event_text", rules.type("event_text"), TextNode.valueOf(event));
    }

    /** The collector's own columns of every call, then {@code context_*}. */
    private LoadTables.Row common(LoadTables.Row row, JsonNode m, JsonNode batch, String table) {
        JsonNode received = receivedAt(m, batch);
        JsonNode timestamp = first(m.path("timestamp"), received);
        Map<String, JsonNode> values = Map.of(
                "id", text(m.path("messageId")),
                "anonymous_id", text(m.path("anonymousId")),
                "user_id", text(m.path("userId")),
                "timestamp", timestamp,
                "original_timestamp", first(m.path("originalTimestamp"), timestamp),
                "sent_at", first(m.path("sentAt"), batch.path("sentAt")),
                "received_at", received,
                "uuid_ts", received,
                "channel", m.path("channel"),
                "type", TextNode.valueOf(CallTableRules.callType(table)));
        for (String column :
                List.of("id", "anonymous_id", "user_id", "timestamp", "original_timestamp", "sent_at", "received_at")) {
            row.put(column, rules.type(column), values.get(column));
        }
        for (String column : rules.common().keySet()) {
            if (values.containsKey(column) && !row.has(column)) {
                row.put(column, rules.type(column), values.get(column));
            }
        }
        JsonNode context = first(m.path("context"), batch.path("context"));
        if (context.isObject()) {
            contexts(row, new ArrayList<>(List.of("context")), context);
        }
        return row;
    }

    private void contexts(LoadTables.Row row, List<String> keys, JsonNode node) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            keys.add(e.getKey());
            if (e.getValue().isObject()) {
                contexts(row, keys, e.getValue());
            } else {
                String column = rules.column(keys, "track");
                if (column != null) {
                    ColumnType type = rules.common().containsKey(column) ? rules.type(column) : typeOf(e.getValue());
                    row.put(column, type, leaf(e.getValue()));
                }
            }
            keys.remove(keys.size() - 1);
        }
    }

    /** Properties or traits, nested objects flattened into columns the collector's rules name. */
    private void flatten(LoadTables.Row row, List<String> prefix, JsonNode node, String callType) {
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            List<String> keys = new ArrayList<>(prefix);
            keys.add(e.getKey());
            if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                flatten(row, keys, e.getValue(), callType);
            } else {
                String column = rules.column(keys, callType);
                if (column != null && !column.isEmpty() && !rules.ownColumn(column)) {
                    row.put(column, typeOf(e.getValue()), leaf(e.getValue()));
                }
            }
        }
    }

    /** A value as loaded into one column: arrays and objects as their JSON text. */
    private static JsonNode leaf(JsonNode value) {
        return value.isContainerNode() ? TextNode.valueOf(value.toString()) : value;
    }

    /** The type a new column gets from its first value. */
    static ColumnType typeOf(JsonNode value) {
        if (value.isIntegralNumber()) {
            return ColumnType.INTEGER;
        }
        if (value.isNumber()) {
            return ColumnType.NUMBER;
        }
        if (value.isBoolean()) {
            return ColumnType.BOOLEAN;
        }
        if (value.isTextual() && DATE_TIME.matcher(value.textValue()).matches()) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }

    private static JsonNode receivedAt(JsonNode m, JsonNode batch) {
        return first(m.path("receivedAt"), first(m.path("sentAt"), first(batch.path("sentAt"), m.path("timestamp"))));
    }

    private static JsonNode first(JsonNode a, JsonNode b) {
        return a.isMissingNode() || a.isNull() ? b : a;
    }

    private static JsonNode text(JsonNode value) {
        return value.isValueNode() && !value.isNull()
                ? TextNode.valueOf(value.asText())
                : JsonNodeFactory.instance.nullNode();
    }
}
