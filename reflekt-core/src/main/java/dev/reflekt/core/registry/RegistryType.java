package dev.reflekt.core.registry;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ProjectConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A kind of registry a profile's {@code registry:} entry names ({@code type: iglu}): how to read the entry and open
 * its client. One implementation per registry package, declared in
 * {@code META-INF/services/dev.reflekt.core.registry.RegistryType} in the order users see them; {@link Registries}
 * asks nothing else about which registry it is.
 */
public interface RegistryType {

    /** The entry's {@code type:}. */
    String type();

    /**
     * The client of {@code entry}.
     *
     * @throws ReflektException when the entry lacks what the registry needs
     */
    RegistryClient open(ProfileEntry entry, Access access) throws ReflektException;

    /** The API's address when the entry gives none ({@code reflekt:debug} tries it); empty when one is required. */
    default Optional<String> defaultUrl() {
        return Optional.empty();
    }

    /**
     * What opening a client may use besides the entry.
     *
     * @param secrets credentials from settings.xml replacing the entry's; empty when none
     * @param config the project's config (its vendor names pulled schemas, its Avo branches)
     * @param log receives retry notes
     */
    record Access(
            Map<String, String> secrets,
            ProjectConfig config,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper) {

        /** The credential {@code key}: from settings.xml when given there, else from the entry, else null. */
        public String secret(ProfileEntry entry, String key) {
            String fromSettings = secrets.get(key);
            return fromSettings != null ? fromSettings : entry.get(key).orElse(null);
        }

        /** A transport naming the registry {@code registry} in messages, sending {@code headers} to its origin only. */
        public HttpTransport transport(
                String registry, Map<String, String> headers, Function<String, String> errorMessage) {
            return new HttpTransport(registry, policy, headers, errorMessage, log, sleeper);
        }

        /** An HTTP Basic {@code Authorization} value. */
        public static String basic(String user, String password) {
            String pair = user + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
    }
}
