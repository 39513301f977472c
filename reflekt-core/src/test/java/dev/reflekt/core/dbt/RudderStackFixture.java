package dev.reflekt.core.dbt;

import dev.reflekt.core.TestProject;

/**
 * A project whose events RudderStack names in its own way: a name starting with a digit, one equal to a
 * RudderStack table ({@code pages}), one with {@code v3} in it, camelCase and nested properties, a property named
 * like a column RudderStack fills itself ({@code channel}) and one that is a reserved word ({@code order}).
 */
final class RudderStackFixture {

    private RudderStackFixture() {}

    static TestProject write(TestProject p, String dbtConfig) {
        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    sources: {prefix: __src_}
                    models:
                      prefix: stg_
                      filter: |
                        where received_at < '2030-01-01'
                    docs:
                      prefix: _stg_
                      in_folder: false
                      tests:
                        id: [unique, not_null]
                """ + dbtConfig));
        p.schema("shop/Identify/1-0.json", "Identify", """
                {"email": {"type": "string", "description": "The email."},
                 "firstName": {"type": "string", "description": "The first name."}}""");
        p.schema("shop/Page_Viewed/1-0.json", "Page Viewed", """
                {"path": {"type": "string", "description": "The path."},
                 "name": {"type": "string", "description": "The page name, also in the name column."}}""");
        p.schema("shop/pages/1-0.json", "pages", """
                {"section": {"type": "string", "description": "The section paged through."}}""");
        p.schema("shop/3D_Model_Viewed/1-0.json", "3D Model Viewed", """
                {"modelId": {"type": "string", "description": "The model."},
                 "order": {"type": "integer", "description": "Its place in the gallery."}}""");
        p.schema("shop/Checkout_v3_Started/1-0.json", "Checkout v3 Started", """
                {"cartValue": {"type": "number", "description": "The cart's value."},
                 "channel": {"type": "string", "description": "Dropped: RudderStack fills channel itself."},
                 "address": {"type": "object", "description": "Where to.", "properties": {
                     "zipCode": {"type": "string", "description": "The zip code."}}}}""");
        return p;
    }
}
