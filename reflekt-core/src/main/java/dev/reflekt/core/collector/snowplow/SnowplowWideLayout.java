package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.dbt.Drift;
import dev.reflekt.core.dbt.Unplanned;
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

    /** A column of {@code atomic.events} for a schema no one planned; fields inside columns are not in the metadata. */
    @Override
    public final List<Unplanned> unplanned(
            java.util.Map<String, java.util.Set<String>> planned, TableColumns warehouse) {
        List<Unplanned> out = new java.util.ArrayList<>();
        for (String column : new java.util.TreeSet<>(warehouse.columns("events").orElse(java.util.Set.of()))) {
            String base = column.startsWith("unstruct_event_")
                    ? column.substring("unstruct_event_".length())
                    : column.startsWith("contexts_") ? column.substring("contexts_".length()) : null;
            if (base != null && !planned.containsKey(base) && !SnowplowLayout.snowplowsOwn(base)) {
                out.add(new Unplanned("events", column));
            }
        }
        return out;
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
