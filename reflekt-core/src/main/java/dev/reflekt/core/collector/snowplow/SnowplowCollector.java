package dev.reflekt.core.collector.snowplow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.dbt.Collector;
import dev.reflekt.core.dbt.LoadChecks;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Snowplow: self-describing events and entities in {@code atomic.events}, where each warehouse's loader puts them
 * ({@link SnowplowPlanner}, {@link SnowplowLayout}).
 */
public final class SnowplowCollector implements Collector {

    @Override
    public String name() {
        return "snowplow";
    }

    @Override
    public String product() {
        return "Snowplow";
    }

    @Override
    public Planner planner(DbtConfig dbt, Dialect dialect, String sourceSchema, Optional<TableColumns> warehouse) {
        return new SnowplowPlanner(dbt, dialect, sourceSchema, warehouse);
    }

    /** The STRUCT layout's loaders (BigQuery Loader 2, Lake Loader), into DuckDB: the one layout loaded locally. */
    @Override
    public Optional<dev.reflekt.core.load.EventLoader> loader(DbtConfig dbt, Dialect dialect) {
        return dialect.name().equals("duckdb") ? Optional.of(new SnowplowLoader(dialect)) : Optional.empty();
    }

    /**
     * Properties the loaders put in one column or field after snake-casing (all but Snowflake's, which keeps JSON
     * names), an unknown {@code self.kind}, and Iglu names Iglu refuses.
     */
    @Override
    public List<LoadChecks.Finding> loadProblems(JsonNode schema, Optional<Dialect> dialect, DbtConfig dbt) {
        List<LoadChecks.Finding> out = new ArrayList<>();
        String kind = schema.path("self").path("kind").asText("event");
        if (!kind.equals("event") && !kind.equals("entity")) {
            out.add(new LoadChecks.Finding(
                    "/self/kind",
                    "self.kind '" + kind + "' is neither 'event' nor 'entity', so the build models it as an event",
                    "set it to 'event' (a self-describing event) or 'entity' (sent as a context)"));
        }
        String vendor = schema.path("self").path("vendor").asText("");
        if (!IGLU_VENDOR.matcher(vendor).matches()) {
            out.add(new LoadChecks.Finding(
                    "/self/vendor",
                    "self.vendor '" + vendor + "' is not an Iglu vendor (letters, digits, '.', '-', '_')",
                    "use a reverse domain name such as com.acme"));
        }
        SnowplowLayout layout =
                SnowplowLayout.of(dialect.orElseGet(() -> Dialect.of("bigquery").orElseThrow()));
        LoadChecks.collisions(
                LoadChecks.leaves(schema),
                leaf -> layout.raw(leaf.keys()).toLowerCase(java.util.Locale.ROOT),
                (later, earlier, column) -> out.add(new LoadChecks.Finding(
                        later.pointer(),
                        "Snowplow's loader"
                                + dialect.map(d -> " for " + d.name()).orElse("s")
                                + " put properties '" + earlier + "' and '" + String.join(".", later.keys())
                                + "' in one column '" + column + "'; the warehouse keeps one value per event",
                        "rename one of them")));
        return out;
    }

    private static final java.util.regex.Pattern IGLU_VENDOR = java.util.regex.Pattern.compile("[a-zA-Z0-9_.-]+");

    @Override
    public String shape(Dialect dialect) {
        return SnowplowLayout.of(dialect).describe();
    }

    @Override
    public String deletionsReadme() {
        return """
                When rows are deleted from `atomic.events` and the loaders' tables (for example a user's events, to
                honour a GDPR erasure request), views, tables and Parquet files lose them on the next run, as they are
                rebuilt from the raw tables; incremental models keep rows they built earlier until you run, after each
                such deletion:""";
    }

    @Override
    public String deletionsMacroComment() {
        return """
                Rows deleted from atomic.events (for example a user's events, for a
                    GDPR erasure request) stay in incremental models until this removes every row whose source row is
                    gone. Run it after each such deletion:""";
    }
}
