package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a collector would do to an event on load that its schema does not say: the source of the
 * {@code collector-load} rule. The goal hands the linter the collector's checks; lint names no collector.
 */
public interface LoadProblems {

    /** One problem: where in the schema, what happens, and how to avoid it. */
    record Problem(String pointer, String message, String fix) {}

    /** The problems of {@code schema} (an event schema, {@code $ref}s resolved), in file order. */
    List<Problem> check(JsonNode schema);

    /** Whether the events go through Segment, whose own renames the {@code cdp-rename} rule checks. */
    boolean segment();
}
