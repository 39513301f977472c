package dev.reflekt.core.registry.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.registry.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Properties between JSON Schema and Amplitude's Taxonomy API, which knows a property's {@code type}
 * ({@code string}, {@code number}, {@code boolean}, {@code enum}, {@code any}), {@code enum_values} (comma-separated),
 * {@code regex}, {@code is_array_type}, {@code is_required} and {@code description}. What it cannot say is pushed as
 * near as it can and named in a note: objects and arrays of objects become {@code any}, integers {@code number}.
 */
final class AmplitudeProperties {

    private AmplitudeProperties() {}

    /** The keywords a property keeps in Amplitude. */
    private static final java.util.Set<String> KEPT =
            java.util.Set.of("type", "description", "enum", "pattern", "items");

    /**
     * A property as the API holds it: the form fields a create or update sends, in a fixed order (so two are equal
     * when Amplitude would hold the same).
     */
    record Property(String name, Map<String, String> fields) {}

    /** The properties of {@code schema}'s top-level {@code properties}, in file order; lossy ones noted. */
    static List<Property> of(JsonNode schema, Consumer<String> notes) {
        List<Property> out = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode p = e.getValue();
            Map<String, String> f = new TreeMap<>();
            f.put("description", p.path("description").asText(""));
            boolean array = type(p).equals("array");
            JsonNode item = array ? p.path("items") : p;
            String type = type(item);
            f.put("is_array_type", String.valueOf(array));
            f.put("is_required", String.valueOf(required.contains(name)));
            f.put("regex", item.path("pattern").asText(""));
            List<String> dropped = new ArrayList<>();
            for (JsonNode node : array ? List.of(p, item) : List.of(p)) {
                node.fieldNames().forEachRemaining(k -> {
                    if (!KEPT.contains(k) && !dropped.contains(k)) {
                        dropped.add(k);
                    }
                });
            }
            if (!dropped.isEmpty() && !type.equals("object")) {
                notes.accept("'" + name + "': " + String.join(", ", dropped) + " not kept (the Taxonomy API has no"
                        + " place for " + (dropped.size() == 1 ? "it" : "them") + ")");
            }
            List<String> values = new ArrayList<>();
            item.path("enum").forEach(v -> values.add(v.asText()));
            if (!values.isEmpty() && values.stream().noneMatch(v -> v.contains(","))) {
                f.put("type", "enum");
                f.put("enum_values", String.join(",", values));
                out.add(new Property(name, f));
                return;
            }
            if (!values.isEmpty()) {
                notes.accept("'" + name + "' is pushed without its enum: a value has a comma, which Amplitude's"
                        + " comma-separated enum_values cannot hold");
            }
            f.put("enum_values", "");
            switch (type) {
                case "string", "boolean", "number" -> f.put("type", type);
                case "integer" -> {
                    f.put("type", "number");
                    notes.accept("'" + name + "' is an integer, pushed as Amplitude's number");
                }
                default -> {
                    f.put("type", "any");
                    notes.accept("'" + name + "' is "
                            + (type.isEmpty() ? "of no one type" : "an " + type + (array ? " array" : ""))
                            + ", pushed as Amplitude's any: its Taxonomy API has no type for it");
                }
            }
            out.add(new Property(name, f));
        });
        return out;
    }

    /** The one non-null type of {@code p}, or empty. */
    private static String type(JsonNode p) {
        JsonNode t = p.path("type");
        if (t.isTextual()) {
            return t.asText();
        }
        List<String> types = new ArrayList<>();
        t.forEach(x -> types.add(x.asText()));
        types.remove("null");
        return types.size() == 1 ? types.get(0) : "";
    }

    /** A property as the API lists it, in the form of {@link #of}, for comparison. */
    static Property listed(String name, JsonNode p) {
        Map<String, String> f = new TreeMap<>();
        f.put("description", text(p.path("description")));
        f.put("is_array_type", String.valueOf(p.path("is_array_type").asBoolean(false)));
        f.put("is_required", String.valueOf(p.path("is_required").asBoolean(false)));
        f.put("regex", text(p.path("regex")));
        f.put("type", text(p.path("type")).isEmpty() ? "any" : text(p.path("type")));
        JsonNode values = p.path("enum_values");
        List<String> list = new ArrayList<>();
        if (values.isArray()) {
            values.forEach(v -> list.add(v.asText()));
        } else if (!text(values).isEmpty()) {
            list.addAll(List.of(text(values).split(",", -1)));
        }
        f.put("enum_values", String.join(",", list));
        return new Property(name, f);
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "" : n.asText("");
    }

    /** The JSON Schema of properties as the API lists them (pull): the inverse of {@link #of}. */
    static ObjectNode schema(List<Property> properties, ArrayNode required) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (Property p : properties) {
            Map<String, String> f = p.fields();
            ObjectNode item = Json.MAPPER.createObjectNode();
            switch (f.get("type")) {
                case "string", "number", "boolean" -> item.put("type", f.get("type"));
                case "enum" -> {
                    item.put("type", "string");
                    ArrayNode values = item.putArray("enum");
                    for (String v : f.get("enum_values").split(",", -1)) {
                        values.add(v);
                    }
                }
                default -> {
                    // any: no type
                }
            }
            if (!f.get("regex").isEmpty()) {
                item.put("pattern", f.get("regex"));
            }
            ObjectNode property = Json.MAPPER.createObjectNode();
            if (!f.get("description").isEmpty()) {
                property.put("description", f.get("description"));
            }
            if (f.get("is_array_type").equals("true")) {
                property.put("type", "array");
                property.set("items", item);
            } else {
                property.setAll(item);
            }
            out.set(p.name(), property);
            if (f.get("is_required").equals("true")) {
                required.add(p.name());
            }
        }
        return out;
    }

    /** The form body of a create or update: {@code head} fields first, then the property's. */
    static String form(Map<String, String> head, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(head);
        all.putAll(fields);
        List<String> parts = new ArrayList<>();
        all.forEach((k, v) -> parts.add(encode(k) + "=" + encode(v)));
        return String.join("&", parts);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
