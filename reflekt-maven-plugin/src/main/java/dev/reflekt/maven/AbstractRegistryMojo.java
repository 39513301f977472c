package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.registry.RetryPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** What push and pull share: which registry, its credentials from settings.xml, retry bounds. */
public abstract class AbstractRegistryMojo extends AbstractReflektMojo {

    /** Which registry of the profile: its {@code id} or {@code type}. Default: the first. Property {@code reflekt.registry}. */
    @Parameter(property = "reflekt.registry")
    protected String registry;

    /** The profile of {@code reflekt_profiles.yml}. Default: {@code default_profile}. Property {@code reflekt.profile}. */
    @Parameter(property = "reflekt.profile")
    protected String profile;

    /** Which schemas (same forms as {@code reflekt:lint}). Default: all. Property {@code reflekt.select}. */
    @Parameter(property = "reflekt.select")
    protected String select;

    /**
     * The id of a server entry in settings.xml whose username and password (decrypted with Maven's
     * password encryption) are the registry's credentials, instead of the profile's: the password is the
     * Segment {@code api_token} or Iglu {@code api_key}; username and password are Confluent's basic auth
     * and Avo's service account. No default; property {@code reflekt.registry.serverId}.
     */
    @Parameter(property = "reflekt.registry.serverId")
    protected String serverId;

    /** Attempts per request, first one included. Default {@code 5}; property {@code reflekt.registry.maxAttempts}. */
    @Parameter(property = "reflekt.registry.maxAttempts", defaultValue = "5")
    protected int maxAttempts;

    /**
     * No new attempt starts after this many seconds. Default {@code 120}; property
     * {@code reflekt.registry.maxRetrySeconds}.
     */
    @Parameter(property = "reflekt.registry.maxRetrySeconds", defaultValue = "120")
    protected int maxRetrySeconds;

    /**
     * Time for each exchange with the registry, the whole answer included, in seconds. Default {@code 30};
     * property {@code reflekt.registry.timeoutSeconds}.
     */
    @Parameter(property = "reflekt.registry.timeoutSeconds", defaultValue = "30")
    protected int timeoutSeconds;

    /**
     * Time the goal may spend with the registry in all, retries and the waits a registry asks for included,
     * in seconds; past it the goal stops with a message. Default {@code 300}; property
     * {@code reflekt.registry.deadlineSeconds}.
     */
    @Parameter(property = "reflekt.registry.deadlineSeconds", defaultValue = "300")
    protected int deadlineSeconds;

    /**
     * The largest answer read from a registry, in MiB; a larger one is an error rather than a full memory.
     * Default {@code 16}; property {@code reflekt.registry.maxBodyMegabytes}.
     */
    @Parameter(property = "reflekt.registry.maxBodyMegabytes", defaultValue = "16")
    protected int maxBodyMegabytes;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter decrypter;

    protected RetryPolicy policy() {
        return new RetryPolicy(
                Math.max(1, maxAttempts),
                Duration.ofSeconds(maxRetrySeconds),
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(Math.min(timeoutSeconds, 10)),
                Duration.ofSeconds(timeoutSeconds),
                Duration.ofSeconds(Math.max(1, deadlineSeconds)),
                Math.max(1L, maxBodyMegabytes) << 20);
    }

    /** The server's credentials as registry keys, or empty without {@code serverId}. */
    protected Map<String, String> secrets() throws ReflektException {
        Map<String, String> out = new HashMap<>();
        if (serverId == null || serverId.isBlank()) {
            return out;
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new ReflektException("No <server> with id '" + serverId + "' in settings.xml"
                    + " (reflekt.registry.serverId); add one with the registry's credentials.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new ReflektException("Cannot decrypt the password of server '" + serverId + "' in settings.xml: "
                        + problem.getMessage());
            }
        }
        Server decrypted = result.getServer();
        if (decrypted.getUsername() != null) {
            out.put("username", decrypted.getUsername());
            out.put("service_account_name", decrypted.getUsername());
        }
        if (decrypted.getPassword() != null) {
            out.put("password", decrypted.getPassword());
            out.put("api_token", decrypted.getPassword());
            out.put("api_key", decrypted.getPassword());
            out.put("service_account_secret", decrypted.getPassword());
        }
        return out;
    }

    protected String secretsOrigin() {
        return "settings.xml server '" + serverId + "'";
    }
}
