package dev.reflekt.core.dbt;

import java.util.List;
import java.util.Map;

/**
 * What the package's event audit reads ({@code reflekt__<source>__event_audit}): the collector's table of every event,
 * the columns that name a row's event, and the events known to it, the planned ones and the collector's own. The
 * audit lists the names seen in the window that are none of those, with counts and first and last seen. One per
 * collector's planner ({@link Collector.Planner#audit()}); the renderer writes it for the dialect.
 *
 * @param table the raw table holding a row per event of every name ({@code tracks}, {@code events})
 * @param loadedAt its column saying when a row was loaded: the window and first/last seen go by it
 * @param columns the raw columns naming the event, in order, with their descriptions
 * @param known the events that are not unplanned: each a conjunction of matches on {@code columns}
 */
public record EventAudit(String table, String loadedAt, Map<String, String> columns, List<List<Match>> known) {

    public EventAudit {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        known = known.stream().map(List::copyOf).toList();
    }

    /**
     * One column's value: equal to {@code value}, or starting with it when {@code prefix}.
     *
     * @param value schema text: rendered only as a string literal
     */
    public record Match(String column, String value, boolean prefix) {

        public static Match is(String column, String value) {
            return new Match(column, value, false);
        }

        /** @param value no LIKE wildcards ({@code %}, {@code _}) or escapes: a collector's constant or digits */
        public static Match startsWith(String column, String value) {
            if (value.matches(".*[%_\\\\].*")) {
                throw new IllegalArgumentException("a prefix with a LIKE wildcard: " + value);
            }
            return new Match(column, value, true);
        }
    }
}
