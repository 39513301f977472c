package dev.reflekt.core.events;

import java.util.List;
import java.util.ServiceLoader;

/** The ingestion APIs of the collectors on the class path, in the order of the service file. */
public final class IngestionApis {

    private static final List<IngestionApi> ALL =
            ServiceLoader.load(IngestionApi.class, IngestionApi.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private IngestionApis() {}

    /** Every known API. */
    public static List<IngestionApi> all() {
        return ALL;
    }
}
