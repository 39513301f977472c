package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hubspot.jinjava.Jinjava;
import dev.reflekt.core.TestProject;
import java.util.List;
import java.util.Map;

/**
 * Schema text written by an attacker: property names that close quotes in each dialect, descriptions and
 * metadata that call dbt's Jinja ({@code env_var}, {@code adapter}, {@code run_query}), enum values with
 * Jinja and quotes. What the package makes of them must be data: rendered by Jinja, each is itself again.
 */
final class HostileSchemas {

    /** What a trap in the Jinja context returns when it is called; it must never appear in a rendered file. */
    static final String CALLED = "TRAP-CALLED";

    /** Property names; each is also a raw column name (lower case, no space or dash, which Segment would change). */
    static final List<String> NAMES = List.of(
            "a\"b",
            "it's",
            "back\\slash",
            "{{env_var('pw')}}",
            "a\\`)as/**/z,session_user()as/**/leak,cast(null/**/as/**/string)as/**/c,#",
            "x{%y",
            "q{#c#}",
            "semi;drop_table_x;/*",
            "new\nline");

    static final String DESCRIPTION = "{{ env_var('SNOWFLAKE_PASSWORD') }} and {% set x = run_query('drop') %}";

    static final String METADATA_VALUE =
            "x{{ adapter.drop_schema(api.Relation.create(database=target.database, schema=target.schema)) }}"
                    + " back\\slash 'quote' \"dq\" {# comment #} {%- raw %}";

    static final String ENUM_VALUE = "{{ run_query('select 1') }}'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileSchemas() {}

    /** The hostile event {@code Hostile Event} (table {@code hostile_event}) as a schema at {@code shop/Hostile_Event/1-0.json}. */
    static void write(TestProject p) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$id", "shop/Hostile_Event/1-0.json");
        schema.put("description", DESCRIPTION);
        ObjectNode self = schema.putObject("self");
        self.put("vendor", "com.example").put("name", "Hostile Event").put("format", "jsonschema");
        self.put("version", "1-0");
        self.putObject("metadata").put("code_owner", METADATA_VALUE).put("{{ key }}", "v");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (String name : NAMES) {
            ObjectNode property =
                    properties.putObject(name).put("type", "string").put("description", DESCRIPTION);
            if (name.equals("it's")) {
                property.putArray("enum").add(ENUM_VALUE).add("plain");
            }
        }
        schema.putArray("required").add("it's");
        try {
            p.write(
                    "schemas/shop/Hostile_Event/1-0.json",
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The {@code self.metadata} as the model's {@code schema_metadata} column should hold it. */
    static Map<String, String> metadata() {
        return Map.of("code_owner", METADATA_VALUE, "{{ key }}", "v");
    }

    private static final Jinjava JINJAVA = new Jinjava();

    /**
     * {@code text} rendered as dbt would, in a context whose dangerous names are traps: calling
     * {@code env_var}, {@code run_query}, {@code adapter}, {@code api} or {@code modules} leaves {@link #CALLED}.
     */
    static String render(String text) {
        String traps = "{% macro env_var(name) %}" + CALLED + "{% endmacro %}"
                + "{% macro run_query(sql) %}" + CALLED + "{% endmacro %}"
                + "{% macro doc(name) %}" + CALLED + "{% endmacro %}";
        Map<String, Object> context = Map.of(
                "adapter", Map.of("drop_schema", CALLED),
                "api", Map.of("Relation", CALLED),
                "modules", Map.of("re", CALLED),
                "target", Map.of("database", CALLED, "schema", CALLED),
                "key", CALLED);
        return JINJAVA.render(traps + text, context);
    }
}
