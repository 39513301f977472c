package dev.reflekt.core.generate;

import dev.reflekt.core.ReflektException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SDKs {@code reflekt:generate} writes adapters for, by name: each collector's package declares its own in
 * {@code META-INF/services/dev.reflekt.core.generate.Sdk} (in the order users see them), and {@code none} comes last.
 */
public final class Sdks {

    private static final Map<String, Sdk> ALL = new LinkedHashMap<>();

    static {
        for (Sdk sdk : ServiceLoader.load(Sdk.class, Sdk.class.getClassLoader())) {
            ALL.put(sdk.name(), sdk);
        }
        Sdk none = new NoSdk();
        ALL.put(none.name(), none);
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

    /** The type names the SDKs' adapters and clients declare, which generated types never take. */
    static Set<String> typeNames() {
        Set<String> out = new TreeSet<>();
        ALL.values().forEach(sdk -> out.addAll(sdk.typeNames()));
        return out;
    }
}
