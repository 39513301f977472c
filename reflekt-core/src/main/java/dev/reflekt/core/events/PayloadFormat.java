package dev.reflekt.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * A collector's payload format: how the events an app sent are laid out in what its SDK posts (a message, a batch
 * body, a tracker-protocol payload). One implementation per collector family, in that collector's package, declared
 * in {@code META-INF/services/dev.reflekt.core.events.PayloadFormat}; nothing else asks which format a payload is.
 */
public interface PayloadFormat {

    /** The format's name in findings and reports ({@code segment}, {@code snowplow}). */
    String name();

    /**
     * Reads the events of {@code document} (found at {@code where}) into {@code events}; false when the document is
     * not of this format (another format is asked).
     */
    boolean read(JsonNode document, SentEvent.Location where, Consumer<SentEvent> events);
}
