package dev.reflekt.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One schema registry: plans and applies pushes, pulls schemas back as Reflekt schemas. */
public interface RegistryClient {

    /**
     * A schema as Reflekt keeps it: its id (the path below {@code schemas/}), its JSON, and, for a registry
     * that {@link #keepsReferences keeps references}, the shared definitions its {@code $ref}s name ({@code
     * $ref} as written, without fragment → the definition's id).
     */
    record Schema(String id, JsonNode json, java.util.Map<String, String> references) {

        public Schema {
            references = java.util.Map.copyOf(references);
        }

        public Schema(String id, JsonNode json) {
            this(id, json, java.util.Map.of());
        }
    }

    /**
     * Whether the registry stores schemas with references to other schemas (Confluent's {@code references}):
     * then it is given the schemas as written and the shared definitions they use, definitions first;
     * otherwise each schema with its {@code $ref}s resolved (inlined).
     */
    default boolean keepsReferences() {
        return false;
    }

    /** How messages name this registry: {@code Iglu Server at https://iglu.acme.com}. */
    String name();

    /** A cheap authenticated read, for {@code reflekt:debug}: what the registry holds ({@code 3 tracking plans}). */
    String check() throws RegistryException;

    /**
     * What pushing {@code schemas} would do; reads the registry, writes nothing.
     *
     * @param allIds the ids of every schema of the project, selected or not (Segment replaces a whole
     *     tracking plan only when all its schemas are selected)
     * @param delete Iglu, Confluent: also delete what the registry has and {@code schemas} lack (within
     *     their vendors); Segment: delete the selected events from the tracking plan
     */
    PushPlan plan(List<Schema> schemas, java.util.Set<String> allIds, boolean delete) throws RegistryException;

    /** Carries out {@code plan}; one outcome per change, failures included, nothing rolled back. */
    List<PushOutcome> apply(PushPlan plan);

    /**
     * The registry's schemas as Reflekt schemas; what cannot be mapped is skipped with a note.
     *
     * @param select the user's selection; a client may use it to fetch less (Segment: the plan name)
     */
    List<Schema> pull(String select, java.util.function.Consumer<String> notes) throws RegistryException;
}
