package dev.reflekt.core.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.internal.SafePath;
import java.util.Optional;

/** The Reflekt schema around what was inferred: {@code $schema}, {@code $id}, {@code self}, placeholder descriptions. */
public final class Drafts {

    private Drafts() {}

    /**
     * The description {@code reflekt:infer} writes where only a person knows what to say; lint's
     * {@code inferred-description} reports it until replaced. Never a value seen in a sample (personal data).
     */
    public static final String PLACEHOLDER = dev.reflekt.core.lint.Placeholder.TEXT;

    /**
     * Why {@code name} cannot be an event folder (the name with {@code _} for spaces), or empty: names come from
     * payloads and warehouses, so only plain folder names become paths.
     */
    public static Optional<String> folderProblem(String name) {
        String folder = name.replace(' ', '_');
        if (folder.startsWith(".")) {
            return Optional.of("a folder name beginning with '.'");
        }
        return Optional.ofNullable(SafePath.problem(folder));
    }

    /**
     * An event schema {@code <folder>/<name with _>/<version>.json}.
     *
     * @param body the event's data as {@link Observed#schema()} writes it (its {@code properties} and {@code required}
     *     are taken)
     * @param entity a Snowplow entity ({@code self.kind: entity}) rather than an event
     */
    static Draft event(
            String folder, String vendor, String name, String version, boolean entity, JsonNode body, String from) {
        String id = folder + "/" + name.replace(' ', '_') + "/" + version + ".json";
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("$schema", "http://json-schema.org/draft-07/schema#");
        json.put("$id", id);
        json.put("description", PLACEHOLDER);
        ObjectNode self = json.putObject("self");
        self.put("vendor", vendor);
        self.put("name", name);
        self.put("format", "jsonschema");
        self.put("version", version);
        self.putObject("metadata");
        if (entity) {
            self.put("kind", "entity");
        }
        json.put("type", "object");
        json.set("properties", body.path("properties").isObject() ? body.get("properties") : json.objectNode());
        if (body.path("required").isArray()) {
            json.set("required", body.get("required"));
        }
        return new Draft(id, json, from);
    }
}
