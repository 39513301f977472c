package dev.reflekt.core.events;

import java.util.List;
import java.util.ServiceLoader;

/** The payload formats of the collectors on the class path, in the order of the service file. */
public final class PayloadFormats {

    private static final List<PayloadFormat> ALL =
            ServiceLoader.load(PayloadFormat.class, PayloadFormat.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private PayloadFormats() {}

    /** Every known format. */
    public static List<PayloadFormat> all() {
        return ALL;
    }
}
