package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What a collector would do to an event on load that its schema does not say: the source of the
 * {@code collector-load} rule. The goal hands the linter the collector's checks; lint names no collector.
 */
public interface LoadProblems {

    /** One problem: where in the schema, what happens, and how to avoid it. */
    record Problem(String pointer, String message, String fix) {}

    /** The problems of {@code schema} (an event schema, {@code $ref}s resolved), in file order. */
    List<Problem> check(JsonNode schema);

    /** The collector's name as its users write it ({@code Segment}), for messages. */
    String product();

    /**
     * The column the collector's loader writes a property called {@code property} into when it renames it: what the
     * {@code cdp-rename} rule checks; empty when it loads properties under their own names.
     */
    Optional<String> renamed(String property);
}
