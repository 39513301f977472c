package dev.reflekt.core.collector.rudderstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.dbt.CallTablePlanner;
import dev.reflekt.core.dbt.CallTableRules;
import dev.reflekt.core.dbt.Collector;
import dev.reflekt.core.dbt.LoadChecks;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RudderStack's warehouse destinations: Segment's layout (a table per call type and per track event), its own
 * naming rules and columns ({@link RudderStackRules}).
 */
public final class RudderStackCollector implements Collector {

    @Override
    public String name() {
        return "rudderstack";
    }

    @Override
    public String product() {
        return "RudderStack";
    }

    @Override
    public Planner planner(DbtConfig dbt, Dialect dialect, String sourceSchema, Optional<TableColumns> warehouse) {
        return new CallTablePlanner(
                new RudderStackRules(new RudderStackNames(dialect, dbt.underscoreDivideNumbers())),
                dbt,
                sourceSchema,
                warehouse);
    }

    @Override
    public Optional<List<dev.reflekt.core.dbt.LoadedEvent>> loadedEvents(
            DbtConfig dbt, Dialect dialect, TableColumns warehouse) {
        return Optional.of(new RudderStackRules(new RudderStackNames(dialect, dbt.underscoreDivideNumbers()))
                .loadedEvents(warehouse));
    }

    @Override
    public Optional<dev.reflekt.core.load.EventLoader> loader(DbtConfig dbt, Dialect dialect) {
        return Optional.of(new dev.reflekt.core.load.CallTableLoader(
                new RudderStackRules(new RudderStackNames(dialect, dbt.underscoreDivideNumbers()))));
    }

    /**
     * Properties RudderStack drops (it fills a column of that name itself) and properties it loads into one
     * column. Without a dialect, names are checked as PostgreSQL would have them, the strictest.
     */
    @Override
    public List<LoadChecks.Finding> loadProblems(JsonNode schema, Optional<Dialect> dialect, DbtConfig dbt) {
        Dialect d = dialect.orElseGet(() -> Dialect.of("postgres").orElseThrow());
        RudderStackNames names = new RudderStackNames(d, dbt.underscoreDivideNumbers());
        RudderStackRules rules = new RudderStackRules(names);
        String callType = CallTableRules.callType(
                rules.table(schema.path("self").path("name").asText("")));
        List<LoadChecks.Finding> out = new ArrayList<>();
        List<LoadChecks.Leaf> leaves = LoadChecks.leaves(schema);
        for (LoadChecks.Leaf leaf : leaves) {
            String joined = String.join("_", leaf.keys());
            if (rules.column(leaf.keys(), callType) == null) {
                out.add(new LoadChecks.Finding(
                        leaf.pointer(),
                        "RudderStack does not load property '" + String.join(".", leaf.keys()) + "': "
                                + (RudderStackNames.transform(joined, false).isEmpty()
                                        ? "its name has no letter or digit"
                                        : "it fills column '"
                                                + names.column(joined)
                                                + "' of " + callType + " calls itself"),
                        "rename the property"));
            }
        }
        LoadChecks.collisions(
                leaves,
                leaf -> rules.column(leaf.keys(), callType),
                (later, earlier, column) -> out.add(new LoadChecks.Finding(
                        later.pointer(),
                        "RudderStack loads properties '" + earlier + "' and '" + String.join(".", later.keys())
                                + "' into one column '" + column + "'; the warehouse keeps one value",
                        "rename one of them")));
        return out;
    }

    @Override
    public String shape(Dialect dialect) {
        return "a table per track event (RudderStack's snake_case, '_' before a digit or one of its own table"
                + " names) plus tracks, identifies, users, pages, screens, groups and aliases; properties flattened"
                + " into columns with '_'" + (dialect.maxIdentifierLength() < 127 ? ", names cut at 63" : "");
    }

    @Override
    public String deletionsReadme() {
        return """
                When rows are deleted from the raw tables (for example a user's events, to honour a GDPR erasure
                request), views, tables and Parquet files lose them on the next run, as they are rebuilt from the raw
                tables; incremental models keep rows they built earlier until you run, after each such deletion:""";
    }

    @Override
    public String deletionsMacroComment() {
        return """
                Rows deleted from the raw tables (for example a user's events, for a
                    GDPR erasure request) stay in incremental models until this removes every row whose source row is
                    gone. Run it after each such deletion:""";
    }
}
