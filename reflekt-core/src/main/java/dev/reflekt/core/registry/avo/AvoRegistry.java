package dev.reflekt.core.registry.avo;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryType;
import java.util.Map;
import java.util.Optional;

/** {@code type: avo}: an Avo workspace, with a service account's name and secret. */
public final class AvoRegistry implements RegistryType {

    @Override
    public String type() {
        return "avo";
    }

    @Override
    public RegistryClient open(ProfileEntry entry, Access access) throws ReflektException {
        String workspace = entry.require("workspace_id");
        String user = access.secret(entry, "service_account_name");
        String password = access.secret(entry, "service_account_secret");
        if (user == null) {
            entry.require("service_account_name");
        }
        if (password == null) {
            entry.require("service_account_secret");
        }
        return new AvoClient(
                entry.get("api_url").orElse(AvoClient.API),
                workspace,
                access.config().vendor(),
                access.config().avoBranches(),
                access.transport("Avo", Map.of("Authorization", Access.basic(user, password)), Json::message));
    }

    @Override
    public Optional<String> defaultUrl() {
        return Optional.of(AvoClient.API);
    }
}
