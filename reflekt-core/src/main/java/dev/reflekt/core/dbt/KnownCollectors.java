package dev.reflekt.core.dbt;

import dev.reflekt.core.ReflektException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The collectors {@code reflekt:build} knows, by the name {@code -Dreflekt.sdk} gives: those declared in
 * {@code META-INF/services/dev.reflekt.core.dbt.Collector}.
 */
final class KnownCollectors {

    /** The collector when none is named: Segment, as in the Python CLI. */
    static final String DEFAULT = "segment";

    private static final List<Collector> ALL =
            ServiceLoader.load(Collector.class, Collector.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private KnownCollectors() {}

    /** The collector called {@code name}. */
    static Optional<Collector> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The collector called {@code name} ({@code -Dreflekt.sdk}).
     *
     * @throws ReflektException naming the collectors there are, when none has that name
     */
    static Collector require(String name) throws ReflektException {
        return named(name.strip())
                .orElseThrow(() -> new ReflektException("SDK '" + name + "' is not known; use -Dreflekt.sdk="
                        + String.join(" or -Dreflekt.sdk=", names()) + "."));
    }

    /** The names of the collectors that load Profiles Sync tables. */
    static List<String> withProfilesSync() {
        return ALL.stream()
                .filter(c -> c.profilesSync().isPresent())
                .map(Collector::name)
                .toList();
    }

    /** Every collector's name, in documentation order. */
    static List<String> names() {
        return ALL.stream().map(Collector::name).toList();
    }
}
