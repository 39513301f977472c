package dev.reflekt.core.registry.segment;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryType;
import java.util.Map;
import java.util.Optional;

/** {@code type: segment}: Segment Protocols through the Public API, with a bearer {@code api_token}. */
public final class SegmentRegistry implements RegistryType {

    @Override
    public String type() {
        return "segment";
    }

    @Override
    public RegistryClient open(ProfileEntry entry, Access access) throws ReflektException {
        String token = access.secret(entry, "api_token");
        if (token == null) {
            entry.require("api_token");
        }
        return new SegmentClient(
                entry.get("api_url").orElse(SegmentClient.API),
                access.config().vendor(),
                access.transport("Segment", Map.of("Authorization", "Bearer " + token), SegmentClient::errorMessage));
    }

    @Override
    public Optional<String> defaultUrl() {
        return Optional.of(SegmentClient.API);
    }
}
