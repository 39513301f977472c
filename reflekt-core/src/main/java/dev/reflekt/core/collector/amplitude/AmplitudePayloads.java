package dev.reflekt.core.collector.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.reflekt.core.events.PayloadFormat;
import dev.reflekt.core.events.SentEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Amplitude's upload format: an event ({@code event_type}, {@code event_properties}, {@code user_properties}, the ids)
 * or an upload body ({@code {"api_key": ..., "events": [...]}}, what the SDKs post to {@code /2/httpapi} and
 * {@code /batch}). An event's {@code event_properties} are checked against the schemas of its {@code event_type};
 * an {@code $identify} event's {@code user_properties} (the {@code $set} operation's, when it has one) against
 * {@code Identify}.
 */
public final class AmplitudePayloads implements PayloadFormat {

    /** The event type Amplitude's SDKs send an identify call as. */
    static final String IDENTIFY = "$identify";

    @Override
    public String name() {
        return "amplitude";
    }

    @Override
    public boolean read(JsonNode document, SentEvent.Location where, Consumer<SentEvent> events) {
        return eachEvent(document, (event, pointer) -> event(event, where.at(where.pointer() + pointer), events));
    }

    /**
     * Hands each event of {@code document} (an upload body's {@code events}, or one event) to {@code event} with its
     * pointer in the document ({@code /events/2}, or empty); false when the document is neither.
     */
    static boolean eachEvent(JsonNode document, java.util.function.BiConsumer<JsonNode, String> event) {
        if (!document.isObject()) {
            return false;
        }
        if (document.path("events").isArray() && document.has("api_key")) {
            JsonNode list = document.get("events");
            for (int i = 0; i < list.size(); i++) {
                event.accept(list.get(i), "/events/" + i);
            }
            return true;
        }
        if (!document.path("event_type").isTextual() || document.has("type") || document.has("event")) {
            return false; // Segment's messages have type or event
        }
        event.accept(document, "");
        return true;
    }

    private void event(JsonNode event, SentEvent.Location at, Consumer<SentEvent> events) {
        if (!event.path("event_type").isTextual()) {
            events.accept(new SentEvent(name(), "unknown", "an event with no event_type", null, at, List.of()));
            return;
        }
        String type = event.get("event_type").asText();
        if (type.equals(IDENTIFY)) {
            JsonNode traits = event.path("user_properties");
            String pointer = "/user_properties";
            if (traits.path("$set").isObject()) {
                traits = traits.get("$set");
                pointer += "/$set";
            }
            events.accept(new SentEvent(
                    name(), "identify", "Identify", object(traits), at.at(at.pointer() + pointer), List.of()));
            return;
        }
        events.accept(new SentEvent(
                name(),
                "track",
                type,
                object(event.path("event_properties")),
                at.at(at.pointer() + "/event_properties"),
                List.of()));
    }

    /** The object sent, or {} when none was. */
    private static JsonNode object(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
    }
}
