package dev.reflekt.core.collector.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.events.EventFiles;
import dev.reflekt.core.events.IngestionApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Segment's HTTP Tracking API, which RudderStack's SDKs speak too: {@code POST /v1/batch} and {@code /v1/import}
 * (where analytics-java posts) take {@code {"batch": [...]}}, {@code /v1/track}, {@code /v1/identify},
 * {@code /v1/page}, {@code /v1/screen}, {@code /v1/group} and {@code /v1/alias} one message (its type from the path
 * when it has none). The write key (basic auth, or {@code writeKey} in the body) is accepted whatever it is. As
 * Segment documents: {@code 200 {"success": true}}; {@code 400} for a body that is not JSON, a request over 500 KB or
 * a message over 32 KB. Each message is recorded as its own line.
 */
public final class SegmentIngestion implements IngestionApi {

    /** Segment's limit on a batch request. */
    static final int MAX_BATCH = 500 * 1024;
    /** Segment's limit on one message (a single call, or one message of a batch). */
    static final int MAX_MESSAGE = 32 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BATCH = Set.of("/v1/batch", "/v1/import");
    private static final Set<String> SINGLE =
            Set.of("/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/group", "/v1/alias");

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public boolean serves(String path) {
        return BATCH.contains(path) || SINGLE.contains(path);
    }

    @Override
    public int maxRequestBytes() {
        return MAX_BATCH;
    }

    @Override
    public Answer receive(Request request) {
        if (!request.method().equals("POST")) {
            return error(405, "only POST is accepted here");
        }
        if (request.tooLarge()) {
            return error(400, "the request is over Segment's limit of 500 KB");
        }
        if (request.badEncoding()) {
            return error(400, "the gzip body is cut short or damaged");
        }
        // browsers' SDKs send text/plain (no CORS preflight); servers' send application/json
        if (!request.contentTypeIs("application/json", "text/plain")) {
            return error(400, "the content type must be application/json");
        }
        JsonNode body;
        try {
            body = EventFiles.parse(request.body());
        } catch (IOException e) {
            return error(400, "the body is not JSON (or is nested too deep)");
        }
        if (body == null || !body.isObject()) {
            return error(400, "the body must be a JSON object");
        }
        List<JsonNode> messages = new ArrayList<>();
        if (BATCH.contains(request.path())) {
            if (!body.path("batch").isArray()) {
                return error(400, "a batch body is {\"batch\": [messages]}");
            }
            for (JsonNode m : body.get("batch")) {
                messages.add(m.isObject() ? asSegmentHasIt((ObjectNode) m, body) : m);
            }
            if (request.body().length > MAX_BATCH) {
                return error(400, "the request is over Segment's limit of 500 KB");
            }
        } else {
            if (request.body().length > MAX_MESSAGE) {
                return error(400, "the message is over Segment's limit of 32 KB");
            }
            ObjectNode message = (ObjectNode) body;
            if (!message.has("type")) {
                message.put("type", request.path().substring("/v1/".length()));
            }
            messages.add(asSegmentHasIt(message, message));
        }
        for (JsonNode m : messages) {
            if (size(m) > MAX_MESSAGE) {
                return error(400, "a message of the batch is over Segment's limit of 32 KB");
            }
        }
        return Answer.json(200, "{\"success\":true}", messages);
    }

    /**
     * The message as Segment's API passes it on: the batch's {@code context} under the message's own (a key of the
     * message wins), the batch's {@code sentAt} when the message has none, and {@code receivedAt}, when Segment received
     * it (the time of the warehouse's {@code received_at}).
     */
    private static JsonNode asSegmentHasIt(ObjectNode message, JsonNode batch) {
        if (batch != message && batch.path("context").isObject()) {
            ObjectNode context = batch.get("context").deepCopy();
            if (message.path("context").isObject()) {
                message.get("context").properties().forEach(e -> context.set(e.getKey(), e.getValue()));
            }
            message.set("context", context);
        }
        if (!message.has("sentAt") && batch.path("sentAt").isTextual()) {
            message.set("sentAt", batch.get("sentAt"));
        }
        if (!message.has("receivedAt")) {
            message.put(
                    "receivedAt",
                    java.time.Instant.now()
                            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                            .toString());
        }
        return message;
    }

    private static int size(JsonNode message) {
        try {
            return JSON.writeValueAsBytes(message).length;
        } catch (IOException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Answer error(int status, String message) {
        return Answer.json(
                status, "{\"success\":false,\"message\":\"" + message.replace("\"", "\\\"") + "\"}", List.of());
    }
}
