package dev.reflekt.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One schema registry: plans and applies pushes, pulls schemas back as Reflekt schemas. */
public interface RegistryClient {

    /** A schema as Reflekt keeps it: its id (the path below {@code schemas/}) and its JSON. */
    record Schema(String id, JsonNode json) {}

    /** How messages name this registry: {@code Iglu Server at https://iglu.acme.com}. */
    String name();

    /**
     * What pushing {@code schemas} would do; reads the registry, writes nothing.
     *
     * @param delete also delete what the registry has and {@code schemas} lack (within their vendors)
     */
    PushPlan plan(List<Schema> schemas, boolean delete) throws RegistryException;

    /** Carries out {@code plan}; one outcome per change, failures included, nothing rolled back. */
    List<PushOutcome> apply(PushPlan plan);

    /** Every schema the registry holds, as Reflekt schemas; what cannot be mapped is skipped with a note. */
    List<Schema> pull(java.util.function.Consumer<String> notes) throws RegistryException;
}
