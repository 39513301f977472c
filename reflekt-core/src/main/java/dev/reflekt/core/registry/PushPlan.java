package dev.reflekt.core.registry;

import java.util.List;

/**
 * What a push would do, schema by schema, before anything is written.
 *
 * @param registry how messages name the registry
 * @param changes one entry per schema, in push order
 */
public record PushPlan(String registry, List<Change> changes) {

    /** What happens to one schema. */
    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        DELETE,
        /** The registry refuses it before any write (an incompatible change). */
        REFUSED
    }

    /**
     * @param id the Reflekt schema id
     * @param action what the push does
     * @param target where in the registry ({@code com.acme/Cart_Viewed/jsonschema/1-0-0}, a subject)
     * @param detail why, or the registry's messages for a refusal
     * @param body the request body to send, or null
     */
    public record Change(String id, Action action, String target, String detail, String body) {}

    public PushPlan {
        changes = List.copyOf(changes);
    }

    /** How many changes have this action. */
    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
