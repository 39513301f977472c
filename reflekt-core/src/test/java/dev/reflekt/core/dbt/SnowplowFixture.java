package dev.reflekt.core.dbt;

import dev.reflekt.core.TestProject;

/**
 * A Snowplow project: an event with two MINOR versions of MAJOR 1 and a MAJOR 2, camelCase and nested fields;
 * an entity ({@code self.kind: entity}).
 */
final class SnowplowFixture {

    private SnowplowFixture() {}

    static TestProject write(TestProject p, String dbtConfig) {
        return write(p, dbtConfig, "view");
    }

    /** As {@link #write(TestProject, String)}, with the models materialized as {@code materialized}. */
    static TestProject write(TestProject p, String dbtConfig, String materialized) {
        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    sources: {prefix: __src_}
                    models:
                      prefix: stg_
                      materialized: MATERIALIZED
                      filter: |
                        where collector_tstamp < '2030-01-01'
                    docs:
                      prefix: _stg_
                      in_folder: false
                      tests:
                        event_id: [unique, not_null]
                """.replace("MATERIALIZED", materialized) + dbtConfig));
        p.schema("acme/button_press/1-0.json", "Button Press", """
                {"buttonId": {"type": "string", "description": "The button."}}""");
        p.schema("acme/button_press/1-1.json", "Button Press", """
                {"buttonId": {"type": "string", "description": "The button."},
                 "clickCount": {"type": "integer", "description": "Clicks so far."},
                 "position": {"type": "object", "description": "Where it is.", "properties": {
                     "xCoord": {"type": "number", "description": "Left."},
                     "yCoord": {"type": "number", "description": "Top."}}}}""");
        p.schema("acme/button_press/2-0.json", "Button Press", """
                {"buttonId": {"type": "string", "description": "The button."},
                 "label": {"type": "string", "description": "Its text.", "enum": ["Buy", "Sell"]}}""");
        p.write("schemas/acme/product/1-0.json", """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "$id": "acme/product/1-0.json",
                  "description": "A product on screen.",
                  "self": {"vendor": "com.example", "name": "Product", "format": "jsonschema", "version": "1-0",
                           "kind": "entity", "metadata": {"code_owner": "a", "product_owner": "b"}},
                  "type": "object",
                  "properties": {
                    "sku": {"type": "string", "description": "The SKU."},
                    "unitPrice": {"type": "number", "description": "The price."}
                  },
                  "required": ["sku"]
                }
                """);
        return p;
    }
}
