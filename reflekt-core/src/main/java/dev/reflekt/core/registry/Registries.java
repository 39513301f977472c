package dev.reflekt.core.registry;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ProjectConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Builds the client for a profile's {@code registry:} entry, from the registry types declared in
 * {@code META-INF/services/dev.reflekt.core.registry.RegistryType} (one per registry package).
 */
public final class Registries {

    private static final List<RegistryType> ALL =
            ServiceLoader.load(RegistryType.class, RegistryType.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private Registries() {}

    /**
     * The client of {@code entry}.
     *
     * @param secrets credentials from settings.xml replacing the entry's ({@code api_token},
     *     {@code api_key}, {@code username}, {@code password}, ...); empty when none
     * @param config the project's config: its vendor names pulled schemas, its Avo branches map to ids
     * @param log receives retry notes
     */
    public static RegistryClient client(
            ProfileEntry entry,
            Map<String, String> secrets,
            ProjectConfig config,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper)
            throws ReflektException {
        RegistryType type = type(entry.type())
                .orElseThrow(() -> new ReflektException("Registry type '" + entry.type() + "' (" + entry
                        + ") cannot be pushed to or pulled from yet; use "
                        + String.join(", ", names().subList(0, names().size() - 1)) + " or "
                        + names().get(names().size() - 1) + "."));
        return type.open(entry, new RegistryType.Access(secrets, config, policy, log, sleeper));
    }

    /** The registry type called {@code type}, if there is one. */
    public static Optional<RegistryType> type(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private static List<String> names() {
        return ALL.stream().map(RegistryType::type).toList();
    }
}
