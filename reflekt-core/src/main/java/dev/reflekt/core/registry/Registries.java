package dev.reflekt.core.registry;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ProjectConfig;
import dev.reflekt.core.registry.avo.AvoClient;
import dev.reflekt.core.registry.confluent.ConfluentClient;
import dev.reflekt.core.registry.iglu.IgluClient;
import dev.reflekt.core.registry.segment.SegmentClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Builds the client for a profile's {@code registry:} entry. */
public final class Registries {

    private Registries() {}

    /**
     * The client of {@code entry}.
     *
     * @param secrets credentials from settings.xml replacing the entry's ({@code api_token},
     *     {@code api_key}, {@code username}, {@code password}, ...); empty when none
     * @param config the project's config: its vendor names pulled schemas, its Avo branches map to ids
     * @param log receives retry notes
     */
    public static RegistryClient client(
            ProfileEntry entry,
            Map<String, String> secrets,
            ProjectConfig config,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper)
            throws ReflektException {
        Map<String, String> headers = new HashMap<>();
        switch (entry.type()) {
            case "segment" -> {
                String token = secret(entry, secrets, "api_token");
                if (token == null) {
                    entry.require("api_token");
                }
                headers.put("Authorization", "Bearer " + token);
                return new SegmentClient(
                        entry.get("api_url").orElse(SegmentClient.API),
                        config.vendor(),
                        new HttpTransport("Segment", policy, headers, SegmentClient::errorMessage, log, sleeper));
            }
            case "iglu" -> {
                String url = entry.require("url");
                String key = secret(entry, secrets, "api_key");
                if (key != null) {
                    headers.put("apikey", key);
                }
                return new IgluClient(
                        url, new HttpTransport("Iglu Server", policy, headers, Json::message, log, sleeper));
            }
            case "confluent" -> {
                String url = entry.require("url");
                String user = secret(entry, secrets, "username");
                String password = secret(entry, secrets, "password");
                if (user != null) {
                    String pair = user + ":" + (password == null ? "" : password);
                    headers.put(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
                }
                headers.put("Accept", "application/vnd.schemaregistry.v1+json, application/json");
                return new ConfluentClient(
                        url,
                        entry.get("subject_strategy").orElse(null),
                        new HttpTransport("Schema registry", policy, headers, Json::message, log, sleeper));
            }
            case "avo" -> {
                String workspace = entry.require("workspace_id");
                String user = secret(entry, secrets, "service_account_name");
                String password = secret(entry, secrets, "service_account_secret");
                if (user == null) {
                    entry.require("service_account_name");
                }
                if (password == null) {
                    entry.require("service_account_secret");
                }
                String pair = user + ":" + password;
                headers.put(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
                return new AvoClient(
                        entry.get("api_url").orElse(AvoClient.API),
                        workspace,
                        config.vendor(),
                        config.avoBranches(),
                        new HttpTransport("Avo", policy, headers, Json::message, log, sleeper));
            }
            default ->
                throw new ReflektException("Registry type '" + entry.type() + "' (" + entry + ") cannot be"
                        + " pushed to or pulled from yet; use segment, avo, iglu or confluent.");
        }
    }

    private static String secret(ProfileEntry entry, Map<String, String> secrets, String key) {
        String fromSettings = secrets.get(key);
        return fromSettings != null ? fromSettings : entry.get(key).orElse(null);
    }
}
