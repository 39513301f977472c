package dev.reflekt.core.registry.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The subject of a schema. */
    public String subject(Schema s) {
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
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("schemaType", "JSON");
        body.put("schema", Json.write(s.json()));
        return Json.write(body);
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
        for (Schema s : schemas) {
            String subject = subject(s);
            subjects.add(subject);
            vendors.add(s.json().at("/self/vendor").asText());
            String body = body(s);
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
                            http.send("POST", uri("/subjects/" + encode(c.target()) + "/versions"), c.body()),
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
            JsonNode latest = Json.parse(r.body(), name(), "GET /subjects/" + subject + "/versions/latest");
            if (!"JSON".equals(latest.path("schemaType").asText("AVRO"))) {
                notes.accept("Skipped subject " + subject + ": a "
                        + latest.path("schemaType").asText("AVRO") + " schema, not JSON.");
                continue;
            }
            JsonNode schema = Json.parse(latest.path("schema").asText(), name(), "the schema of " + subject);
            if (!schema.path("$id").isTextual() || !schema.path("self").isObject()) {
                notes.accept("Skipped subject " + subject + ": not a Reflekt schema (no $id and self block).");
                continue;
            }
            out.add(new Schema(schema.path("$id").asText(), schema));
        }
        return out;
    }
}
