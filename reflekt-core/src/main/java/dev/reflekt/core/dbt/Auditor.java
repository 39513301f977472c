package dev.reflekt.core.dbt;

import dev.reflekt.core.ReflektException;
import java.util.Map;

/** Checks compiled models on the warehouse before a package is published; throws to stop publishing. */
@FunctionalInterface
public interface Auditor {

    /**
     * @param compiledModels model name → its SQL as dbt would compile it for a first run
     * @throws ReflektException naming each model the warehouse refused and the warehouse's message
     */
    void audit(Map<String, String> compiledModels) throws ReflektException;
}
