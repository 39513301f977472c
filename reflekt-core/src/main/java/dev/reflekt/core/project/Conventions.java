package dev.reflekt.core.project;

import java.util.List;

/**
 * {@code schemas.conventions} of {@code reflekt_project.yml}.
 *
 * @param event conventions for event names ({@code self.name})
 * @param property conventions for property names
 * @param dataTypes the JSON Schema types a property may have
 */
public record Conventions(NamingConvention event, NamingConvention property, List<String> dataTypes) {

    public Conventions {
        dataTypes = List.copyOf(dataTypes);
    }
}
