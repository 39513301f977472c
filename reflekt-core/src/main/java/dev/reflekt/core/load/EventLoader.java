package dev.reflekt.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.events.PayloadFormat;
import dev.reflekt.core.events.SentEvent;
import java.util.function.Consumer;

/**
 * A collector's loader, locally: reads recorded payloads (it is a {@link PayloadFormat}, so {@code EventFiles} reads
 * files for it) into the tables and columns the collector's warehouse loader writes. One per collector, made by its
 * {@code Collector}; the naming and typing are the collector's planner rules, one source of truth.
 */
public interface EventLoader extends PayloadFormat {

    /**
     * Reads {@code document} into {@link #tables()}; false when it is not this collector's payload. The events are not
     * passed on.
     */
    @Override
    boolean read(JsonNode document, SentEvent.Location where, Consumer<SentEvent> events);

    /** What was read, once {@link #finish()} ran. */
    LoadTables tables();

    /** Called once every document is read: types only all rows decide (STRUCT columns). */
    default void finish() {}

    /** What the tables are, for the log ({@code Segment's: a table per event, tracks, identifies...}). */
    String layout();
}
