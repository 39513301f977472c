package dev.reflekt.core.dbt;

import com.hubspot.jinjava.Jinjava;
import java.util.List;
import java.util.Map;

/**
 * Renders the dbt Jinja of generated models the way dbt would, since dbt itself cannot be installed here:
 * {@code source} resolves to {@code database.schema.table}, {@code ref} to the model in the target schema,
 * {@code var} to its default, {@code this} to the model's own relation, {@code is_incremental()} as asked.
 * {@code config} renders a SQL comment carrying its {@code post_hook}, which {@link DbtRunner} runs.
 */
final class DbtJinja {

    private static final Jinjava JINJAVA = new Jinjava();

    private DbtJinja() {}

    /** What {@code adapter} is in a rendered operation: its commit is the runner's (auto-commit) to do. */
    public static final class Adapter {
        public String commit() {
            return "";
        }
    }

    /**
     * The SQL statements {@code dbt run-operation <macro>} would run for {@code macroFile}: each
     * {@code {% call statement(...) %}} block, in order.
     */
    static List<String> operation(
            String macroFile, String macro, String database, String targetSchema, Map<String, String> sourceSchemas) {
        String calls = "{% macro statement(name, auto_begin=False) %}{{ caller() }}" + STATEMENT_END + "{% endmacro %}"
                + "{% macro log(message, info=False) %}{% endmacro %}";
        String rendered = render(
                calls + macroFile + "{{ " + macro + "() }}",
                database,
                targetSchema,
                "",
                false,
                sourceSchemas,
                Map.of("adapter", new Adapter()));
        return java.util.Arrays.stream(rendered.split(java.util.regex.Pattern.quote(STATEMENT_END)))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static final String STATEMENT_END = "--reflekt-statement-end--";

    /** A first run: {@code is_incremental()} false. */
    static String render(String sql, String database, String targetSchema) {
        return render(sql, database, targetSchema, "", false);
    }

    static String render(String sql, String database, String targetSchema, String model, boolean incremental) {
        return render(sql, database, targetSchema, model, incremental, Map.of());
    }

    /** @param sourceSchemas the schema of each source whose name is not its schema's */
    static String render(
            String sql,
            String database,
            String targetSchema,
            String model,
            boolean incremental,
            Map<String, String> sourceSchemas) {
        return render(sql, database, targetSchema, model, incremental, sourceSchemas, Map.of());
    }

    static String render(
            String sql,
            String database,
            String targetSchema,
            String model,
            boolean incremental,
            Map<String, String> sourceSchemas,
            Map<String, Object> context) {
        StringBuilder sources = new StringBuilder();
        sourceSchemas.forEach((name, schema) -> sources.append("{% if name == '")
                .append(name)
                .append("' %}{% set name = '")
                .append(schema)
                .append("' %}{% endif %}"));
        String macros = "{% macro source(name, table) %}" + sources + database + ".{{ name }}.{{ table }}{% endmacro %}"
                + "{% macro ref(model) %}" + targetSchema + ".{{ model }}{% endmacro %}"
                + "{% macro config() %}{% if kwargs.post_hook %}-- post_hook: {{ kwargs.post_hook }}"
                + "{% endif %}{% endmacro %}"
                + "{% macro is_incremental() %}" + (incremental ? "true" : "") + "{% endmacro %}"
                + "{% macro var(name, default) %}{{ default }}{% endmacro %}";
        Map<String, Object> bindings = new java.util.HashMap<>(context);
        bindings.put("this", targetSchema + "." + model);
        String rendered = JINJAVA.render(macros + sql, bindings);
        // Escaped schema text renders to braces that are data; only a file without escapes must be brace-free.
        if (!sql.contains(Jinja.BRACE) && (rendered.contains("{{") || rendered.contains("{%"))) {
            throw new IllegalStateException("unrendered Jinja left in:\n" + rendered);
        }
        return rendered;
    }
}
