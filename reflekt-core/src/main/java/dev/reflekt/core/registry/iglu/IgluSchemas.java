package dev.reflekt.core.registry.iglu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.project.IgluUri;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.RegistryClient.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reflekt schemas as Iglu self-describing schemas and back. Reflekt {@code MAJOR-MINOR} is Iglu
 * SchemaVer {@code MAJOR-0-MINOR} (MINOR changes are compatible additions); the Iglu name is the event
 * folder ({@code Order_Completed}). What Iglu's {@code self} cannot hold (the Reflekt id, event name and
 * metadata) travels in a top-level {@code reflekt} block, so that a pushed schema pulls back the same.
 */
public final class IgluSchemas {

    static final String SELF_DESCRIBING =
            "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#";
    /** Keys written explicitly; every other key is copied as it is. */
    private static final java.util.Set<String> HANDLED = java.util.Set.of("$schema", "$id", "description", "self");

    private static final Pattern SCHEMAVER = Pattern.compile("([1-9][0-9]*)-([0-9]+)-([0-9]+)");

    private IgluSchemas() {}

    /** {@code vendor/name/jsonschema/M-0-m}, the path of a schema in the registry. */
    static String path(Schema s) {
        return path(s.id(), s.json());
    }

    /** {@code vendor/name/jsonschema/M-0-m} of the schema {@code id} with content {@code json} ({@link IgluUri}). */
    static String path(String id, JsonNode json) {
        return IgluUri.path(id, json);
    }

    static ObjectNode toIglu(Schema s) {
        JsonNode json = s.json();
        String[] parts = path(s).split("/");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("$schema", SELF_DESCRIBING);
        if (json.has("description")) {
            out.set("description", json.get("description"));
        }
        ObjectNode self = out.putObject("self");
        self.put("vendor", parts[0])
                .put("name", parts[1])
                .put("format", "jsonschema")
                .put("version", parts[3]);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!HANDLED.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        }
        ObjectNode reflekt = out.putObject("reflekt");
        reflekt.put("id", s.id());
        reflekt.put("name", json.path("self").path("name").asText());
        if (json.path("self").has("metadata")) {
            reflekt.set("metadata", json.path("self").get("metadata"));
        }
        return out;
    }

    /** The Reflekt schema of an Iglu schema, or empty when its SchemaVer has a REVISION (not MAJOR-MINOR). */
    static Optional<Schema> fromIglu(JsonNode iglu) {
        JsonNode self = iglu.path("self");
        Matcher m = SCHEMAVER.matcher(self.path("version").asText());
        if (!m.matches() || !m.group(2).equals("0")) {
            return Optional.empty();
        }
        String version = m.group(1) + "-" + m.group(3);
        JsonNode reflekt = iglu.path("reflekt");
        String folder = self.path("name").asText();
        String id = reflekt.path("id").asText(self.path("vendor").asText() + "/" + folder + "/" + version + ".json");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        out.put("$id", id);
        if (iglu.has("description")) {
            out.set("description", iglu.get("description"));
        }
        ObjectNode reflektSelf = out.putObject("self");
        reflektSelf.put("vendor", self.path("vendor").asText());
        reflektSelf.put("name", reflekt.path("name").asText(folder.replace('_', ' ')));
        reflektSelf.put("format", "jsonschema");
        reflektSelf.put("version", version);
        reflektSelf.set("metadata", reflekt.has("metadata") ? reflekt.get("metadata") : Json.MAPPER.createObjectNode());
        for (Iterator<Map.Entry<String, JsonNode>> it = iglu.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!HANDLED.contains(e.getKey()) && !e.getKey().equals("reflekt")) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return Optional.of(new Schema(id, out));
    }
}
