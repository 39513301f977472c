package dev.reflekt.core.dbt;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.List;
import java.util.Optional;

/**
 * What {@code reflekt:debug -Dreflekt.sdk=...} says about a collector: where its loader puts events in a
 * warehouse, and which raw tables a build of the project would read there.
 */
public final class CollectorShapes {

    private final Collector collector;

    private CollectorShapes(Collector collector) {
        this.collector = collector;
    }

    /**
     * The collector {@code sdk}.
     *
     * @throws ReflektException when no collector has that name
     */
    public static CollectorShapes of(String sdk) throws ReflektException {
        return new CollectorShapes(KnownCollectors.require(sdk));
    }

    /** The collector's name as its users write it. */
    public String product() {
        return collector.product();
    }

    /** Where its loader puts events in {@code dialect}'s warehouse. */
    public String shape(Dialect dialect) {
        return collector.shape(dialect);
    }

    /** Why the project's build configuration does not suit the collector, if it does not. */
    public Optional<String> problem(ReflektProject project) {
        if (project.config().dbt().profilesSync() != null
                && collector.profilesSync().isEmpty()) {
            return Optional.of("artifacts.dbt.profiles_sync models Segment's Profiles Sync tables, which "
                    + collector.product() + " does not load; remove it from " + ReflektProject.PROJECT_FILE);
        }
        return Optional.empty();
    }

    /**
     * The raw tables an offline build of every schema in {@code project} would read in schema {@code schema} of
     * {@code dialect}'s warehouse, in the order the models introduce them.
     *
     * @throws ReflektException when a schema cannot be read or makes no table
     */
    public List<String> tables(ReflektProject project, Dialect dialect, String schema) throws ReflektException {
        Collector.Planner planner = collector.planner(project.config().dbt(), dialect, schema, Optional.empty());
        planner.plan(new DbtBuilder(project).read(project.schemaFiles()));
        return List.copyOf(planner.tables().keySet());
    }
}
