package dev.reflekt.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A collector's ingestion API as the local collector serves it: the paths its SDKs post to, the answers they expect
 * (errors too), its documented limits, and how a request body splits into the documents recorded (one event a line).
 * One implementation per collector family, in that collector's package, declared in
 * {@code META-INF/services/dev.reflekt.core.events.IngestionApi}.
 */
public interface IngestionApi {

    /** The API's name: its recording is {@code <name>.ndjson}. */
    String name();

    /** Whether this API serves {@code path} (without a trailing slash). */
    boolean serves(String path);

    /** The largest request body accepted, decompressed; a larger one is {@link Request#tooLarge()}. */
    int maxRequestBytes();

    /** The answer to one request, and the documents to record. */
    Answer receive(Request request);

    /**
     * One request, its body decompressed and bounded.
     *
     * @param method {@code GET}, {@code POST}...
     * @param path the path without a trailing slash
     * @param query the raw query string, or empty
     * @param contentType the {@code Content-Type} header, or empty
     * @param body the body (empty when it is too large or unreadable)
     * @param tooLarge the body was larger than {@link #maxRequestBytes()}
     * @param badEncoding the body claimed or looked like gzip and was not readable as such
     */
    record Request(
            String method,
            String path,
            String query,
            String contentType,
            byte[] body,
            boolean tooLarge,
            boolean badEncoding) {

        /** Whether the content type is one of {@code types} (parameters such as {@code charset} ignored). */
        public boolean contentTypeIs(String... types) {
            String media = contentType.split(";", 2)[0].strip();
            for (String t : types) {
                if (media.equalsIgnoreCase(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param contentType its content type
     * @param body its body
     * @param documents what to record, one line each, in order (none for a refused request)
     */
    record Answer(int status, String contentType, byte[] body, List<JsonNode> documents) {

        /** A JSON answer recording {@code documents}. */
        public static Answer json(int status, String json, List<JsonNode> documents) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), documents);
        }

        /** A plain-text answer recording {@code documents}. */
        public static Answer text(int status, String text, List<JsonNode> documents) {
            return new Answer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), documents);
        }

        /** Whether the request was accepted. */
        public boolean accepted() {
            return status / 100 == 2;
        }
    }
}
