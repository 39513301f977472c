package dev.reflekt.core.registry.confluent;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryType;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code type: confluent}: a Confluent-compatible Schema Registry (Confluent, Apicurio's ccompat API) at
 * {@code url}, with optional HTTP Basic credentials.
 */
public final class ConfluentRegistry implements RegistryType {

    @Override
    public String type() {
        return "confluent";
    }

    @Override
    public RegistryClient open(ProfileEntry entry, Access access) throws ReflektException {
        String url = entry.require("url");
        String user = access.secret(entry, "username");
        String password = access.secret(entry, "password");
        Map<String, String> headers = new HashMap<>();
        if (user != null) {
            headers.put("Authorization", Access.basic(user, password == null ? "" : password));
        }
        headers.put("Accept", "application/vnd.schemaregistry.v1+json, application/json");
        return new ConfluentClient(
                url,
                entry.get("subject_strategy").orElse(null),
                access.transport("Schema registry", headers, Json::message));
    }
}
