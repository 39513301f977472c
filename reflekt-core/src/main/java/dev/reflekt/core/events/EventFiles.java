package dev.reflekt.core.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads recorded payloads: a file of documents (one JSON value per line, values one after another, or one JSON array
 * of them), gzip-compressed or not. Each document is read on its own (memory is bounded by the largest document,
 * whatever the file's size) and handed to the first format that knows it.
 */
public final class EventFiles {

    /** Deepest nesting of a document: deeper is refused, as collectors refuse it. */
    static final int MAX_DEPTH = 64;
    /** Longest string in a document (Segment refuses a message over 32 KB; Snowplow's base64 payloads are larger). */
    static final int MAX_STRING = 4 * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .build())
            .build();
    /** Numbers with a fraction read exactly, as lint reads schemas: the quick validator decides on exact numbers. */
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder(JSON)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private EventFiles() {}

    /** Something in a payload file that is not an event Reflekt can read, located. */
    public record Problem(SentEvent.Location where, String message) {}

    /**
     * Reads {@code file} (shown as {@code display}): every event to {@code events}, every document no format knows and
     * every place the file stops being JSON to {@code problems} (reading stops there).
     */
    public static void read(
            Path file,
            String display,
            List<PayloadFormat> formats,
            Consumer<SentEvent> events,
            Consumer<Problem> problems)
            throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                InputStream in = gunzipped(raw);
                JsonParser parser = MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            int index = 0;
            JsonToken token = array ? parser.nextToken() : first;
            while (token != null && !(array && token == JsonToken.END_ARRAY)) {
                JsonLocation at = parser.currentTokenLocation();
                SentEvent.Location where = new SentEvent.Location(
                        display, (int) at.getLineNr(), (int) at.getColumnNr(), array ? "/" + index : "");
                JsonNode document = MAPPER.readTree(parser);
                boolean known = false;
                for (PayloadFormat format : formats) {
                    if (format.read(document, where, events)) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    problems.accept(
                            new Problem(
                                    where,
                                    "this " + kind(document)
                                            + " is no payload of a collector Reflekt knows (a Segment or"
                                            + " RudderStack message or batch, a Snowplow self-describing JSON or tp2 payload)"));
                }
                index++;
                token = parser.nextToken();
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.accept(new Problem(
                    new SentEvent.Location(
                            display,
                            at == null ? 1 : (int) at.getLineNr(),
                            at == null ? 1 : (int) at.getColumnNr(),
                            ""),
                    // the parser's own message quotes the payload (personal data): never shown
                    "not JSON from here on, or nested deeper than " + MAX_DEPTH + ", or a string longer than "
                            + MAX_STRING + " characters; the rest of the file is not read"));
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            problems.accept(new Problem(
                    new SentEvent.Location(display, 1, 1, ""),
                    "the gzip data is cut short or damaged (" + e.getMessage() + "); what came before was read"));
        }
    }

    /**
     * One JSON document of a payload (a request body, a base64 field's JSON), read within the same bounds as files;
     * an {@link IOException} when it is not JSON or exceeds them (its message may quote the input: never show it).
     */
    public static JsonNode parse(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** As {@link #parse(byte[])}, for text. */
    public static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The stream, decompressed when it starts with gzip's magic bytes. */
    private static InputStream gunzipped(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        return node.isArray() ? "array" : "value";
    }
}
