package dev.reflekt.core.collector.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.events.EventFiles;
import dev.reflekt.core.events.IngestionApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Amplitude's event upload APIs as its SDKs use them: HTTP V2 ({@code POST /2/httpapi}, up to 1 MB and 2,000 events a
 * request) and Batch Event Upload ({@code POST /batch}, up to 20 MB), both a JSON body
 * {@code {"api_key": ..., "events": [...], "options": {...}}}. Answers as Amplitude documents them: {@code 200} with
 * {@code events_ingested}, {@code payload_size_bytes} and {@code server_upload_time}; {@code 400} with
 * {@code missing_field}, or {@code events_with_missing_fields} / {@code events_with_invalid_fields} (field → indexes)
 * for events without {@code event_type}, without a {@code user_id} or {@code device_id}, or with an id shorter than
 * {@code options.min_id_length} (default 5); {@code 413} past the limits. Each event is recorded on its own line,
 * without the request's {@code api_key} (a credential never lands in a recording), with {@code server_upload_time}.
 */
public final class AmplitudeIngestion implements IngestionApi {

    /** HTTP V2's limits. */
    static final int MAX_HTTP_API = 1024 * 1024;

    static final int MAX_EVENTS = 2_000;

    /** Batch Event Upload's limit. */
    static final int MAX_BATCH = 20 * 1024 * 1024;

    private static final String HTTP_API = "/2/httpapi";
    private static final String BATCH = "/batch";
    private static final int MIN_ID_LENGTH = 5;

    @Override
    public String name() {
        return "amplitude";
    }

    @Override
    public boolean serves(String path) {
        return path.equals(HTTP_API) || path.equals(BATCH);
    }

    @Override
    public int maxRequestBytes() {
        return MAX_BATCH;
    }

    @Override
    public Answer receive(Request request) {
        if (!request.method().equals("POST")) {
            return error(405, "only POST is accepted here", null);
        }
        boolean httpApi = request.path().equals(HTTP_API);
        if (request.tooLarge() || (httpApi && request.body().length > MAX_HTTP_API)) {
            return error(413, "Payload too large", null);
        }
        if (request.badEncoding()) {
            return error(400, "Invalid request body: the gzip body is cut short or damaged", null);
        }
        if (!request.contentTypeIs("application/json")) {
            return error(400, "Invalid content type: must be application/json", null);
        }
        JsonNode body;
        try {
            body = EventFiles.parse(request.body());
        } catch (IOException e) {
            return error(400, "Invalid JSON request body", null);
        }
        if (body == null || !body.isObject()) {
            return error(400, "Invalid JSON request body", null);
        }
        if (!body.path("api_key").isTextual() || body.get("api_key").asText().isBlank()) {
            return error(400, "Request missing required field", "api_key");
        }
        if (!body.path("events").isArray()) {
            return error(400, "Request missing required field", "events");
        }
        ArrayNode events = (ArrayNode) body.get("events");
        if (httpApi && events.size() > MAX_EVENTS) {
            return error(413, "Payload too large", null);
        }
        int minId = body.path("options").path("min_id_length").canConvertToInt()
                ? Math.max(0, body.path("options").path("min_id_length").asInt())
                : MIN_ID_LENGTH;
        Map<String, List<Integer>> missing = new TreeMap<>();
        Map<String, List<Integer>> invalid = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (!e.isObject() || !e.path("event_type").isTextual()) {
                missing.computeIfAbsent("event_type", k -> new ArrayList<>()).add(i);
                continue;
            }
            boolean user = e.path("user_id").isTextual();
            boolean device = e.path("device_id").isTextual();
            if (!user && !device) {
                missing.computeIfAbsent("user_id", k -> new ArrayList<>()).add(i);
            }
            for (String id : List.of("user_id", "device_id")) {
                if (e.path(id).isTextual() && e.get(id).asText().length() < minId) {
                    invalid.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                }
            }
            if (e.has("event_properties") && !e.get("event_properties").isObject()) {
                invalid.computeIfAbsent("event_properties", k -> new ArrayList<>())
                        .add(i);
            }
        }
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("code", 400);
            answer.put("error", "Request contains invalid or missing fields");
            answer.set("events_with_missing_fields", indexes(missing));
            answer.set("events_with_invalid_fields", indexes(invalid));
            return Answer.json(400, answer.toString(), List.of());
        }
        long now = System.currentTimeMillis();
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode e : events) {
            ObjectNode event = ((ObjectNode) e).deepCopy();
            event.put("server_upload_time", now);
            documents.add(event);
        }
        return Answer.json(
                200,
                "{\"code\":200,\"events_ingested\":" + documents.size() + ",\"payload_size_bytes\":"
                        + request.body().length + ",\"server_upload_time\":" + now + "}",
                documents);
    }

    private static ObjectNode indexes(Map<String, List<Integer>> fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach((field, at) -> {
            ArrayNode list = node.putArray(field);
            at.forEach(list::add);
        });
        return node;
    }

    private static Answer error(int status, String message, String missingField) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("code", status);
        answer.put("error", message);
        if (missingField != null) {
            answer.put("missing_field", missingField);
        }
        return Answer.json(status, answer.toString(), List.of());
    }
}
