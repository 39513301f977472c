package dev.reflekt.core.warehouse;

import dev.reflekt.core.ReflektException;

/**
 * {@code -Dreflekt.source=<source_id>.<database>.<schema>}, as the Python CLI's {@code --source}: which
 * source entry of the profile, and where in it the raw events are (BigQuery: project and dataset).
 */
public record SourceRef(String id, String database, String schema) {

    /** Parses {@code id.database.schema}. */
    public static SourceRef parse(String value) throws ReflektException {
        String[] parts = value == null ? new String[0] : value.strip().split("\\.", -1);
        if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new ReflektException("Source '" + value + "' is not of the form <source_id>.<database>.<schema>,"
                    + " e.g. -Dreflekt.source=snowflake.raw.segment (the id of a source entry in"
                    + " reflekt_profiles.yml, then where the raw events are).");
        }
        return new SourceRef(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return id + "." + database + "." + schema;
    }
}
