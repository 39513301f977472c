package dev.reflekt.core.registry.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.registry.HttpTransport;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.PushOutcome;
import dev.reflekt.core.registry.PushPlan;
import dev.reflekt.core.registry.PushPlan.Action;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Confluent-compatible schema registry (Confluent, Apicurio's ccompat API, Karapace, Redpanda). Each
 * Reflekt schema is registered as a JSON schema under a subject derived from its vendor, event and MAJOR
 * version ({@link #DEFAULT_SUBJECT}): MINOR versions are compatible versions of one subject, a new MAJOR
 * starts a new subject. Every push is checked with the registry's compatibility endpoint first.
 */
public final class ConfluentClient implements RegistryClient {

    /** The subject template: {@code {vendor}}, {@code {event}} (the folder name) and {@code {major}}. */
    public static final String DEFAULT_SUBJECT = "{vendor}.{event}.v{major}";

    private final String url;
    private final String subjectTemplate;
    private final HttpTransport http;

    public ConfluentClient(String url, String subjectTemplate, HttpTransport http) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.subjectTemplate = subjectTemplate == null || subjectTemplate.isBlank() ? DEFAULT_SUBJECT : subjectTemplate;
        this.http = http;
    }

    @Override
    public String name() {
        return "schema registry at " + url;
    }

    /** The subject prefix of shared definitions: {@code reflekt.definitions.product.v1}. */
    public static final String DEFINITIONS_SUBJECT = "reflekt.definitions.";

    /** A definition's registered body, by subject, for filling in reference versions when it is new. */
    private final java.util.Map<String, String> definitionBodies = new java.util.HashMap<>();

    @Override
    public boolean keepsReferences() {
        return true;
    }

    /** The subject of a schema; a shared definition's is {@code reflekt.definitions.<name>.v<MAJOR>}. */
    public String subject(Schema s) {
        if (s.id().startsWith(Definitions.PREFIX)) {
            String[] d = s.id().substring(Definitions.PREFIX.length()).split("/");
            return DEFINITIONS_SUBJECT + d[0] + ".v" + d[d.length - 1].split("-")[0];
        }
        String[] parts = s.id().split("/");
        String event = parts.length >= 2
                ? parts[parts.length - 2]
                : s.json().at("/self/name").asText().replace(' ', '_');
        String major = s.json().at("/self/version").asText("1-0").split("-")[0];
        return subjectTemplate
                .replace("{vendor}", s.json().at("/self/vendor").asText())
                .replace("{event}", event)
                .replace("{major}", major);
    }

    private URI uri(String path) {
        return URI.create(url + path);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String body(Schema s) {
        return body(s, List.of());
    }

    /** The registration body; {@code references} as Confluent's API takes them ({@code name, subject, version}). */
    private static String body(Schema s, List<ObjectNode> references) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("schemaType", "JSON");
        body.put("schema", Json.write(s.json()));
        if (!references.isEmpty()) {
            body.putArray("references").addAll(references);
        }
        return Json.write(body);
    }

    /**
     * The references of {@code s}: one per definition its {@code $ref}s name, to the version of the
     * definition's subject that holds the definition as it is now; 0 when that is registered by this push.
     */
    private List<ObjectNode> references(Schema s, java.util.Map<String, Schema> byId) throws RegistryException {
        List<ObjectNode> out = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(s.references()).entrySet()) {
            Schema target = byId.get(e.getValue());
            if (target == null) {
                throw new RegistryException(s.id() + " references " + e.getValue() + ", which is not being pushed", 0);
            }
            String subject = subject(target);
            out.add(Json.MAPPER
                    .createObjectNode()
                    .put("name", e.getKey())
                    .put("subject", subject)
                    .put("version", registeredVersion(subject, definitionBodies.get(subject))));
        }
        return out;
    }

    /** The version of {@code subject} that holds {@code body}, or 0 when none does yet. */
    private int registeredVersion(String subject, String body) throws RegistryException {
        HttpTransport.Response lookup = http.send("POST", uri("/subjects/" + encode(subject)), body);
        if (lookup.status() == 404) {
            return 0;
        }
        JsonNode found =
                Json.parse(http.expectOk(lookup, "looking up " + subject).body(), name(), "the lookup of " + subject);
        return found.path("version").asInt(0);
    }

    /** {@code body} with the references registered by this push (version 0 at planning) given their version. */
    private String withVersions(String body) throws RegistryException {
        JsonNode parsed = Json.parse(body, name(), "a planned registration");
        if (!parsed.has("references")) {
            return body;
        }
        ObjectNode copy = (ObjectNode) parsed.deepCopy();
        for (JsonNode ref : copy.path("references")) {
            if (ref.path("version").asInt() == 0) {
                String subject = ref.path("subject").asText();
                int version = registeredVersion(subject, definitionBodies.get(subject));
                if (version == 0) {
                    throw new RegistryException("the definition in subject " + subject + " was not registered", 0);
                }
                ((ObjectNode) ref).put("version", version);
            }
        }
        return Json.write(copy);
    }

    @Override
    public String check() throws RegistryException {
        int n = list().size();
        return n + " subject" + (n == 1 ? "" : "s");
    }

    @Override
    public PushPlan plan(List<Schema> schemas, Set<String> allIds, boolean delete) throws RegistryException {
        List<PushPlan.Change> changes = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        Set<String> vendors = new HashSet<>();
        java.util.Map<String, Schema> byId = new java.util.HashMap<>();
        schemas.forEach(s -> byId.put(s.id(), s));
        for (Schema s : schemas) {
            String subject = subject(s);
            subjects.add(subject);
            if (!s.id().startsWith(Definitions.PREFIX)) {
                vendors.add(s.json().at("/self/vendor").asText());
            }
            String body = body(s, references(s, byId));
            if (s.id().startsWith(Definitions.PREFIX)) {
                definitionBodies.put(subject, body);
            }
            HttpTransport.Response lookup = http.send("POST", uri("/subjects/" + encode(subject)), body);
            if (lookup.ok()) {
                changes.add(new PushPlan.Change(s.id(), Action.UNCHANGED, subject, "already registered", body));
                continue;
            }
            if (lookup.status() != 404) {
                http.expectOk(lookup, "looking up " + s.id() + " in subject " + subject);
            }
            HttpTransport.Response check = http.send(
                    "POST", uri("/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true"), body);
            if (check.status() == 404) {
                changes.add(new PushPlan.Change(s.id(), Action.CREATE, subject, "new subject", body));
                continue;
            }
            JsonNode verdict = Json.parse(
                    http.expectOk(check, "checking compatibility of " + s.id()).body(),
                    name(),
                    "the compatibility check of " + subject);
            if (verdict.path("is_compatible").asBoolean(false)) {
                changes.add(new PushPlan.Change(s.id(), Action.UPDATE, subject, "new compatible version", body));
            } else {
                List<String> messages = new ArrayList<>();
                verdict.path("messages").forEach(m -> messages.add(m.asText()));
                changes.add(new PushPlan.Change(
                        s.id(),
                        Action.REFUSED,
                        subject,
                        "incompatible with the latest version: "
                                + (messages.isEmpty() ? "(no details)" : String.join("; ", messages)),
                        body));
            }
        }
        if (delete) {
            for (String subject : list()) {
                boolean ours = vendors.stream().anyMatch(v -> subject.startsWith(v + "."));
                if (ours && !subjects.contains(subject)) {
                    changes.add(
                            new PushPlan.Change(subject, Action.DELETE, subject, "not in the selected schemas", null));
                }
            }
        }
        return new PushPlan(name(), changes);
    }

    @Override
    public List<PushOutcome> apply(PushPlan plan) {
        return PushOutcome.applyEach(plan, c -> {
            switch (c.action()) {
                case CREATE, UPDATE ->
                    http.expectOk(
                            http.send(
                                    "POST",
                                    uri("/subjects/" + encode(c.target()) + "/versions"),
                                    withVersions(c.body())),
                            "registering " + c.id() + " in subject " + c.target());
                case DELETE ->
                    http.expectOk(
                            http.send("DELETE", uri("/subjects/" + encode(c.target())), null),
                            "deleting subject " + c.target());
                case REFUSED -> throw new RegistryException(c.detail(), 409);
                default -> {}
            }
        });
    }

    private List<String> list() throws RegistryException {
        HttpTransport.Response r = http.expectOk(http.send("GET", uri("/subjects"), null), "listing subjects");
        List<String> out = new ArrayList<>();
        Json.parse(r.body(), name(), "GET /subjects").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public List<Schema> pull(String select, Consumer<String> notes) throws RegistryException {
        List<Schema> out = new ArrayList<>();
        for (String subject : list()) {
            HttpTransport.Response r = http.expectOk(
                    http.send("GET", uri("/subjects/" + encode(subject) + "/versions/latest"), null),
                    "reading the latest version of " + subject);
            JsonNode latest;
            JsonNode schema;
            try {
                latest = Json.parse(r.body(), name(), "GET /subjects/" + subject + "/versions/latest");
                if (!"JSON".equals(latest.path("schemaType").asText("AVRO"))) {
                    notes.accept("Skipped subject " + subject + ": a "
                            + latest.path("schemaType").asText("AVRO") + " schema, not JSON.");
                    continue;
                }
                schema = Json.parse(latest.path("schema").asText(), name(), "the schema of " + subject);
            } catch (RegistryException e) {
                // one unreadable subject is reported; the others are still pulled
                notes.accept("Skipped subject " + subject + ": " + e.getMessage() + ".");
                continue;
            }
            if (subject.startsWith(DEFINITIONS_SUBJECT)
                    && schema.path("$id").asText().startsWith(Definitions.PREFIX)
                    && !schema.has("self")) {
                out.add(new Schema(schema.path("$id").asText(), schema));
                continue;
            }
            if (!schema.path("$id").isTextual() || !schema.path("self").isObject()) {
                notes.accept("Skipped subject " + subject + ": not a Reflekt schema (no $id and self block).");
                continue;
            }
            out.add(new Schema(schema.path("$id").asText(), schema));
        }
        return out;
    }
}
