package dev.reflekt.core.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A schema with every {@code $ref} replaced by what it points to.
 *
 * <p>Nodes of a definition used twice are the same object in both places; nothing may modify the tree.
 *
 * @param json the resolved schema; where a {@code $ref} could not be resolved it stays as written
 * @param problems why some {@code $ref}s could not be resolved, in the order met, each once
 * @param urls the {@code $ref}s to URLs, never read and left as written: each allows any JSON value
 * @param uses the ids of the definition files the schema uses, directly or through other definitions
 * @param origins the node each {@code $ref} was replaced by → the definition it came from
 */
public record Resolved(
        JsonNode json,
        List<RefProblem> problems,
        List<RefProblem> urls,
        SortedSet<String> uses,
        Map<JsonNode, String> origins) {

    public Resolved {
        problems = List.copyOf(problems);
        urls = List.copyOf(urls);
        uses = uses.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(uses));
        origins = origins.isEmpty()
                ? Collections.emptyMap()
                : Collections.unmodifiableMap(new IdentityHashMap<>(origins));
    }

    /**
     * The definition a node of {@link #json} was taken from ({@code definitions/product/1-0}, or
     * {@code #/definitions/address} for one inside the schema), or null when the node is written in place.
     * Only the node a {@code $ref} was replaced by is known; its descendants inherit it.
     */
    public String origin(JsonNode node) {
        return origins.get(node);
    }

    /**
     * Whether {@code node} is a {@code $ref} to a URL, which Reflekt never reads: it stays in the resolved
     * schema as written and allows any JSON value.
     */
    public static boolean isUrlRef(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref != null && ref.isTextual() && Resolver.isUrl(ref.asText());
    }

    /** Whether every {@code $ref} was resolved or is a URL (which is never read). */
    public boolean ok() {
        return problems.isEmpty();
    }
}
