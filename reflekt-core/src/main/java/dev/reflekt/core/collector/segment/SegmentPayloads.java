package dev.reflekt.core.collector.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.events.PayloadFormat;
import dev.reflekt.core.events.SentEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Segment's message spec, which RudderStack's SDKs send too: a message ({@code track}, {@code identify},
 * {@code page}, {@code screen}, {@code group}, {@code alias}) or a batch body ({@code {"batch": [...]}}, what
 * analytics-java posts to {@code /v1/import} and RudderStack's SDKs to {@code /v1/batch}). A track's properties are
 * checked against the schemas of its event name; identify's and group's traits against {@code Identify} and
 * {@code Group}; page's and screen's properties against {@code Page} and {@code Screen}.
 */
public final class SegmentPayloads implements PayloadFormat {

    private static final List<String> CALLS = List.of("track", "identify", "page", "screen", "group", "alias");

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public boolean read(JsonNode document, SentEvent.Location where, Consumer<SentEvent> events) {
        if (!document.isObject()) {
            return false;
        }
        if (document.path("batch").isArray()) {
            JsonNode batch = document.get("batch");
            for (int i = 0; i < batch.size(); i++) {
                message(batch.get(i), where.at(where.pointer() + "/batch/" + i), events);
            }
            return true;
        }
        if (call(document) == null) {
            return false;
        }
        message(document, where, events);
        return true;
    }

    /** The call of a message: its {@code type}, or {@code track} for a single track body (no type, an event). */
    private static String call(JsonNode message) {
        String type = message.path("type").asText("").toLowerCase(Locale.ROOT);
        if (CALLS.contains(type)) {
            return type;
        }
        return message.path("type").isMissingNode() && message.path("event").isTextual() ? "track" : null;
    }

    private void message(JsonNode message, SentEvent.Location at, Consumer<SentEvent> events) {
        String call = call(message);
        if (call == null) {
            events.accept(new SentEvent(name(), "unknown", "a message of no known type", null, at, List.of()));
            return;
        }
        String field =
                switch (call) {
                    case "identify", "group" -> "traits";
                    case "alias" -> null;
                    default -> "properties";
                };
        String name =
                switch (call) {
                    case "track" -> message.path("event").asText("");
                    case "identify" -> "Identify";
                    case "group" -> "Group";
                    case "page" -> "Page";
                    case "screen" -> "Screen";
                    default -> "Alias";
                };
        JsonNode data = field == null ? null : message.path(field);
        if (data != null && data.isMissingNode()) {
            data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(); // none sent: {}
        }
        events.accept(new SentEvent(
                name(), call, name, data, at.at(at.pointer() + (field == null ? "" : "/" + field)), List.of()));
    }
}
