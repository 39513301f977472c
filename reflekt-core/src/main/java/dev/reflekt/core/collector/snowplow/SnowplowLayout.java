package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.dbt.Drift;
import dev.reflekt.core.dbt.Unplanned;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one Snowplow loader puts the data of self-describing events and entities, and how SQL reaches it. One
 * implementation per loader: {@link SnowplowObjectLayout} (Snowflake), {@link SnowplowStructLayout} (BigQuery,
 * Databricks, and DuckDB, which no loader targets), {@link SnowplowShreddedLayout} (Redshift, PostgreSQL).
 * Models alias {@code atomic.events} as {@code e}.
 */
interface SnowplowLayout {

    /**
     * How a model reaches one schema's data.
     *
     * @param join the SQL after {@code from events as e} (may be empty), ending in a new line
     * @param data the SQL expression of the schema's data in a row: an object, a struct, or a table alias
     * @param table the source table the data is in ({@code events} or a shredded table)
     */
    record Reading(String join, String data, String table) {}

    /** The reading of the self-describing event whose columns and tables are named {@code base}. */
    Reading event(String base, String sourceName);

    /** The reading of an entity: one row per (event, instance of the entity). */
    Reading entity(String base, String sourceName);

    /** The raw name of a field, as the loader names it ({@code nested.zip_code}); for docs and drift. */
    String raw(List<String> keys);

    /** The SQL of the field at {@code keys} of {@code data}, cast to {@code type} when {@code typed}. */
    String field(String data, List<String> keys, ColumnType type, boolean typed);

    /**
     * What the warehouse lacks for a schema's data: a missing table or column (a drift with no column means the
     * model cannot be generated), or a missing field; nothing when everything is there or nothing can be told.
     */
    List<Drift> missing(
            String schemaId, Reading reading, String base, boolean entity, List<String> raws, TableColumns warehouse);

    /**
     * What the warehouse has in this loader's layout that no schema plans: {@code planned} maps each planned schema's
     * base to the raw fields its model reads. Snowplow's own schemas ({@code com.snowplowanalytics.*}: the trackers'
     * and enrichments' contexts) and the loader's own tables and columns are not reported.
     */
    List<Unplanned> unplanned(Map<String, Set<String>> planned, TableColumns warehouse);

    /** Whether {@code base} is one of Snowplow's own schemas (its trackers' and enrichments' contexts). */
    static boolean snowplowsOwn(String base) {
        return base.startsWith("com_snowplowanalytics_");
    }

    /** Where this loader puts events and entities, in one sentence. */
    String describe();

    /** The layout of Snowplow's loader for {@code dialect}. */
    static SnowplowLayout of(Dialect dialect) {
        return switch (dialect.name()) {
            case "snowflake" -> new SnowplowObjectLayout(dialect);
            case "redshift", "postgres" -> new SnowplowShreddedLayout(dialect);
            default -> new SnowplowStructLayout(dialect);
        };
    }
}
