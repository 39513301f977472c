package dev.reflekt.core.dbt;

import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.Optional;

/**
 * RudderStack's warehouse destinations: Segment's layout (a table per call type and per track event), its own
 * naming rules and columns ({@link RudderStackRules}).
 */
final class RudderStackCollector implements Collector {

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
