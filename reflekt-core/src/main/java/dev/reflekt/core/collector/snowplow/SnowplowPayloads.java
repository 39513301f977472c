package dev.reflekt.core.collector.snowplow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.events.EventFiles;
import dev.reflekt.core.events.PayloadFormat;
import dev.reflekt.core.events.SentEvent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Snowplow's payloads: a self-describing JSON ({@code {schema, data}}: an event, an {@code unstruct_event} wrapping
 * one, {@code contexts}, or the tracker protocol's {@code payload_data} around tp2 payloads, what the trackers POST to
 * {@code /com.snowplowanalytics.snowplow/tp2}), or one tp2 payload ({@code e}, with the event in {@code ue_pr} or
 * base64 {@code ue_px} and the contexts in {@code co} or {@code cx}). A self-describing event and each context are
 * checked against the schema their Iglu URI names.
 */
public final class SnowplowPayloads implements PayloadFormat {

    private static final String PROTOCOL = "iglu:com.snowplowanalytics.snowplow/";

    @Override
    public String name() {
        return "snowplow";
    }

    @Override
    public boolean read(JsonNode document, SentEvent.Location where, Consumer<SentEvent> events) {
        if (selfDescribing(document)) {
            wrapper(document, where, events);
            return true;
        }
        if (document.isObject() && document.path("e").isTextual()) {
            tp2(document, where, events);
            return true;
        }
        return false;
    }

    private static boolean selfDescribing(JsonNode node) {
        return node.isObject() && node.path("schema").asText("").startsWith("iglu:") && node.has("data");
    }

    /** A self-describing JSON: one of the protocol's wrappers, or an event. */
    private void wrapper(JsonNode node, SentEvent.Location at, Consumer<SentEvent> events) {
        String schema = node.path("schema").asText();
        JsonNode data = node.get("data");
        String p = at.pointer();
        if (schema.startsWith(PROTOCOL + "payload_data/")) {
            for (int i = 0; i < data.size(); i++) {
                tp2(data.get(i), at.at(p + "/data/" + i), events);
            }
        } else if (schema.startsWith(PROTOCOL + "unstruct_event/") && selfDescribing(data)) {
            events.accept(event("self-describing", data, at.at(p + "/data"), List.of()));
        } else if (schema.startsWith(PROTOCOL + "contexts/")) {
            events.accept(new SentEvent(name(), "contexts", "contexts", null, at, contexts(data, at.at(p + "/data"))));
        } else {
            events.accept(event("self-describing", node, at, List.of()));
        }
    }

    /** One tracker-protocol payload: its self-describing event, if any, with its contexts. */
    private void tp2(JsonNode payload, SentEvent.Location at, Consumer<SentEvent> events) {
        String p = at.pointer();
        List<SentEvent> contexts = List.of();
        JsonNode co = embedded(payload, "co", "cx");
        if (co != null) {
            String field = payload.has("co") ? "/co" : "/cx";
            contexts = selfDescribing(co)
                    ? contexts(co.get("data"), at.at(p + field + "/data"))
                    : List.of(unreadable(at.at(p + field)));
        }
        JsonNode ue = embedded(payload, "ue_pr", "ue_px");
        String field = payload.has("ue_pr") ? "/ue_pr" : "/ue_px";
        if (ue == null && (payload.has("ue_pr") || payload.has("ue_px"))) {
            events.accept(new SentEvent(name(), "unreadable", "ue", null, at.at(p + field), contexts));
        } else if (ue != null && selfDescribing(ue) && selfDescribing(ue.get("data"))) {
            events.accept(event("self-describing", ue.get("data"), at.at(p + field + "/data"), contexts));
        } else {
            // a page view, a structured event...: nothing of it is in a schema but its contexts
            String e = payload.path("e").asText();
            events.accept(new SentEvent(name(), "e=" + e, "e=" + e, null, at, contexts));
        }
    }

    private List<SentEvent> contexts(JsonNode array, SentEvent.Location at) {
        List<SentEvent> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonNode c = array.get(i);
            SentEvent.Location here = at.at(at.pointer() + "/" + i);
            out.add(selfDescribing(c) ? event("context", c, here, List.of()) : unreadable(here));
        }
        return out;
    }

    private SentEvent event(String call, JsonNode selfDescribing, SentEvent.Location at, List<SentEvent> contexts) {
        return new SentEvent(
                name(),
                call,
                selfDescribing.path("schema").asText(),
                selfDescribing.get("data"),
                at.at(at.pointer() + "/data"),
                contexts);
    }

    private SentEvent unreadable(SentEvent.Location at) {
        return new SentEvent(name(), "unreadable", "context", null, at, List.of());
    }

    /** The JSON in field {@code plain}, or the base64url JSON in {@code encoded}; null when absent or unreadable. */
    static JsonNode embedded(JsonNode payload, String plain, String encoded) {
        try {
            if (payload.path(plain).isTextual()) {
                return EventFiles.parse(payload.get(plain).asText());
            }
            if (payload.path(encoded).isTextual()) {
                String b64 = payload.get(encoded).asText().replace('+', '-').replace('/', '_');
                return EventFiles.parse(Base64.getUrlDecoder().decode(b64));
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null; // reported as unreadable, without its text (personal data)
        }
        return null;
    }
}
