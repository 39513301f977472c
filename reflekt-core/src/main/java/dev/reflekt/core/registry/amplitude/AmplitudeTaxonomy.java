package dev.reflekt.core.registry.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.registry.HttpTransport;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.PushOutcome;
import dev.reflekt.core.registry.PushPlan;
import dev.reflekt.core.registry.PushPlan.Action;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Amplitude Data's tracking plan through the Taxonomy API ({@code /api/2/taxonomy/...}, form-encoded writes). Push
 * plans each event type from its newest schema (Amplitude keeps one definition per event type): the event (its
 * description and {@code self.metadata.category}, the category created when missing), then each property, created or
 * updated when it differs; the {@code Identify} schema plans user properties. Only what the schemas plan is written:
 * properties Amplitude has and the schema lacks are left alone. Amplitude refuses to edit events and properties that
 * already have data; each refused request is reported with the schema and the others go on. Rate limits (429) are
 * retried under the goal's deadline by the transport. Pull writes one schema per event type ({@code 1-0}) and an
 * {@code Identify} from the user properties.
 */
public final class AmplitudeTaxonomy implements RegistryClient {

    /** Amplitude's API (US); EU projects use {@code https://analytics.eu.amplitude.com}. */
    public static final String API = "https://amplitude.com";

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String IDENTIFY = "Identify";
    private static final String USER_PREFIX = "gp:";

    private final String api;
    private final String folder;
    private final String vendor;
    private final HttpTransport http;
    /** The requests {@link #plan} decided, per schema id, for {@link #apply}. */
    private final Map<String, List<Request>> writes = new HashMap<>();

    /** One write: what it does, in words, and the request. */
    private record Request(String what, String method, String path, String body) {}

    /**
     * @param folder the folder pulled schemas go in (the project's name)
     * @param vendor the project's default vendor, for pulled schemas
     */
    public AmplitudeTaxonomy(String api, String folder, String vendor, HttpTransport http) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.folder = folder == null || folder.isBlank() ? "amplitude" : folder;
        this.vendor = vendor == null ? "" : vendor;
        this.http = http;
    }

    @Override
    public String name() {
        return "Amplitude Taxonomy API at " + api;
    }

    private JsonNode get(String path) throws RegistryException {
        HttpTransport.Response r = http.expectOk(http.send("GET", URI.create(api + path), null), "GET " + path);
        return Json.parse(r.body(), "Amplitude", "GET " + path).path("data");
    }

    /** A name as one path segment: percent-encoded, spaces as {@code %20}. */
    private static String segment(String name) {
        return AmplitudeProperties.encode(name).replace("+", "%20");
    }

    private Map<String, JsonNode> events() throws RegistryException {
        Map<String, JsonNode> out = new TreeMap<>();
        get("/api/2/taxonomy/event").forEach(e -> out.put(e.path("event_type").asText(), e));
        return out;
    }

    @Override
    public String check() throws RegistryException {
        int n = events().size();
        return n + " event type" + (n == 1 ? "" : "s");
    }

    private static String category(JsonNode event) {
        JsonNode c = event.path("category");
        return c.isObject() ? c.path("name").asText("") : c.asText("");
    }

    private static String eventType(Schema s) {
        return s.json().path("self").path("name").asText("");
    }

    @Override
    public PushPlan plan(List<Schema> schemas, Set<String> allIds, boolean delete) throws RegistryException {
        writes.clear();
        Map<String, Schema> newest = new LinkedHashMap<>();
        for (Schema s : schemas) {
            newest.merge(eventType(s), s, (a, b) -> version(b) > version(a) ? b : a);
        }
        Map<String, JsonNode> events = events();
        Set<String> categories = new java.util.HashSet<>();
        get("/api/2/taxonomy/category")
                .forEach(c -> categories.add(c.path("name").asText()));
        List<PushPlan.Change> changes = new ArrayList<>();
        for (Schema s : schemas) {
            String type = eventType(s);
            boolean identify = type.equals(IDENTIFY);
            String target = identify ? "user properties" : "event type '" + type + "'";
            if (newest.get(type) != s) {
                changes.add(new PushPlan.Change(
                        s.id(),
                        Action.UNCHANGED,
                        target,
                        "Amplitude keeps one definition per event type: "
                                + newest.get(type).id() + " is pushed",
                        null));
                continue;
            }
            List<String> notes = new ArrayList<>();
            List<Request> requests = new ArrayList<>();
            Action action;
            if (delete) {
                if (identify || !events.containsKey(type)) {
                    continue;
                }
                requests.add(new Request(
                        "delete event type '" + type + "'", "DELETE", "/api/2/taxonomy/event/" + segment(type), null));
                action = Action.DELETE;
            } else if (identify) {
                action = userProperties(s, requests, notes);
            } else {
                action = event(s, events.get(type), categories, requests, notes);
            }
            if (!requests.isEmpty()) {
                writes.put(s.id(), requests);
            }
            changes.add(new PushPlan.Change(s.id(), action, target, String.join("; ", notes), null));
        }
        return new PushPlan(name(), changes);
    }

    private static int version(Schema s) {
        String[] v = s.json().path("self").path("version").asText("0-0").split("-");
        try {
            return Integer.parseInt(v[0]) * 100_000 + Integer.parseInt(v.length > 1 ? v[1] : "0");
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Action event(
            Schema s, JsonNode existing, Set<String> categories, List<Request> requests, List<String> notes)
            throws RegistryException {
        String type = eventType(s);
        String description = s.json().path("description").asText("");
        String category =
                s.json().path("self").path("metadata").path("category").asText("");
        if (!category.isEmpty() && categories.add(category)) {
            requests.add(new Request(
                    "create category '" + category + "'",
                    "POST",
                    "/api/2/taxonomy/category",
                    AmplitudeProperties.form(Map.of("category_name", category), Map.of())));
        }
        Map<String, String> head = new LinkedHashMap<>();
        head.put("event_type", type);
        if (!category.isEmpty()) {
            head.put("category", category);
        }
        head.put("description", description);
        Map<String, AmplitudeProperties.Property> have = new LinkedHashMap<>();
        if (existing == null) {
            requests.add(new Request(
                    "create event type '" + type + "'",
                    "POST",
                    "/api/2/taxonomy/event",
                    AmplitudeProperties.form(head, Map.of())));
        } else {
            if (!description.equals(existing.path("description").asText("")) || !category.equals(category(existing))) {
                head.remove("event_type");
                requests.add(new Request(
                        "update event type '" + type + "'",
                        "PUT",
                        "/api/2/taxonomy/event/" + segment(type),
                        AmplitudeProperties.form(head, Map.of())));
            }
            get("/api/2/taxonomy/event-property?event_type=" + AmplitudeProperties.encode(type))
                    .forEach(p -> have.put(
                            p.path("event_property").asText(),
                            AmplitudeProperties.listed(p.path("event_property").asText(), p)));
        }
        for (AmplitudeProperties.Property p : AmplitudeProperties.of(s.json(), notes::add)) {
            AmplitudeProperties.Property before = have.remove(p.name());
            if (before == null) {
                requests.add(new Request(
                        "create event property '" + p.name() + "'",
                        "POST",
                        "/api/2/taxonomy/event-property",
                        AmplitudeProperties.form(Map.of("event_type", type, "event_property", p.name()), p.fields())));
            } else if (!before.equals(p)) {
                requests.add(new Request(
                        "update event property '" + p.name() + "'",
                        "PUT",
                        "/api/2/taxonomy/event-property/" + segment(p.name()),
                        AmplitudeProperties.form(Map.of("event_type", type), p.fields())));
            }
        }
        if (!have.isEmpty()) {
            notes.add(have.size() + " propert" + (have.size() == 1 ? "y" : "ies") + " in Amplitude and not in the"
                    + " schema left alone (" + String.join(", ", have.keySet()) + ")");
        }
        return existing == null ? Action.CREATE : requests.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
    }

    private Action userProperties(Schema s, List<Request> requests, List<String> notes) throws RegistryException {
        Map<String, AmplitudeProperties.Property> have = userProperties();
        boolean any = false;
        for (AmplitudeProperties.Property p : AmplitudeProperties.of(s.json(), notes::add)) {
            Map<String, String> fields = new TreeMap<>(p.fields());
            fields.remove("is_required"); // user properties have no required flag
            AmplitudeProperties.Property before = have.get(p.name());
            if (before == null) {
                requests.add(new Request(
                        "create user property '" + p.name() + "'",
                        "POST",
                        "/api/2/taxonomy/user-property",
                        AmplitudeProperties.form(Map.of("user_property", p.name()), fields)));
            } else {
                any = true;
                Map<String, String> was = new TreeMap<>(before.fields());
                was.remove("is_required");
                if (!was.equals(fields)) {
                    requests.add(new Request(
                            "update user property '" + p.name() + "'",
                            "PUT",
                            "/api/2/taxonomy/user-property/" + segment(p.name()),
                            AmplitudeProperties.form(Map.of(), fields)));
                }
            }
        }
        return !any ? Action.CREATE : requests.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
    }

    /** User properties by name, without the {@code gp:} Amplitude puts before custom ones. */
    private Map<String, AmplitudeProperties.Property> userProperties() throws RegistryException {
        Map<String, AmplitudeProperties.Property> out = new LinkedHashMap<>();
        get("/api/2/taxonomy/user-property").forEach(p -> {
            String name = p.path("user_property").asText();
            if (name.startsWith(USER_PREFIX)) {
                name = name.substring(USER_PREFIX.length());
            }
            out.put(name, AmplitudeProperties.listed(name, p));
        });
        return out;
    }

    @Override
    public List<PushOutcome> apply(PushPlan plan) {
        List<PushOutcome> out = new ArrayList<>();
        for (PushPlan.Change c : plan.changes()) {
            List<String> refused = new ArrayList<>();
            for (Request r : writes.getOrDefault(c.id(), List.of())) {
                try {
                    HttpTransport.Response answer = r.body() == null
                            ? http.send(r.method(), URI.create(api + r.path()), null)
                            : http.send(r.method(), URI.create(api + r.path()), r.body(), FORM);
                    if (!answer.ok()) {
                        refused.add(r.what() + ": HTTP " + answer.status() + " " + errorMessage(answer.body()));
                    }
                } catch (RegistryException e) {
                    refused.add(r.what() + ": " + e.getMessage());
                }
            }
            out.add(new PushOutcome(
                    c,
                    refused.isEmpty()
                            ? null
                            : "Amplitude refused " + String.join("; ", refused)
                                    + " (it edits planned events and properties only, not those with data)"));
        }
        writes.clear();
        return out;
    }

    @Override
    public List<Schema> pull(String select, Consumer<String> notes) throws RegistryException {
        List<Schema> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : events().entrySet()) {
            String type = e.getKey();
            List<AmplitudeProperties.Property> properties = new ArrayList<>();
            get("/api/2/taxonomy/event-property?event_type=" + AmplitudeProperties.encode(type))
                    .forEach(p -> properties.add(
                            AmplitudeProperties.listed(p.path("event_property").asText(), p)));
            Map<String, String> metadata = new TreeMap<>();
            if (!category(e.getValue()).isEmpty()) {
                metadata.put("category", category(e.getValue()));
            }
            out.add(schema(type, e.getValue().path("description").asText(""), metadata, properties));
        }
        Map<String, AmplitudeProperties.Property> users = userProperties();
        if (!users.isEmpty()) {
            out.add(schema(
                    IDENTIFY,
                    "Who the user is: Amplitude's user properties.",
                    Map.of(),
                    new ArrayList<>(users.values())));
        }
        return out;
    }

    private Schema schema(
            String name, String description, Map<String, String> metadata, List<AmplitudeProperties.Property> props) {
        String id = folder + "/" + name.replace(' ', '_') + "/1-0.json";
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        out.put("$id", id);
        out.put("description", description);
        ObjectNode self = out.putObject("self");
        self.put("vendor", vendor);
        self.put("name", name);
        self.put("format", "jsonschema");
        self.put("version", "1-0");
        ObjectNode meta = self.putObject("metadata");
        metadata.forEach(meta::put);
        out.put("type", "object");
        ArrayNode required = Json.MAPPER.createArrayNode();
        out.set("properties", AmplitudeProperties.schema(props, required));
        if (!required.isEmpty()) {
            out.set("required", required);
        }
        out.put("additionalProperties", false);
        return new Schema(id, out);
    }

    /** Amplitude's error bodies: {@code {"success": false, "errors": [{"message": ...}]}}. */
    public static String errorMessage(String body) {
        return Json.errorsMessage(body);
    }
}
