package dev.reflekt.core.registry.iglu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.registry.HttpTransport;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.PushOutcome;
import dev.reflekt.core.registry.PushPlan;
import dev.reflekt.core.registry.PushPlan.Action;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Snowplow's Iglu Server: push {@code PUT /api/schemas/{vendor}/{name}/jsonschema/{version}} with the
 * {@code apikey} header, pull from {@code GET /api/schemas}.
 */
public final class IgluClient implements RegistryClient {

    private final String url;
    private final HttpTransport http;

    /** @param http a transport that sends the {@code apikey} header */
    public IgluClient(String url, HttpTransport http) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = http;
    }

    @Override
    public String name() {
        return "Iglu Server at " + url;
    }

    private URI uri(String path) {
        return URI.create(url + "/api/schemas" + path);
    }

    @Override
    public String check() throws RegistryException {
        int n = list().size();
        return n + " schema" + (n == 1 ? "" : "s");
    }

    @Override
    public PushPlan plan(List<Schema> schemas, Set<String> allIds, boolean delete) throws RegistryException {
        List<PushPlan.Change> changes = new ArrayList<>();
        Set<String> vendors = new HashSet<>();
        Set<String> local = new HashSet<>();
        for (Schema s : schemas) {
            String path = IgluSchemas.path(s);
            vendors.add(path.substring(0, path.indexOf('/')));
            local.add(path);
            JsonNode body = IgluSchemas.toIglu(s);
            HttpTransport.Response existing = http.send("GET", uri("/" + path), null);
            Action action;
            if (existing.status() == 404) {
                action = Action.CREATE;
            } else {
                http.expectOk(existing, "reading " + path);
                action = Json.parse(existing.body(), name(), "GET " + path).equals(body)
                        ? Action.UNCHANGED
                        : Action.UPDATE;
            }
            changes.add(new PushPlan.Change(s.id(), action, path, "", Json.write(body)));
        }
        if (delete) {
            for (String path : list()) {
                if (vendors.contains(path.substring(0, path.indexOf('/'))) && !local.contains(path)) {
                    changes.add(new PushPlan.Change(path, Action.DELETE, path, "not in the selected schemas", null));
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
                            http.send("PUT", uri("/" + c.target()), c.body()),
                            "pushing " + c.id() + " as " + c.target());
                case DELETE ->
                    http.expectOk(http.send("DELETE", uri("/" + c.target()), null), "deleting " + c.target());
                default -> {}
            }
        });
    }

    /** {@code vendor/name/jsonschema/version} of every schema in the registry. */
    private List<String> list() throws RegistryException {
        HttpTransport.Response r = http.expectOk(http.send("GET", uri(""), null), "listing schemas");
        List<String> out = new ArrayList<>();
        for (JsonNode item : Json.parse(r.body(), name(), "GET /api/schemas")) {
            String uri = item.isTextual()
                    ? item.asText()
                    : item.path("self").isObject()
                            ? "iglu:" + item.at("/self/vendor").asText() + "/"
                                    + item.at("/self/name").asText() + "/jsonschema/"
                                    + item.at("/self/version").asText()
                            : "";
            if (uri.startsWith("iglu:")) {
                out.add(uri.substring("iglu:".length()));
            }
        }
        return out;
    }

    @Override
    public List<Schema> pull(String select, Consumer<String> notes) throws RegistryException {
        List<Schema> out = new ArrayList<>();
        for (String path : list()) {
            HttpTransport.Response r = http.expectOk(http.send("GET", uri("/" + path), null), "reading " + path);
            JsonNode body;
            try {
                body = Json.parse(r.body(), name(), "GET " + path);
            } catch (RegistryException e) {
                // one unreadable schema is reported; the others are still pulled
                notes.accept("Skipped iglu:" + path + ": " + e.getMessage() + ".");
                continue;
            }
            var schema = IgluSchemas.fromIglu(body);
            if (schema.isPresent()) {
                out.add(schema.get());
            } else {
                notes.accept("Skipped iglu:" + path + ": its SchemaVer has a REVISION, which Reflekt's MAJOR-MINOR"
                        + " versions cannot express.");
            }
        }
        return out;
    }
}
