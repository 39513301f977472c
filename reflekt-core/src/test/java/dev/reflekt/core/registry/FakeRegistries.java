package dev.reflekt.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reflekt.core.breaking.Change;
import dev.reflekt.core.breaking.SchemaDiff;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Local registries with state that speak the documented APIs, and record every request. */
final class FakeRegistries {

    private FakeRegistries() {}

    /** Base of the fakes: a server, a request log and JSON replies. */
    abstract static class Fake implements AutoCloseable {
        final HttpServer server;
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());

        Fake() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(exchange.getRequestMethod() + " " + path);
                try {
                    handle(exchange, exchange.getRequestMethod(), path, body);
                } catch (RuntimeException e) {
                    send(exchange, 500, "{\"message\":\"fake failed: " + e + "\"}");
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        long writes() {
            return requests.stream()
                    .filter(r -> r.startsWith("PUT ")
                            || r.startsWith("DELETE ")
                            || (r.startsWith("POST ") && r.endsWith("/versions")))
                    .count();
        }

        abstract void handle(HttpExchange exchange, String method, String path, String body) throws IOException;

        static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Iglu Server: schemas by {@code vendor/name/format/version}, writes need the {@code apikey}. */
    static final class Iglu extends Fake {
        final Map<String, JsonNode> schemas = new TreeMap<>();
        private final String apiKey;

        Iglu(String apiKey) throws IOException {
            this.apiKey = apiKey;
        }

        @Override
        void handle(HttpExchange exchange, String method, String path, String body) throws IOException {
            if (!path.startsWith("/api/schemas")) {
                send(exchange, 404, "{\"message\":\"The requested resource could not be found.\"}");
                return;
            }
            if (!method.equals("GET")
                    && !apiKey.equals(exchange.getRequestHeaders().getFirst("apikey"))) {
                send(exchange, 401, "{\"message\":\"Not authorized\"}");
                return;
            }
            String key = path.length() > "/api/schemas/".length() ? path.substring("/api/schemas/".length()) : "";
            if (key.isEmpty() && method.equals("GET")) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                schemas.keySet().forEach(k -> list.add("iglu:" + k));
                send(exchange, 200, Json.write(list));
            } else if (method.equals("GET")) {
                JsonNode s = schemas.get(key);
                send(
                        exchange,
                        s == null ? 404 : 200,
                        s == null ? "{\"message\":\"The schema is not found\"}" : Json.write(s));
            } else if (method.equals("PUT")) {
                JsonNode s = Json.MAPPER.readTree(body);
                String self =
                        s.at("/self/vendor").asText() + "/" + s.at("/self/name").asText() + "/jsonschema/"
                                + s.at("/self/version").asText();
                if (!self.equals(key)) {
                    send(exchange, 400, "{\"message\":\"self block does not match the path " + key + "\"}");
                    return;
                }
                boolean existed = schemas.put(key, s) != null;
                send(
                        exchange,
                        existed ? 200 : 201,
                        "{\"message\":\"Schema " + (existed ? "updated" : "created") + "\"}");
            } else if (method.equals("DELETE")) {
                send(exchange, schemas.remove(key) == null ? 404 : 200, "{\"message\":\"Schema deleted\"}");
            } else {
                send(exchange, 405, "{\"message\":\"method not allowed\"}");
            }
        }
    }

    /** A Confluent schema registry with BACKWARD-style compatibility decided by Reflekt's own SchemaDiff. */
    static final class Confluent extends Fake {
        final Map<String, List<String>> subjects = new TreeMap<>();
        /** {@code subject/version} → the references it was registered with. */
        final Map<String, JsonNode> references = new TreeMap<>();

        Confluent() throws IOException {}

        @Override
        void handle(HttpExchange exchange, String method, String path, String body) throws IOException {
            String[] p = path.split("/");
            if (method.equals("GET") && path.equals("/subjects")) {
                ArrayNode list = Json.MAPPER.createArrayNode();
                subjects.keySet().forEach(list::add);
                send(exchange, 200, Json.write(list));
            } else if (method.equals("POST") && p.length == 3 && p[1].equals("subjects")) {
                String schema = Json.MAPPER.readTree(body).path("schema").asText();
                List<String> versions = subjects.get(p[2]);
                int index = versions == null ? -1 : indexOf(versions, schema);
                if (index < 0) {
                    send(
                            exchange,
                            404,
                            versions == null
                                    ? "{\"error_code\":40401,\"message\":\"Subject '" + p[2] + "' not found.\"}"
                                    : "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                } else {
                    send(
                            exchange,
                            200,
                            "{\"subject\":\"" + p[2] + "\",\"version\":" + (index + 1) + ",\"id\":" + (index + 1)
                                    + "}");
                }
            } else if (method.equals("POST") && path.startsWith("/compatibility/subjects/")) {
                List<String> versions = subjects.get(p[3]);
                if (versions == null) {
                    send(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject '" + p[3] + "' not found.\"}");
                    return;
                }
                JsonNode latest = Json.MAPPER.readTree(versions.get(versions.size() - 1));
                JsonNode proposed = Json.MAPPER.readTree(
                        Json.MAPPER.readTree(body).path("schema").asText());
                List<Change> breaking = SchemaDiff.diff(latest, proposed, false).stream()
                        .filter(Change::breaking)
                        .toList();
                ObjectNode verdict = Json.MAPPER.createObjectNode().put("is_compatible", breaking.isEmpty());
                ArrayNode messages = verdict.putArray("messages");
                breaking.forEach(
                        c -> messages.add("{errorType:'" + c.kind() + "', description:'" + c.describe() + "'}"));
                send(exchange, 200, Json.write(verdict));
            } else if (method.equals("POST") && p.length == 4 && p[3].equals("versions")) {
                JsonNode request = Json.MAPPER.readTree(body);
                String schema = request.path("schema").asText();
                for (JsonNode ref : request.path("references")) {
                    List<String> target = subjects.get(ref.path("subject").asText());
                    if (target == null
                            || ref.path("version").asInt() < 1
                            || ref.path("version").asInt() > target.size()) {
                        send(
                                exchange,
                                422,
                                "{\"error_code\":42201,\"message\":\"Invalid schema: reference "
                                        + ref.path("name").asText() + " not found\"}");
                        return;
                    }
                }
                List<String> versions = subjects.computeIfAbsent(p[2], s -> new ArrayList<>());
                if (indexOf(versions, schema) < 0) {
                    versions.add(schema);
                    if (request.has("references")) {
                        references.put(p[2] + "/" + versions.size(), request.path("references"));
                    }
                }
                send(exchange, 200, "{\"id\":" + versions.size() + "}");
            } else if (method.equals("GET") && path.endsWith("/versions/latest")) {
                List<String> versions = subjects.get(p[2]);
                if (versions == null) {
                    send(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject not found.\"}");
                    return;
                }
                ObjectNode latest = Json.MAPPER
                        .createObjectNode()
                        .put("subject", p[2])
                        .put("version", versions.size())
                        .put("id", versions.size())
                        .put("schemaType", "JSON")
                        .put("schema", versions.get(versions.size() - 1));
                JsonNode refs = references.get(p[2] + "/" + versions.size());
                if (refs != null) {
                    latest.set("references", refs);
                }
                send(exchange, 200, Json.write(latest));
            } else if (method.equals("DELETE") && p.length == 3) {
                List<String> removed = subjects.remove(p[2]);
                send(exchange, removed == null ? 404 : 200, "[1]");
            } else {
                send(exchange, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
            }
        }

        private static int indexOf(List<String> versions, String schema) throws IOException {
            JsonNode wanted = Json.MAPPER.readTree(schema);
            for (int i = 0; i < versions.size(); i++) {
                if (Json.MAPPER.readTree(versions.get(i)).equals(wanted)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A Segment workspace behind the Public API: tracking plans and their rules, paginated by cursor. */
    static final class Segment extends Fake {
        final Map<String, String> plans = new java.util.LinkedHashMap<>(); // id -> name
        final Map<String, List<ObjectNode>> rules = new TreeMap<>();
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        private final String token;
        int rateLimitNext;

        Segment(String token) throws IOException {
            this.token = token;
        }

        String addPlan(String name) {
            String id = "tp_" + (plans.size() + 1);
            plans.put(id, name);
            rules.put(id, new ArrayList<>());
            return id;
        }

        @Override
        void handle(HttpExchange exchange, String method, String path, String body) throws IOException {
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"errors\":[{\"type\":\"unauthorized\",\"message\":\"Unauthorized\"}]}");
                return;
            }
            if (rateLimitNext > 0) {
                rateLimitNext--;
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(
                        exchange,
                        429,
                        "{\"errors\":[{\"type\":\"too-many-requests\",\"message\":\"Too many requests\"}]}");
                return;
            }
            if (!body.isEmpty()) {
                bodies.add(method + " " + path + " " + body);
            }
            Map<String, String> query = new java.util.HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            String[] p = path.split("/");
            if (path.equals("/tracking-plans") && method.equals("GET")) {
                List<JsonNode> items = new ArrayList<>();
                plans.forEach((id, name) -> items.add(Json.MAPPER
                        .createObjectNode()
                        .put("id", id)
                        .put("name", name)
                        .put("type", "LIVE")));
                send(exchange, 200, page("trackingPlans", items, query));
            } else if (path.equals("/tracking-plans") && method.equals("POST")) {
                String id = addPlan(Json.MAPPER.readTree(body).path("name").asText());
                send(
                        exchange,
                        200,
                        "{\"data\":{\"trackingPlan\":{\"id\":\"" + id + "\",\"name\":\"" + plans.get(id)
                                + "\",\"type\":\"LIVE\"}}}");
            } else if (p.length == 4 && p[3].equals("rules") && rules.containsKey(p[2])) {
                List<ObjectNode> list = rules.get(p[2]);
                switch (method) {
                    case "GET" -> send(exchange, 200, page("rules", new ArrayList<>(list), query));
                    case "PUT" -> {
                        list.clear();
                        Json.MAPPER.readTree(body).path("rules").forEach(r -> list.add((ObjectNode) r));
                        send(exchange, 200, "{\"data\":{\"status\":\"SUCCESS\"}}");
                    }
                    case "PATCH", "DELETE" -> {
                        for (JsonNode r : Json.MAPPER.readTree(body).path("rules")) {
                            list.removeIf(x -> x.path("type").equals(r.path("type"))
                                    && x.path("key").equals(r.path("key"))
                                    && x.path("version").equals(r.path("version")));
                            if (method.equals("PATCH")) {
                                list.add((ObjectNode) r);
                            }
                        }
                        send(exchange, 200, "{\"data\":{\"status\":\"SUCCESS\"}}");
                    }
                    default -> send(exchange, 405, "{\"errors\":[{\"message\":\"Method not allowed\"}]}");
                }
            } else {
                send(exchange, 404, "{\"errors\":[{\"type\":\"resource-not-found\",\"message\":\"Not found\"}]}");
            }
        }

        private static String page(String field, List<? extends JsonNode> items, Map<String, String> query) {
            int count = Integer.parseInt(query.getOrDefault("pagination.count", "10"));
            int from = Integer.parseInt(query.getOrDefault("pagination.cursor", "0"));
            int to = Math.min(items.size(), from + Math.min(count, 200));
            ObjectNode data = Json.MAPPER.createObjectNode();
            ArrayNode page = data.putArray(field);
            items.subList(from, to).forEach(page::add);
            ObjectNode pagination = data.putObject("pagination")
                    .put("current", String.valueOf(from))
                    .put("totalEntries", items.size());
            if (to < items.size()) {
                pagination.put("next", String.valueOf(to));
            } else {
                pagination.putNull("next");
            }
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("data", data);
            return Json.write(root);
        }
    }

    /** Avo's export endpoint for one workspace, behind basic auth. */
    static final class Avo extends Fake {
        final Map<String, String> branches = new TreeMap<>(); // branch id -> export JSON
        private final String workspace;
        private final String basic;

        Avo(String workspace, String user, String secret) throws IOException {
            this.workspace = workspace;
            this.basic = "Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        void handle(HttpExchange exchange, String method, String path, String body) throws IOException {
            if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"message\":\"Invalid service account credentials\"}");
                return;
            }
            String prefix = "/workspaces/" + workspace + "/branches/";
            if (method.equals("GET") && path.startsWith(prefix) && path.endsWith("/export/v1")) {
                String export = branches.get(path.substring(prefix.length(), path.length() - "/export/v1".length()));
                send(
                        exchange,
                        export == null ? 404 : 200,
                        export == null ? "{\"message\":\"Branch not found\"}" : export);
            } else {
                send(exchange, 404, "{\"message\":\"Not found\"}");
            }
        }
    }

    /**
     * Amplitude's Taxonomy API, as documented: Basic {@code api_key:secret_key}; categories, event types, event
     * properties (per event type) and user properties (listed with {@code gp:}); form-encoded writes answering
     * {@code {"success": true}}; {@code 409} for creating what exists; {@code 429} with {@code Retry-After} when asked.
     * Event types in {@link #withData} have data in the project, and Amplitude refuses to edit them or their
     * properties ({@code 400}, the API's error body).
     */
    static final class Amplitude extends Fake {
        final Set<String> categories = new java.util.TreeSet<>();
        final Map<String, Map<String, String>> events = new TreeMap<>();
        final Map<String, Map<String, Map<String, String>>> properties = new TreeMap<>();
        final Map<String, Map<String, String>> userProperties = new TreeMap<>();
        final Set<String> withData = new java.util.HashSet<>();
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        private final String authorization;
        int rateLimitNext;

        Amplitude(String apiKey, String secretKey) throws IOException {
            authorization = "Basic "
                    + java.util.Base64.getEncoder()
                            .encodeToString((apiKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        }

        private static Map<String, String> form(String body) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            if (body == null || body.isEmpty()) {
                return out;
            }
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return out;
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        private static String ok(Object data) throws IOException {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("success", true);
            if (data != null) {
                out.put("data", data);
            }
            return JSON.writeValueAsString(out);
        }

        private static String error(String message) throws IOException {
            return JSON.writeValueAsString(Map.of("success", false, "errors", List.of(Map.of("message", message))));
        }

        private static Map<String, Object> listed(Map<String, String> fields) {
            Map<String, Object> out = new java.util.LinkedHashMap<>(fields);
            out.put("is_array_type", Boolean.parseBoolean(fields.getOrDefault("is_array_type", "false")));
            out.put("is_required", Boolean.parseBoolean(fields.getOrDefault("is_required", "false")));
            String values = fields.getOrDefault("enum_values", "");
            out.put("enum_values", values.isEmpty() ? null : values);
            out.put("regex", fields.getOrDefault("regex", "").isEmpty() ? null : fields.get("regex"));
            return out;
        }

        @Override
        void handle(HttpExchange exchange, String method, String path, String body) throws IOException {
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("Invalid API key or secret key"));
                return;
            }
            if (rateLimitNext > 0) {
                rateLimitNext--;
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, error("Exceeded the concurrent cost limit"));
                return;
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                bodies.add(method + " " + path + " " + body);
                if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                        .startsWith("application/x-www-form-urlencoded")) {
                    send(exchange, 400, error("Expected a form-encoded body"));
                    return;
                }
            }
            Map<String, String> f = form(body);
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> q = form(query);
            String base = "/api/2/taxonomy/";
            if (!path.startsWith(base)) {
                send(exchange, 404, error("Not found"));
                return;
            }
            String[] parts = path.substring(base.length()).split("/", 2);
            String kind = parts[0];
            String name = parts.length > 1 ? parts[1] : null;
            switch (method + " " + kind + (name == null ? "" : "/x")) {
                case "GET category" -> {
                    List<Object> out = new ArrayList<>();
                    int id = 1;
                    for (String c : categories) {
                        out.add(Map.of("id", id++, "name", c));
                    }
                    send(exchange, 200, ok(out));
                }
                case "POST category" -> {
                    if (!categories.add(f.get("category_name"))) {
                        send(exchange, 409, error("Attempted to add a category that already exists."));
                    } else {
                        send(exchange, 200, ok(null));
                    }
                }
                case "GET event" -> {
                    List<Object> out = new ArrayList<>();
                    events.forEach((type, e) -> {
                        Map<String, Object> m = new java.util.LinkedHashMap<>();
                        m.put("event_type", type);
                        m.put(
                                "category",
                                e.getOrDefault("category", "").isEmpty() ? null : Map.of("name", e.get("category")));
                        m.put("description", e.getOrDefault("description", "").isEmpty() ? null : e.get("description"));
                        out.add(m);
                    });
                    send(exchange, 200, ok(out));
                }
                case "POST event" -> {
                    String type = f.get("event_type");
                    if (events.containsKey(type)) {
                        send(exchange, 409, error("Attempted to add an event type that already exists."));
                    } else {
                        f.remove("event_type");
                        events.put(type, f);
                        properties.put(type, new TreeMap<>());
                        send(exchange, 200, ok(null));
                    }
                }
                case "PUT event/x", "DELETE event/x" -> {
                    if (!events.containsKey(name)) {
                        send(exchange, 404, error("Event type not found."));
                    } else if (withData.contains(name)) {
                        send(
                                exchange,
                                400,
                                error("Event type '" + name + "' has data in the project and cannot be"
                                        + " changed; only planned events can be edited."));
                    } else if (method.equals("DELETE")) {
                        events.remove(name);
                        properties.remove(name);
                        send(exchange, 200, ok(null));
                    } else {
                        events.get(name).putAll(f);
                        send(exchange, 200, ok(null));
                    }
                }
                case "GET event-property" -> {
                    List<Object> out = new ArrayList<>();
                    properties.getOrDefault(q.get("event_type"), Map.of()).forEach((p, fields) -> {
                        Map<String, Object> m = listed(fields);
                        m.put("event_property", p);
                        m.put("event_type", q.get("event_type"));
                        out.add(m);
                    });
                    send(exchange, 200, ok(out));
                }
                case "POST event-property" -> {
                    String type = f.remove("event_type");
                    String property = f.remove("event_property");
                    Map<String, Map<String, String>> of = properties.get(type);
                    if (of == null) {
                        send(exchange, 404, error("Event type not found."));
                    } else if (of.containsKey(property)) {
                        send(exchange, 409, error("Attempted to add an event property that already exists."));
                    } else {
                        of.put(property, f);
                        send(exchange, 200, ok(null));
                    }
                }
                case "PUT event-property/x" -> {
                    String type = f.remove("event_type");
                    Map<String, String> p =
                            properties.getOrDefault(type, Map.of()).get(name);
                    if (p == null) {
                        send(exchange, 404, error("Event property not found."));
                    } else if (withData.contains(type)) {
                        send(
                                exchange,
                                400,
                                error("Event property '" + name + "' has data in the project and cannot"
                                        + " be changed; only planned properties can be edited."));
                    } else {
                        p.putAll(f);
                        send(exchange, 200, ok(null));
                    }
                }
                case "GET user-property" -> {
                    List<Object> out = new ArrayList<>();
                    userProperties.forEach((p, fields) -> {
                        Map<String, Object> m = listed(fields);
                        m.put("user_property", "gp:" + p);
                        out.add(m);
                    });
                    send(exchange, 200, ok(out));
                }
                case "POST user-property" -> {
                    String property = f.remove("user_property");
                    if (userProperties.containsKey(property)) {
                        send(exchange, 409, error("Attempted to add a user property that already exists."));
                    } else {
                        userProperties.put(property, f);
                        send(exchange, 200, ok(null));
                    }
                }
                case "PUT user-property/x" -> {
                    Map<String, String> p = userProperties.get(name);
                    if (p == null) {
                        send(exchange, 404, error("User property not found."));
                    } else {
                        p.putAll(f);
                        send(exchange, 200, ok(null));
                    }
                }
                default -> send(exchange, 404, error("Not found"));
            }
        }
    }
}
