package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Snowplow's BigQuery Loader 2 and Lake Loader (Databricks): {@code atomic.events} has a STRUCT column
 * {@code unstruct_event_<base>} per event schema MAJOR and an ARRAY of STRUCT {@code contexts_<base>} per entity
 * schema MAJOR, fields named by {@link SnowplowNames#field}. DuckDB, which no loader targets, gets the same
 * layout (it has STRUCT and LIST), which is what the tests run.
 */
final class SnowplowStructLayout extends SnowplowWideLayout {

    SnowplowStructLayout(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String describe() {
        return "atomic.events, a STRUCT column unstruct_event_<vendor>_<name>_<MAJOR> per event and an ARRAY"
                + " contexts_<vendor>_<name>_<MAJOR> per entity, fields snake_case";
    }

    @Override
    public String raw(List<String> keys) {
        List<String> fields = new ArrayList<>();
        keys.forEach(k -> fields.add(SnowplowNames.field(k)));
        return String.join(".", fields);
    }

    @Override
    public String field(String data, List<String> keys, ColumnType type, boolean typed) {
        StringBuilder path = new StringBuilder(data);
        keys.forEach(k -> path.append('.').append(dialect.identifier(SnowplowNames.field(k))));
        return typed ? dialect.castStructured(path.toString(), type) : path.toString();
    }
}
