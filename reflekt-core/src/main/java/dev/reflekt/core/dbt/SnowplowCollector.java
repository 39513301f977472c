package dev.reflekt.core.dbt;

import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.Optional;

/**
 * Snowplow: self-describing events and entities in {@code atomic.events}, where each warehouse's loader puts them
 * ({@link SnowplowPlanner}, {@link SnowplowLayout}).
 */
final class SnowplowCollector implements Collector {

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
