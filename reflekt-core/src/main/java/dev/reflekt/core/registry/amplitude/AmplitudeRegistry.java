package dev.reflekt.core.registry.amplitude;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryType;
import java.util.Map;
import java.util.Optional;

/**
 * {@code type: amplitude}: Amplitude Data's tracking plan through its Taxonomy API, with HTTP Basic
 * {@code api_key:secret_key} (the project's keys); {@code url} is {@code https://analytics.eu.amplitude.com} for a
 * project in the EU.
 */
public final class AmplitudeRegistry implements RegistryType {

    @Override
    public String type() {
        return "amplitude";
    }

    @Override
    public RegistryClient open(ProfileEntry entry, Access access) throws ReflektException {
        String key = access.secret(entry, "api_key");
        String secret = access.secret(entry, "secret_key");
        if (key == null) {
            entry.require("api_key");
        }
        if (secret == null) {
            entry.require("secret_key");
        }
        return new AmplitudeTaxonomy(
                entry.get("url").orElse(AmplitudeTaxonomy.API),
                access.config().name(),
                access.config().vendor(),
                access.transport(
                        "Amplitude",
                        Map.of("Authorization", Access.basic(key, secret)),
                        AmplitudeTaxonomy::errorMessage));
    }

    @Override
    public Optional<String> defaultUrl() {
        return Optional.of(AmplitudeTaxonomy.API);
    }
}
