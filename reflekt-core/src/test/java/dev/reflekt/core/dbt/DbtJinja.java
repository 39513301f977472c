package dev.reflekt.core.dbt;

import com.hubspot.jinjava.Jinjava;
import java.util.Map;

/**
 * Renders the dbt Jinja of generated models the way dbt would for a first run, since dbt itself cannot
 * be installed here: {@code source} resolves to {@code database.schema.table}, {@code ref} to the model
 * in the target schema, {@code config} renders nothing, {@code is_incremental()} is false.
 */
final class DbtJinja {

    private static final Jinjava JINJAVA = new Jinjava();

    private DbtJinja() {}

    static String render(String sql, String database, String targetSchema) {
        String macros = "{% macro source(schema, table) %}" + database + ".{{ schema }}.{{ table }}{% endmacro %}"
                + "{% macro ref(model) %}" + targetSchema + ".{{ model }}{% endmacro %}"
                + "{% macro config() %}{% endmacro %}"
                + "{% macro is_incremental() %}{% endmacro %}"
                + "{% macro var(name, default) %}{{ default }}{% endmacro %}";
        String rendered = JINJAVA.render(macros + sql, Map.of());
        if (rendered.contains("{{") || rendered.contains("{%")) {
            throw new IllegalStateException("unrendered Jinja left in:\n" + rendered);
        }
        return rendered;
    }
}
