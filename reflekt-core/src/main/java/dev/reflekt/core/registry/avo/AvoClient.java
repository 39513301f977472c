package dev.reflekt.core.registry.avo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.project.SchemaSelector;
import dev.reflekt.core.registry.HttpTransport;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.PushOutcome;
import dev.reflekt.core.registry.PushPlan;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Avo, pull only (Avo is where the tracking plan is edited): {@code GET
 * /workspaces/{id}/branches/{branchId}/export/v1} with basic auth. The selection {@code avo/<branch>}
 * names the branch; its id comes from {@code registry.avo.branches} of {@code reflekt_project.yml}
 * ({@code main} is always {@code main}). Tags {@code "key: value"} become {@code self.metadata};
 * Avo-only keys are dropped; every event is version {@code 1-0}, as in the Python CLI.
 */
public final class AvoClient implements RegistryClient {

    /** Avo's API. */
    public static final String API = "https://api.avo.app";

    private static final Set<String> AVO_ONLY = Set.of("id", "index", "nameMapping");

    private final String api;
    private final String workspace;
    private final String vendor;
    private final Map<String, String> branches;
    private final HttpTransport http;

    public AvoClient(String api, String workspace, String vendor, Map<String, String> branches, HttpTransport http) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.workspace = workspace;
        this.vendor = vendor == null ? "" : vendor;
        this.branches = branches;
        this.http = http;
    }

    @Override
    public String name() {
        return "Avo workspace " + workspace;
    }

    @Override
    public String check() throws RegistryException {
        int n = pull("", note -> {}).size();
        return n + " event" + (n == 1 ? "" : "s") + " on branch main";
    }

    @Override
    public PushPlan plan(List<Schema> schemas, Set<String> allIds, boolean delete) throws RegistryException {
        throw new RegistryException(
                "Avo cannot be pushed to: edit the tracking plan in Avo and pull it"
                        + " (mvn reflekt:pull -Dreflekt.registry=avo -Dreflekt.select=avo/main).",
                0);
    }

    @Override
    public List<PushOutcome> apply(PushPlan plan) {
        return List.of();
    }

    @Override
    public List<Schema> pull(String select, Consumer<String> notes) throws RegistryException {
        String normalized = select == null ? "" : SchemaSelector.normalize(select.split(",")[0]);
        String[] parts = normalized.split("/");
        String branch = parts.length >= 2 && parts[0].equals("avo") ? parts[1] : "main";
        String branchId = branch.equals("main") ? "main" : branches.get(branch);
        if (branchId == null) {
            throw new RegistryException(
                    "Avo branch '" + branch + "' has no id in reflekt_project.yml; add it under"
                            + " registry.avo.branches (configured: " + branches.keySet() + ").",
                    0);
        }
        String path = "/workspaces/" + workspace + "/branches/" + branchId + "/export/v1";
        HttpTransport.Response r =
                http.expectOk(http.send("GET", URI.create(api + path), null), "exporting branch " + branch);
        List<Schema> out = new ArrayList<>();
        for (JsonNode event : Json.parse(r.body(), "Avo", "GET " + path).path("events")) {
            out.add(schema(branch, event, notes));
        }
        return out;
    }

    private Schema schema(String branch, JsonNode event, Consumer<String> notes) {
        String name = event.path("name").asText();
        String id = "avo/" + branch + "/" + name.replace(' ', '_') + "/1-0.json";
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        out.put("$id", id);
        out.put("description", event.path("description").asText(""));
        ObjectNode self = out.putObject("self");
        self.put("vendor", vendor).put("name", name).put("format", "jsonschema").put("version", "1-0");
        ObjectNode metadata = self.putObject("metadata");
        for (JsonNode tag : event.path("tags")) {
            String t = tag.asText();
            int sep = t.indexOf(": ");
            if (sep < 0) {
                notes.accept("Avo event '" + name + "': tag '" + t + "' is not 'key: value'; kept as a key with an"
                        + " empty value.");
                metadata.put(t.strip(), "");
            } else {
                metadata.put(t.substring(0, sep).strip(), t.substring(sep + 2).strip());
            }
        }
        out.put("type", "object");
        JsonNode payload = event.at("/rules/properties/properties");
        ObjectNode properties = payload.path("properties").isObject()
                ? ((ObjectNode) payload.get("properties")).deepCopy()
                : Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            JsonNode p = it.next().getValue();
            if (p.isObject()) {
                ((ObjectNode) p).remove(AVO_ONLY);
                JsonNode t = p.path("type");
                if (t.isArray() && t.size() == 1) {
                    ((ObjectNode) p).set("type", t.get(0));
                }
            }
        }
        out.set("properties", properties);
        out.set(
                "required",
                payload.path("required").isArray() ? payload.get("required") : Json.MAPPER.createArrayNode());
        out.put("additionalProperties", payload.path("additionalProperties").asBoolean(false));
        return new Schema(id, out);
    }
}
