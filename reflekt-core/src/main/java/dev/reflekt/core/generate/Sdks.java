package dev.reflekt.core.generate;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.generate.sdk.NoSdk;
import dev.reflekt.core.generate.sdk.RudderStackSdk;
import dev.reflekt.core.generate.sdk.SegmentSdk;
import dev.reflekt.core.generate.sdk.SnowplowSdk;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The SDKs {@code reflekt:generate} writes adapters for, by name. */
public final class Sdks {

    private static final Map<String, Sdk> ALL = new LinkedHashMap<>();

    static {
        for (Sdk sdk : new Sdk[] {new SegmentSdk(), new RudderStackSdk(), new SnowplowSdk(), new NoSdk()}) {
            ALL.put(sdk.name(), sdk);
        }
    }

    private Sdks() {}

    /** The SDK named {@code name} (any case). */
    public static Sdk named(String name) throws ReflektException {
        Sdk sdk = ALL.get(name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
        if (sdk == null) {
            throw new ReflektException("Unknown SDK '" + name + "' (reflekt.generate.sdk); use one of "
                    + String.join(", ", ALL.keySet()) + ".");
        }
        return sdk;
    }
}
