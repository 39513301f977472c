package dev.reflekt.core.collector.segment;

import dev.reflekt.core.dbt.CallTablePlanner;
import dev.reflekt.core.dbt.CallTableRules;
import dev.reflekt.core.dbt.Collector;
import dev.reflekt.core.naming.Inflection;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.Optional;

/** Segment's warehouses: a table per event and per call type, properties flattened with {@code _} ({@link SegmentRules}). */
public final class SegmentCollector implements Collector {

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public String product() {
        return "Segment";
    }

    @Override
    public Planner planner(DbtConfig dbt, Dialect dialect, String sourceSchema, Optional<TableColumns> warehouse) {
        return new CallTablePlanner(new SegmentRules(), dbt, sourceSchema, warehouse);
    }

    @Override
    public Optional<java.util.List<dev.reflekt.core.dbt.LoadedEvent>> loadedEvents(
            DbtConfig dbt, Dialect dialect, TableColumns warehouse) {
        return Optional.of(new SegmentRules().loadedEvents(warehouse));
    }

    @Override
    public Optional<dev.reflekt.core.load.EventLoader> loader(DbtConfig dbt, Dialect dialect) {
        return Optional.of(new dev.reflekt.core.load.CallTableLoader(new SegmentRules()));
    }

    @Override
    public String shape(Dialect dialect) {
        return "a table per event (snake_case name) plus tracks, identifies, users, pages, screens and groups;"
                + " properties flattened into columns with '_'";
    }

    @Override
    public String deletionsReadme() {
        return """
                Segment deletes a profile's identifiers, traits and events from the warehouse when the profile is
                deleted (for example a GDPR "right to be forgotten" request), in a weekly batch. Views, tables and Parquet
                files are rebuilt from the raw tables on every run; incremental models keep rows they built earlier until
                you run, once a week after Segment's batch:""";
    }

    @Override
    public String deletionsMacroComment() {
        return """
                Segment deletes a profile's identifiers, traits and events from the
                    warehouse (Profiles Sync deletions, a weekly batch); incremental models keep the rows they built from
                    them until this removes every row whose source row is gone. Run it after Segment's weekly batch:""";
    }

    @Override
    public Optional<CallTableRules> profilesSync() {
        return Optional.of(new SegmentRules());
    }

    /** Segment snake-cases property names ({@code orderId} → {@code order_id}) and spaces become {@code _}. */
    @Override
    public Optional<String> renamed(String property) {
        return Optional.of(Inflection.underscore(property.replace(' ', '_')));
    }
}
