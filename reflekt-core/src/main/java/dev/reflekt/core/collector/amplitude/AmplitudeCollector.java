package dev.reflekt.core.collector.amplitude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.dbt.Collector;
import dev.reflekt.core.dbt.LoadChecks;
import dev.reflekt.core.load.EventLoader;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amplitude: events exported to the warehouse in one table per project, properties in JSON documents
 * ({@link AmplitudeExport}, {@link AmplitudePlanner}).
 */
public final class AmplitudeCollector implements Collector {

    /** The longest string property value Amplitude keeps; it truncates longer ones. */
    static final int MAX_STRING = 1024;

    @Override
    public String name() {
        return "amplitude";
    }

    @Override
    public String product() {
        return "Amplitude";
    }

    @Override
    public Planner planner(DbtConfig dbt, Dialect dialect, String sourceSchema, Optional<TableColumns> warehouse) {
        return new AmplitudePlanner(dbt, dialect, sourceSchema, warehouse);
    }

    /** The export table into DuckDB or PostgreSQL, JSON documents as {@code json} / {@code jsonb}. */
    @Override
    public Optional<EventLoader> loader(DbtConfig dbt, Dialect dialect) {
        String project =
                dbt.amplitudeProjectId() == null || !dbt.amplitudeProjectId().matches("[0-9]{1,20}")
                        ? "0"
                        : dbt.amplitudeProjectId();
        return Optional.of(new AmplitudeLoader(AmplitudeExport.table(project)));
    }

    /**
     * What Amplitude does not keep as planned: string values past {@value #MAX_STRING} characters (truncated), and in
     * the user properties ({@code Identify}) names starting with {@code $}, which Amplitude reads as operations.
     */
    @Override
    public List<LoadChecks.Finding> loadProblems(JsonNode schema, Optional<Dialect> dialect, DbtConfig dbt) {
        List<LoadChecks.Finding> out = new ArrayList<>();
        boolean identify = schema.path("self").path("name").asText("").equals("Identify");
        for (LoadChecks.Leaf leaf : LoadChecks.leaves(schema)) {
            if (identify && leaf.keys().get(0).startsWith("$")) {
                out.add(new LoadChecks.Finding(
                        leaf.pointer(),
                        "Amplitude reads a user property named '" + leaf.keys().get(0) + "' as an operation ($set,"
                                + " $setOnce, $unset...), not as a property",
                        "rename the property"));
            }
        }
        strings(schema.path("properties"), "/properties", out);
        return out;
    }

    private static void strings(JsonNode properties, String pointer, List<LoadChecks.Finding> out) {
        properties.fields().forEachRemaining(f -> {
            String at = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode p = f.getValue();
            if (p.path("maxLength").canConvertToLong() && p.path("maxLength").asLong() > MAX_STRING) {
                out.add(new LoadChecks.Finding(
                        at + "/maxLength",
                        "Amplitude truncates string values to " + MAX_STRING + " characters, and maxLength allows "
                                + p.path("maxLength").asLong(),
                        "lower maxLength to " + MAX_STRING + ", or send the text elsewhere"));
            }
            strings(p.path("properties"), at + "/properties", out);
        });
    }

    @Override
    public String shape(Dialect dialect) {
        return "one table per Amplitude project, EVENTS_<project id>, a row per event; properties as sent in the "
                + dialect.jsonDocumentType() + " columns event_properties and user_properties";
    }

    @Override
    public String deletionsReadme() {
        return """
                When Amplitude deletes a user's events (a GDPR or CCPA deletion request) and the export table loses
                them, views, tables and Parquet files lose them on the next run, as they are rebuilt from the raw
                table; incremental models keep rows they built earlier until you run, after each such deletion:""";
    }

    @Override
    public String deletionsMacroComment() {
        return """
                Rows deleted from Amplitude's export table (for example a user's events, for
                    a GDPR erasure request) stay in incremental models until this removes every row whose source row
                    is gone. Run it after each such deletion:""";
    }
}
