package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.List;

/**
 * Snowplow's Snowflake Loader: {@code atomic.events} has an OBJECT column {@code unstruct_event_<base>} per event
 * schema MAJOR and an ARRAY {@code contexts_<base>} per entity schema MAJOR; keys keep their JSON names. Fields are
 * read with {@code get(object, 'key')}, the key a string literal, so no key can become SQL.
 */
final class SnowplowObjectLayout extends SnowplowWideLayout {

    SnowplowObjectLayout(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String describe() {
        return "atomic.events, an OBJECT column unstruct_event_<vendor>_<name>_<MAJOR> per event and an ARRAY"
                + " contexts_<vendor>_<name>_<MAJOR> per entity, keys as sent";
    }

    @Override
    public String raw(List<String> keys) {
        return String.join(".", keys);
    }

    @Override
    public String field(String data, List<String> keys, ColumnType type, boolean typed) {
        String path = data;
        for (String k : keys) {
            path = "get(" + path + ", " + dialect.plainString(k) + ")";
        }
        return typed ? dialect.castStructured(path, type) : path;
    }
}
