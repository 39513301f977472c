package dev.reflekt.core.registry.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.RegistryClient.Schema;
import java.util.Iterator;
import java.util.Map;

/**
 * Reflekt schemas as Segment Protocols rules and back, as the Python CLI maps them: the tracking plan is
 * the schema's first folder; Track (and Page, Screen) properties sit under
 * {@code jsonSchema.properties.properties}, Identify and Group traits under
 * {@code jsonSchema.properties.traits}; {@code self.metadata} is the rule's {@code labels}; the rule
 * version is the MAJOR version, since Segment keeps no MINOR.
 */
final class SegmentRules {

    private SegmentRules() {}

    /** The rule type of an event name. */
    static String type(String eventName) {
        return switch (eventName) {
            case "Identify" -> "IDENTIFY";
            case "Group" -> "GROUP";
            case "Page Viewed" -> "PAGE";
            case "Screen Viewed" -> "SCREEN";
            default -> "TRACK";
        };
    }

    /** The tracking plan a schema belongs to: its first folder. */
    static String plan(Schema s) {
        return s.id().substring(0, Math.max(0, s.id().indexOf('/')));
    }

    static int major(Schema s) {
        return Integer.parseInt(s.json().at("/self/version").asText("1-0").split("-")[0]);
    }

    static int minor(Schema s) {
        String[] v = s.json().at("/self/version").asText("1-0").split("-");
        return v.length > 1 ? Integer.parseInt(v[1]) : 0;
    }

    /** The rule's identity within a plan: {@code TRACK:Order Completed:1}. */
    static String ruleId(JsonNode rule) {
        return rule.path("type").asText() + ":" + rule.path("key").asText("") + ":"
                + rule.path("version").asInt(1);
    }

    static ObjectNode toRule(Schema s) {
        JsonNode json = s.json();
        String name = json.at("/self/name").asText();
        String type = type(name);
        ObjectNode rule = Json.MAPPER.createObjectNode();
        rule.put("type", type);
        if (type.equals("TRACK")) {
            rule.put("key", name);
        } else {
            rule.putNull("key");
        }
        rule.put("version", major(s));
        ObjectNode schema = rule.putObject("jsonSchema");
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        ObjectNode labels = schema.putObject("labels");
        json.at("/self/metadata")
                .fields()
                .forEachRemaining(e -> labels.put(
                        e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : Json.write(e.getValue())));
        schema.put("description", json.path("description").asText(""));
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("context");
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("type", "object");
        payload.set(
                "properties",
                json.path("properties").isObject() ? json.get("properties") : Json.MAPPER.createObjectNode());
        payload.set("required", json.path("required").isArray() ? json.get("required") : Json.MAPPER.createArrayNode());
        if (json.has("additionalProperties")) {
            payload.set("additionalProperties", json.get("additionalProperties"));
        }
        boolean traits = type.equals("IDENTIFY") || type.equals("GROUP");
        properties.set("traits", traits ? payload : Json.MAPPER.createObjectNode());
        properties.set("properties", traits ? Json.MAPPER.createObjectNode() : payload);
        return rule;
    }

    /** The Reflekt schema of a rule of {@code plan}; {@code vendor} is the project's default vendor. */
    static Schema fromRule(String plan, JsonNode rule, String vendor) {
        String type = rule.path("type").asText();
        JsonNode schema = rule.path("jsonSchema");
        String name =
                switch (type) {
                    case "IDENTIFY" -> "Identify";
                    case "GROUP" -> "Group";
                    case "PAGE" ->
                        rule.path("key").asText("").isEmpty()
                                ? "Page Viewed"
                                : rule.path("key").asText();
                    case "SCREEN" ->
                        rule.path("key").asText("").isEmpty()
                                ? "Screen Viewed"
                                : rule.path("key").asText();
                    default -> rule.path("key").asText();
                };
        JsonNode payload = schema.at(
                type.equals("IDENTIFY") || type.equals("GROUP") ? "/properties/traits" : "/properties/properties");
        String version = rule.path("version").asInt(1) + "-0";
        String id = plan + "/" + name.replace(' ', '_') + "/" + version + ".json";
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        out.put("$id", id);
        // Segment allows events without a description (Reflekt bug #99): keep it empty, do not fail.
        out.put(
                "description",
                schema.path("description")
                        .asText(
                                type.equals("TRACK")
                                        ? ""
                                        : "Segment " + type.toLowerCase(java.util.Locale.ROOT) + "() call."));
        ObjectNode self = out.putObject("self");
        self.put("vendor", vendor);
        self.put("name", name);
        self.put("format", "jsonschema");
        self.put("version", version);
        self.set("metadata", schema.path("labels").isObject() ? schema.get("labels") : Json.MAPPER.createObjectNode());
        out.put("type", "object");
        ObjectNode properties = payload.path("properties").isObject()
                ? ((ObjectNode) payload.get("properties")).deepCopy()
                : Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            JsonNode p = it.next().getValue();
            JsonNode t = p.path("type");
            if (p.isObject() && t.isArray() && t.size() == 1) {
                ((ObjectNode) p).set("type", t.get(0)); // ["string"] → "string", as Reflekt writes it
            }
        }
        out.set("properties", properties);
        out.set(
                "required",
                payload.path("required").isArray() ? payload.get("required") : Json.MAPPER.createArrayNode());
        if (payload.has("additionalProperties")) {
            out.set("additionalProperties", payload.get("additionalProperties"));
        }
        return new Schema(id, out);
    }

    /** A rule reduced to what Reflekt controls, for comparing what Segment has with what a push sends. */
    static JsonNode comparable(JsonNode rule) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        for (String key : new String[] {"type", "key", "version", "jsonSchema"}) {
            r.set(
                    key,
                    rule.path(key).isMissingNode()
                                    || (key.equals("key")
                                            && rule.path(key).asText("").isEmpty())
                            ? Json.MAPPER.nullNode()
                            : rule.get(key));
        }
        return r;
    }

    static ArrayNode array(Iterable<? extends JsonNode> rules) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        rules.forEach(a::add);
        return a;
    }
}
