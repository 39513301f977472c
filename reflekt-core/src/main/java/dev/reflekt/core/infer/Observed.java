package dev.reflekt.core.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the samples held at one place of an event (the event's data, a property, an array's items): how often each
 * JSON type, whether every string had a format, the distinct strings up to the enum limit, and per object key its own
 * {@code Observed}. Bounded whatever the samples: at most {@link #MAX_KEYS} keys per object and {@link #MAX_DEPTH}
 * levels (beyond, the place is any value), at most {@code maxEnumValues + 1} strings kept. Values are counted, never
 * kept, except those distinct strings when enums are asked for.
 */
final class Observed {

    /** Keys of one object place beyond which it is an object of any keys. */
    static final int MAX_KEYS = 1_000;

    /** Nesting beyond which a place is any value. */
    static final int MAX_DEPTH = 32;

    private final int maxEnumValues;
    private final int depth;

    /** Samples in which the place was present (a key present with null counts). */
    long present;

    long nulls;
    long strings;
    long integers;
    long numbers;
    long booleans;
    long objects;
    long arrays;

    /** Whether every string so far is one, per format. */
    private boolean dateTime = true;

    private boolean uuid = true;
    private boolean email = true;

    /** The distinct strings, null once more than the enum limit. */
    private TreeSet<String> distinct;

    /** Per key of the object samples; null once more than {@link #MAX_KEYS}. */
    private TreeMap<String, Observed> keys = new TreeMap<>();

    private Observed items;

    Observed(int maxEnumValues) {
        this(maxEnumValues, 0);
    }

    private Observed(int maxEnumValues, int depth) {
        this.maxEnumValues = maxEnumValues;
        this.depth = depth;
        this.distinct = maxEnumValues > 0 ? new TreeSet<>() : null;
    }

    /** Adds one sample of this place. */
    void add(JsonNode value) {
        present++;
        if (value == null || value.isNull() || value.isMissingNode()) {
            nulls++;
        } else if (value.isTextual()) {
            string(value.textValue());
        } else if (value.isBoolean()) {
            booleans++;
        } else if (value.isIntegralNumber()) {
            integers++;
        } else if (value.isNumber()) {
            numbers++;
        } else if (value.isObject()) {
            objects++;
            if (depth < MAX_DEPTH && keys != null) {
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    Observed child = keys.get(e.getKey());
                    if (child == null) {
                        if (keys.size() == MAX_KEYS) {
                            keys = null; // an object of any keys: a map, not a record
                            break;
                        }
                        child = new Observed(maxEnumValues, depth + 1);
                        keys.put(e.getKey(), child);
                    }
                    child.add(e.getValue());
                }
            }
        } else if (value.isArray()) {
            arrays++;
            if (depth < MAX_DEPTH) {
                if (items == null) {
                    items = new Observed(maxEnumValues, depth + 1);
                }
                for (JsonNode element : value) {
                    items.add(element);
                }
            }
        }
    }

    private void string(String text) {
        strings++;
        if (dateTime && !SampleFormats.DATE_TIME.test(text)) {
            dateTime = false;
        }
        if (uuid && !SampleFormats.UUID.test(text)) {
            uuid = false;
        }
        if (email && !SampleFormats.EMAIL.test(text)) {
            email = false;
        }
        if (distinct != null && distinct.add(text) && distinct.size() > maxEnumValues) {
            distinct = null;
        }
    }

    /**
     * This place as a JSON Schema: its types (integers and numbers seen together are numbers; null when a sample was
     * null), a format every string had, an enum when every sample was a string (or null) of at most the limit's
     * distinct values, the properties of its objects (required: present in every object) and its arrays' items. Keys
     * in a fixed order; {@code description} the placeholder.
     */
    ObjectNode schema() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("description", Drafts.PLACEHOLDER);
        ArrayNode types = JsonNodeFactory.instance.arrayNode();
        if (arrays > 0) {
            types.add("array");
        }
        if (booleans > 0) {
            types.add("boolean");
        }
        if (numbers > 0) {
            types.add("number");
        } else if (integers > 0) {
            types.add("integer");
        }
        if (objects > 0) {
            types.add("object");
        }
        if (strings > 0) {
            types.add("string");
        }
        if (types.isEmpty()) {
            if (nulls > 0) {
                out.put("type", "null");
            }
            return out; // never seen but null (or a depth beyond the limit): any value
        }
        if (nulls > 0) {
            types.add("null");
        }
        if (types.size() == 1) {
            out.put("type", types.get(0).asText());
        } else {
            out.set("type", types);
        }
        boolean onlyStrings = strings > 0 && strings + nulls == present;
        if (strings > 0) {
            String format = dateTime ? "date-time" : uuid ? "uuid" : email ? "email" : null;
            if (format != null) {
                out.put("format", format);
            }
        }
        if (onlyStrings && distinct != null && !distinct.isEmpty()) {
            ArrayNode values = out.putArray("enum");
            distinct.forEach(values::add);
            if (nulls > 0) {
                values.addNull();
            }
        }
        if (objects > 0 && keys != null && depth < MAX_DEPTH) {
            ObjectNode properties = out.putObject("properties");
            ArrayNode required = JsonNodeFactory.instance.arrayNode();
            keys.forEach((key, child) -> {
                properties.set(key, child.schema());
                if (child.present == objects) {
                    required.add(key);
                }
            });
            if (!required.isEmpty()) {
                out.set("required", required);
            }
        }
        if (items != null && items.present > 0) {
            ObjectNode itemSchema = items.schema();
            itemSchema.remove("description");
            out.set("items", itemSchema);
        }
        return out;
    }
}
