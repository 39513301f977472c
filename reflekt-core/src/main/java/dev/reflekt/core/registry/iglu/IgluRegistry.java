package dev.reflekt.core.registry.iglu;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryType;
import java.util.HashMap;
import java.util.Map;

/** {@code type: iglu}: an Iglu Server at {@code url}, with an optional {@code apikey}. */
public final class IgluRegistry implements RegistryType {

    @Override
    public String type() {
        return "iglu";
    }

    @Override
    public RegistryClient open(ProfileEntry entry, Access access) throws ReflektException {
        String url = entry.require("url");
        String key = access.secret(entry, "api_key");
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("apikey", key);
        }
        return new IgluClient(url, access.transport("Iglu Server", headers, Json::message));
    }
}
