package dev.reflekt.core.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys each {@code type:} of a {@code reflekt_profiles.yml} entry needs. One place, so that
 * {@code reflekt:debug} and the goals that connect agree.
 */
public final class EntryTypes {

    /**
     * Required keys of a type; an element {@code a|b} means either key will do (password or key-pair
     * auth).
     *
     * @param kind {@code registry} or {@code source}
     * @param required the keys that must be present
     */
    public record EntryType(String kind, List<String> required) {}

    private static final Map<String, EntryType> TYPES = Map.ofEntries(
            Map.entry("segment", new EntryType("registry", List.of("api_token"))),
            Map.entry(
                    "avo",
                    new EntryType(
                            "registry", List.of("workspace_id", "service_account_name", "service_account_secret"))),
            Map.entry("iglu", new EntryType("registry", List.of("url"))),
            Map.entry("amplitude", new EntryType("registry", List.of("api_key", "secret_key"))),
            Map.entry("confluent", new EntryType("registry", List.of("url"))),
            Map.entry(
                    "snowflake",
                    new EntryType(
                            "source",
                            List.of("account", "database", "warehouse", "role", "user", "password|private_key_path"))),
            Map.entry("redshift", new EntryType("source", List.of("host", "port", "database", "user", "password"))),
            Map.entry("postgres", new EntryType("source", List.of("host", "port", "database", "user", "password"))),
            Map.entry("databricks", new EntryType("source", List.of("host", "http_path", "token"))),
            Map.entry("bigquery", new EntryType("source", List.of("project", "dataset"))),
            Map.entry("duckdb", new EntryType("source", List.of("path"))));

    private EntryTypes() {}

    /** The known type, if any. */
    public static Optional<EntryType> of(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /** The known types of one kind, sorted. */
    public static List<String> known(String kind) {
        return TYPES.entrySet().stream()
                .filter(e -> e.getValue().kind().equals(kind))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
