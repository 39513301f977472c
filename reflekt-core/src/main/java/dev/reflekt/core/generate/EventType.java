package dev.reflekt.core.generate;

import java.util.List;
import java.util.Map;

/**
 * One generated event type: an event name at one MAJOR version, from the highest MINOR of that MAJOR.
 *
 * @param name the event name as sent ({@code Order Completed})
 * @param typeName the class / interface name ({@code OrderCompleted}, {@code OrderCompletedV2})
 * @param call how the event is sent
 * @param schemaId the schema's {@code $id} (its path under {@code schemas/})
 * @param schemaUri the Iglu URI, as {@code reflekt:push} publishes the schema to Iglu Server
 * @param metadata {@code self.metadata} as text, sorted by key
 * @param root the event's properties
 */
public record EventType(
        String name,
        String typeName,
        Call call,
        String schemaId,
        String schemaUri,
        Map<String, String> metadata,
        Shape.Obj root) {

    /** The tracking call an event is sent with. */
    public enum Call {
        TRACK,
        IDENTIFY,
        GROUP,
        /**
         * Not sent alone: a Snowplow entity ({@code self.kind: entity}), attached to events as a context; adapters
         * make a context of it, and SDKs without contexts leave it out.
         */
        ENTITY
    }

    /** The event's properties. */
    public List<Shape.Property> properties() {
        return root.properties();
    }

    /** The schema's description, or empty. */
    public String description() {
        return root.description();
    }
}
