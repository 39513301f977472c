package dev.reflekt.core.project;

import dev.reflekt.core.ReflektException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code registry:} or {@code source:} entry of a profile, with {@code env_var} values expanded.
 *
 * <p>{@link #toString()} lists keys only: values can be secrets.
 */
public final class ProfileEntry {

    private final String where;
    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final List<String> unresolved;

    ProfileEntry(String where, Map<String, String> values, Map<String, String> origins) {
        this(where, values, origins, List.of());
    }

    ProfileEntry(String where, Map<String, String> values, Map<String, String> origins, List<String> unresolved) {
        this.where = where;
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
        this.unresolved = List.copyOf(unresolved);
    }

    /**
     * The values that could not be resolved (an unset environment variable without a default), as messages
     * with file:line:col. They are an error only for a goal that uses this entry.
     */
    public List<String> unresolved() {
        return unresolved;
    }

    /** This entry, for a goal about to use it; an error naming each unset environment variable otherwise. */
    public ProfileEntry resolved() throws ReflektException {
        if (!unresolved.isEmpty()) {
            throw new ReflektException(unresolved);
        }
        return this;
    }

    /** The entry's {@code type} ({@code segment}, {@code snowflake}, ...). */
    public String type() {
        return values.getOrDefault("type", "");
    }

    /** The entry's {@code id}, or its type when it has none. */
    public String id() {
        return values.getOrDefault("id", type());
    }

    /** A value, if present. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A value that must be present. */
    public String require(String key) throws ReflektException {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new ReflektException(where + ": '" + type() + "' entry '" + id() + "' has no '" + key
                    + "'; add it (a secret can be written {{ env_var('NAME') }}).");
        }
        return v;
    }

    /**
     * Where a value came from, safe to print: {@code environment variable SEGMENT_TOKEN} or the file
     * position. Never the value itself.
     */
    public String origin(String key) {
        return origins.getOrDefault(key, where);
    }

    /** The keys present. */
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public String toString() {
        return type() + " '" + id() + "' (" + where + ", keys " + new java.util.TreeSet<>(values.keySet()) + ")";
    }
}
