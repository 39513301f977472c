package dev.reflekt.core.collector.snowplow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.events.EventFiles;
import dev.reflekt.core.events.IngestionApi;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Snowplow's collector endpoints: {@code POST /com.snowplowanalytics.snowplow/tp2} (a {@code payload_data}
 * self-describing JSON of tracker-protocol payloads, what every tracker posts) and {@code GET /i} (one payload in the
 * query string; answered with the 1x1 GIF pixel). As the collector: {@code 200} for what it takes, {@code 413} for a
 * body over its default {@code maxPayloadSize} of 1 MB, {@code 400} for a body that is not JSON. Each payload of a POST
 * is recorded as its own line; a GET's parameters as one JSON object.
 */
public final class SnowplowIngestion implements IngestionApi {

    /** The collector's default {@code networking.maxPayloadSize}. */
    static final int MAX_PAYLOAD = 1024 * 1024;

    private static final String POST = "/com.snowplowanalytics.snowplow/tp2";
    private static final String GET = "/i";
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @Override
    public String name() {
        return "snowplow";
    }

    @Override
    public boolean serves(String path) {
        return path.equals(POST) || path.equals(GET);
    }

    @Override
    public int maxRequestBytes() {
        return MAX_PAYLOAD;
    }

    @Override
    public Answer receive(Request request) {
        if (request.tooLarge()) {
            return Answer.text(413, "the payload is over the collector's limit of 1 MB", List.of());
        }
        if (request.path().equals(GET)) {
            return request.method().equals("GET")
                    ? new Answer(200, "image/gif", PIXEL, List.of(parameters(request.query())))
                    : Answer.text(405, "only GET is accepted here", List.of());
        }
        if (!request.method().equals("POST")) {
            return Answer.text(405, "only POST is accepted here", List.of());
        }
        if (request.badEncoding()) {
            return Answer.text(400, "the gzip body is cut short or damaged", List.of());
        }
        if (!request.contentTypeIs("application/json", "text/plain")) {
            return Answer.text(400, "the content type must be application/json", List.of());
        }
        JsonNode body;
        try {
            body = EventFiles.parse(request.body());
        } catch (IOException e) {
            return Answer.text(400, "the body is not JSON (or is nested too deep)", List.of());
        }
        if (body == null) {
            return Answer.text(400, "the body is empty", List.of());
        }
        List<JsonNode> documents = new ArrayList<>();
        if (body.path("schema").asText("").startsWith("iglu:com.snowplowanalytics.snowplow/payload_data/")
                && body.path("data").isArray()) {
            body.get("data").forEach(documents::add);
        } else {
            documents.add(body); // the collector takes anything; check-events says what it cannot read
        }
        return Answer.text(200, "ok", documents);
    }

    /** A GET's query as the tracker-protocol payload it carries: each parameter once (the last wins). */
    private static JsonNode parameters(String query) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.put(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a bad %-escape: kept as sent
        }
    }
}
