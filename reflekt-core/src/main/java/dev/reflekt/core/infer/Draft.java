package dev.reflekt.core.infer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An inferred Reflekt schema, not yet written.
 *
 * @param id its {@code $id}, the path under {@code schemas/}
 * @param json the schema
 * @param from what it was inferred from, for the log ({@code 1,204 track events}, {@code table order_completed})
 */
public record Draft(String id, ObjectNode json, String from) {}
