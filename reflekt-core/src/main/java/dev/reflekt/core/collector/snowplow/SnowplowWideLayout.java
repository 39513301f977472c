package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.dbt.Drift;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.List;

/**
 * The loaders that keep everything in {@code atomic.events}: a column {@code unstruct_event_<base>} per event
 * schema MAJOR and an array {@code contexts_<base>} per entity schema MAJOR. Subclasses say how a field is reached
 * in such a column ({@link SnowplowObjectLayout}, {@link SnowplowStructLayout}).
 */
abstract class SnowplowWideLayout implements SnowplowLayout {

    final Dialect dialect;

    SnowplowWideLayout(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public final Reading event(String base, String sourceName) {
        return new Reading("", "e." + dialect.identifier("unstruct_event_" + base), "events");
    }

    /** One row per element of the entity's array, through the dialect's unnest. */
    @Override
    public final Reading entity(String base, String sourceName) {
        return new Reading(
                "    " + dialect.unnest("e." + dialect.identifier("contexts_" + base), "reflekt_entity") + "\n",
                dialect.unnested("reflekt_entity"),
                "events");
    }

    /** Fields inside a column are not in the warehouse's metadata: only the column can be missing. */
    @Override
    public final List<Drift> missing(
            String schemaId, Reading reading, String base, boolean entity, List<String> raws, TableColumns warehouse) {
        String column = (entity ? "contexts_" : "unstruct_event_") + base;
        boolean there = warehouse.columns("events").map(c -> c.contains(column)).orElse(false);
        return there ? List.of() : List.of(new Drift(schemaId, "events." + column, ""));
    }
}
