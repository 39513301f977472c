package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.dbt.Drift;
import dev.reflekt.core.dbt.Unplanned;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Snowplow's RDB Loader (Redshift) and PostgreSQL Loader: one table per schema MAJOR ({@code atomic.<base>}) with
 * {@code schema_vendor, schema_name, schema_format, schema_version, root_id, root_tstamp, ref_root, ref_tree,
 * ref_parent} and a column per field ({@link SnowplowNames#shreddedColumn}: {@code "a_field.b_field"}). Rows join
 * {@code atomic.events} on {@code root_id = event_id and root_tstamp = collector_tstamp}; an event's own row is
 * deduplicated with {@code row_number()}, as loaders may write a row twice.
 */
final class SnowplowShreddedLayout implements SnowplowLayout {

    private final Dialect dialect;

    SnowplowShreddedLayout(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String describe() {
        return "atomic.events and a table <vendor>_<name>_<MAJOR> per event and entity, joined on root_id ="
                + " event_id and root_tstamp = collector_tstamp, columns snake_case";
    }

    @Override
    public Reading event(String base, String sourceName) {
        String join = "    join (\n        select\n            *,\n            row_number() over (partition by root_id,"
                + " root_tstamp order by root_id) as reflekt_duplicate\n        from {{ source('" + sourceName + "', '"
                + base + "') }}\n    ) as s\n        on s.root_id = e.event_id\n        and s.root_tstamp ="
                + " e.collector_tstamp\n        and s.reflekt_duplicate = 1\n";
        return new Reading(join, "s", base);
    }

    @Override
    public Reading entity(String base, String sourceName) {
        String join = "    join {{ source('" + sourceName + "', '" + base + "') }} as s\n"
                + "        on s.root_id = e.event_id\n        and s.root_tstamp = e.collector_tstamp\n";
        return new Reading(join, "s", base);
    }

    @Override
    public String raw(List<String> keys) {
        return SnowplowNames.shreddedColumn(keys);
    }

    @Override
    public String field(String data, List<String> keys, ColumnType type, boolean typed) {
        String column = data + "." + dialect.identifier(raw(keys));
        return typed ? dialect.cast(column, type) : column;
    }

    /** The columns every shredded table has, whatever its schema. */
    private static final Set<String> OWN_COLUMNS = Set.of(
            "schema_vendor",
            "schema_name",
            "schema_format",
            "schema_version",
            "root_id",
            "root_tstamp",
            "ref_root",
            "ref_tree",
            "ref_parent");

    /** The loader's own tables beside the shredded ones. */
    private static final Set<String> OWN_TABLES = Set.of("events", "manifest");

    /** A shredded table of no planned schema, and columns of a planned one that no field of its schema makes. */
    @Override
    public List<Unplanned> unplanned(Map<String, Set<String>> planned, TableColumns warehouse) {
        List<Unplanned> out = new ArrayList<>();
        for (String table : warehouse.tables()) {
            if (OWN_TABLES.contains(table) || SnowplowLayout.snowplowsOwn(table)) {
                continue;
            }
            Set<String> raws = planned.get(table);
            if (raws == null) {
                out.add(new Unplanned(table, ""));
                continue;
            }
            for (String column :
                    new java.util.TreeSet<>(warehouse.columns(table).orElse(Set.of()))) {
                if (!OWN_COLUMNS.contains(column) && !raws.contains(column)) {
                    out.add(new Unplanned(table, column));
                }
            }
        }
        return out;
    }

    @Override
    public List<Drift> missing(
            String schemaId, Reading reading, String base, boolean entity, List<String> raws, TableColumns warehouse) {
        Optional<Set<String>> columns = warehouse.columns(base);
        if (columns.isEmpty()) {
            return List.of(new Drift(schemaId, base, ""));
        }
        List<Drift> out = new ArrayList<>();
        raws.stream().filter(r -> !columns.get().contains(r)).forEach(r -> out.add(new Drift(schemaId, base, r)));
        return out;
    }
}
