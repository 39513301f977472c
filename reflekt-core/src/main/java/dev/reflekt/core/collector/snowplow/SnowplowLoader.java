package dev.reflekt.core.collector.snowplow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reflekt.core.events.SentEvent;
import dev.reflekt.core.load.EventLoader;
import dev.reflekt.core.load.LoadTables;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snowplow's loaders into a warehouse with STRUCT columns (BigQuery Loader 2, Lake Loader; DuckDB locally): one row of
 * {@code atomic.events} per tracker-protocol payload, with the atomic columns the enrichment fills from the payload's
 * fields ({@code eid}, {@code dtm}, {@code aid}...), a STRUCT column {@code unstruct_event_<vendor>_<name>_<MAJOR>} for
 * a self-describing event and an ARRAY of STRUCT {@code contexts_<vendor>_<name>_<MAJOR>} per entity, named as
 * {@link SnowplowNames} names them; fields snake-cased. A STRUCT column's type is what all its values loaded together
 * hold (the loaders read it from the Iglu schema; the recording is all there is locally), fields in name order.
 * {@code collector_tstamp} is the payload's {@code stm} (else {@code dtm}): a function of the recording.
 */
final class SnowplowLoader implements EventLoader {

    private static final String PROTOCOL = "iglu:com.snowplowanalytics.snowplow/";
    private static final Pattern IGLU = Pattern.compile("iglu:([^/]+)/([^/]+)/([^/]+)/([1-9][0-9]*)-([0-9]+)-([0-9]+)");

    /** The atomic columns loaded, and the tracker-protocol field each comes from (empty: computed). */
    private static final Map<String, String> ATOMIC = atomic();

    private final Dialect dialect;
    private final LoadTables tables = new LoadTables();
    /** Per STRUCT column, the shape of all its values. */
    private final Map<String, Shape> shapes = new TreeMap<>();

    SnowplowLoader(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return "snowplow";
    }

    @Override
    public String layout() {
        return "Snowplow's: atomic.events, a STRUCT column per event schema MAJOR and an ARRAY of STRUCT per entity";
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
        String schema = document.path("schema").asText("");
        if (schema.startsWith(PROTOCOL + "payload_data/")
                && document.path("data").isArray()) {
            document.get("data").forEach(this::payload);
            return true;
        }
        if (document.path("e").isTextual()) {
            payload(document);
            return true;
        }
        return false;
    }

    private void payload(JsonNode p) {
        if (!p.isObject()) {
            return;
        }
        LoadTables.Row row = tables.row("events", "event_id");
        String collector = epochMillis(first(p, "stm", "dtm"));
        String created = epochMillis(p.path("dtm").asText(null));
        String sent = epochMillis(p.path("stm").asText(null));
        String derived = collector;
        if (collector != null && created != null && sent != null) {
            Instant c = Instant.parse(collector);
            derived = c.minusMillis(Instant.parse(sent).toEpochMilli()
                            - Instant.parse(created).toEpochMilli())
                    .toString();
        }
        Map<String, String> computed = new LinkedHashMap<>();
        computed.put("collector_tstamp", collector);
        computed.put("dvce_created_tstamp", created);
        computed.put("dvce_sent_tstamp", sent);
        computed.put("derived_tstamp", derived);
        computed.put("etl_tstamp", collector);
        computed.put("load_tstamp", collector);
        computed.put("true_tstamp", epochMillis(p.path("ttm").asText(null)));
        String[] event = event(p);
        computed.put("event", event[0]);
        computed.put("event_vendor", event[1]);
        computed.put("event_name", event[2]);
        computed.put("event_format", event[3]);
        computed.put("event_version", event[4]);
        ATOMIC.forEach((column, field) -> {
            ColumnType type = column.endsWith("_tstamp")
                    ? ColumnType.TIMESTAMP
                    : column.equals("domain_sessionidx") ? ColumnType.INTEGER : ColumnType.STRING;
            row.declare(column, type);
            String value = field.isEmpty() ? computed.get(column) : first(p, field.split(","));
            if (value != null) {
                row.put(column, type, column.equals("domain_sessionidx") ? integer(value) : TextNode.valueOf(value));
            }
        });
        JsonNode ue = SnowplowPayloads.embedded(p, "ue_pr", "ue_px");
        if (ue != null && ue.path("data").isObject()) {
            String column =
                    column("unstruct_event_", ue.path("data").path("schema").asText(""));
            if (column != null) {
                JsonNode data = snakeKeys(ue.path("data").path("data"));
                shapes.computeIfAbsent(column, c -> new Shape()).add(data);
                row.put(column, ColumnType.JSON, data);
            }
        }
        JsonNode co = SnowplowPayloads.embedded(p, "co", "cx");
        if (co != null && co.path("data").isArray()) {
            Map<String, ArrayNode> entities = new TreeMap<>();
            for (JsonNode c : co.get("data")) {
                String column = column("contexts_", c.path("schema").asText(""));
                if (column != null) {
                    entities.computeIfAbsent(column, k -> JsonNodeFactory.instance.arrayNode())
                            .add(snakeKeys(c.path("data")));
                }
            }
            entities.forEach((column, values) -> {
                shapes.computeIfAbsent(column, k -> new Shape()).add(values);
                row.put(column, ColumnType.JSON, values);
            });
        }
        row.add();
    }

    @Override
    public void finish() {
        LoadTables.Table events = tables.tables().get("events");
        if (events != null) {
            shapes.forEach((column, shape) -> events.structType(column, shape.type(dialect)));
        }
    }

    /** {@code event} and the event's vendor, name, format and version, as the enrichment sets them. */
    private static String[] event(JsonNode p) {
        String e = p.path("e").asText("");
        return switch (e) {
            case "pv" ->
                new String[] {"page_view", "com.snowplowanalytics.snowplow", "page_view", "jsonschema", "1-0-0"};
            case "pp" ->
                new String[] {"page_ping", "com.snowplowanalytics.snowplow", "page_ping", "jsonschema", "1-0-0"};
            case "se" -> new String[] {"struct", "com.google.analytics", "event", "jsonschema", "1-0-0"};
            case "tr" ->
                new String[] {"transaction", "com.snowplowanalytics.snowplow", "transaction", "jsonschema", "1-0-0"};
            case "ti" ->
                new String[] {
                    "transaction_item", "com.snowplowanalytics.snowplow", "transaction_item", "jsonschema", "1-0-0"
                };
            case "ue" -> {
                JsonNode ue = SnowplowPayloads.embedded(p, "ue_pr", "ue_px");
                Matcher m = IGLU.matcher(
                        ue == null ? "" : ue.path("data").path("schema").asText(""));
                yield m.matches()
                        ? new String[] {
                            "unstruct",
                            m.group(1),
                            m.group(2),
                            m.group(3),
                            m.group(4) + "-" + m.group(5) + "-" + m.group(6)
                        }
                        : new String[] {"unstruct", null, null, null, null};
            }
            default -> new String[] {null, null, null, null, null};
        };
    }

    /** The STRUCT column of an Iglu URI, or null when it is none. */
    private static String column(String prefix, String uri) {
        Matcher m = IGLU.matcher(uri);
        if (!m.matches()) {
            return null;
        }
        return prefix + SnowplowNames.base(m.group(1), m.group(2), Integer.parseInt(m.group(4)));
    }

    /** The value with every object's keys as STRUCT fields are named ({@link SnowplowNames#field}). */
    private static JsonNode snakeKeys(JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(e -> out.set(SnowplowNames.field(e.getKey()), snakeKeys(e.getValue())));
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> out.add(snakeKeys(v)));
            return out;
        }
        return value;
    }

    private static String first(JsonNode p, String... fields) {
        for (String f : fields) {
            if (p.path(f).isValueNode()
                    && !p.path(f).isNull()
                    && !p.path(f).asText().isEmpty()) {
                return p.path(f).asText();
            }
        }
        return null;
    }

    private static JsonNode integer(String value) {
        try {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Epoch milliseconds (the tracker protocol's times) as ISO 8601; null when not a number. */
    private static String epochMillis(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.strip())).toString();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static Map<String, String> atomic() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("app_id", "aid");
        m.put("platform", "p");
        m.put("etl_tstamp", "");
        m.put("collector_tstamp", "");
        m.put("dvce_created_tstamp", "");
        m.put("event", "");
        m.put("event_id", "eid");
        m.put("name_tracker", "tna");
        m.put("v_tracker", "tv");
        m.put("user_id", "uid");
        m.put("domain_userid", "duid");
        m.put("domain_sessionidx", "vid");
        m.put("network_userid", "tnuid,nuid");
        m.put("page_url", "url");
        m.put("page_title", "page");
        m.put("page_referrer", "refr");
        m.put("se_category", "se_ca");
        m.put("se_action", "se_ac");
        m.put("se_label", "se_la");
        m.put("se_property", "se_pr");
        m.put("se_value", "se_va");
        m.put("useragent", "ua");
        m.put("br_lang", "lang");
        m.put("dvce_sent_tstamp", "");
        m.put("domain_sessionid", "sid");
        m.put("derived_tstamp", "");
        m.put("event_vendor", "");
        m.put("event_name", "");
        m.put("event_format", "");
        m.put("event_version", "");
        m.put("true_tstamp", "");
        m.put("load_tstamp", "");
        return m;
    }

    /** What all values of a STRUCT column (or of a field) held: its type. */
    private static final class Shape {
        boolean strings;
        boolean integers;
        boolean numbers;
        boolean booleans;
        boolean arrays;
        Shape items;
        Map<String, Shape> fields;

        void add(JsonNode v) {
            if (v.isObject()) {
                if (fields == null) {
                    fields = new TreeMap<>();
                }
                v.properties().forEach(e -> fields.computeIfAbsent(e.getKey(), k -> new Shape())
                        .add(e.getValue()));
            } else if (v.isArray()) {
                arrays = true;
                if (items == null) {
                    items = new Shape();
                }
                v.forEach(items::add);
            } else if (v.isIntegralNumber()) {
                integers = true;
            } else if (v.isNumber()) {
                numbers = true;
            } else if (v.isBoolean()) {
                booleans = true;
            } else if (v.isTextual()) {
                strings = true;
            }
        }

        String type(Dialect d) {
            boolean scalars = strings || integers || numbers || booleans;
            if (fields != null && !fields.isEmpty() && !scalars && !arrays) {
                List<String> out = new ArrayList<>();
                fields.forEach((k, s) -> out.add(d.identifier(k) + " " + s.type(d)));
                return "struct(" + String.join(", ", out) + ")";
            }
            if (arrays && fields == null && !scalars) {
                return (items == null || isEmpty(items) ? d.typeName(ColumnType.STRING) : items.type(d)) + "[]";
            }
            if (fields != null || arrays) {
                return d.typeName(ColumnType.JSON);
            }
            if (integers && !numbers && !strings && !booleans) {
                return d.typeName(ColumnType.INTEGER);
            }
            if ((integers || numbers) && !strings && !booleans) {
                return d.typeName(ColumnType.NUMBER);
            }
            if (booleans && !strings && !integers && !numbers) {
                return d.typeName(ColumnType.BOOLEAN);
            }
            return d.typeName(ColumnType.STRING);
        }

        private static boolean isEmpty(Shape s) {
            return !s.strings && !s.integers && !s.numbers && !s.booleans && !s.arrays && s.fields == null;
        }
    }
}
