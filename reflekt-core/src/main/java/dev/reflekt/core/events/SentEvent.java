package dev.reflekt.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event as an app sent it, found in a recorded payload.
 *
 * @param format the payload format that read it ({@code segment}, {@code snowplow})
 * @param call how it was sent: {@code track}, {@code identify}, {@code page}, {@code screen}, {@code group},
 *     {@code alias}, {@code self-describing} or {@code context}
 * @param name the event name as sent ({@code Order Completed}), or the Iglu URI of a self-describing event or context
 *     ({@code iglu:com.acme/button_press/jsonschema/1-0-0})
 * @param data the properties, traits or self-describing data; null when the call carries none ({@code alias})
 * @param where where {@code data} is: the file, the line and column of its document, and its JSON pointer there
 * @param contexts the contexts (Snowplow entities) sent with it
 */
public record SentEvent(
        String format, String call, String name, JsonNode data, Location where, List<SentEvent> contexts) {

    /** Whether the event names its schema by Iglu URI. */
    public boolean selfDescribing() {
        return name.startsWith("iglu:");
    }

    /**
     * Where something is in a recorded payload file.
     *
     * @param file the file as shown to users
     * @param line 1-based line of the document (the message, the batch body, the tp2 payload)
     * @param column 1-based column
     * @param pointer the JSON pointer in that document ({@code /batch/3/properties}); a decoded field (Snowplow's
     *     base64 {@code ue_px}) ends with the field's pointer
     */
    public record Location(String file, int line, int column, String pointer) {

        /** The same document, another pointer. */
        public Location at(String pointer) {
            return new Location(file, line, column, pointer);
        }
    }
}
