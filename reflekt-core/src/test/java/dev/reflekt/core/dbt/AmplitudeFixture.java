package dev.reflekt.core.dbt;

import dev.reflekt.core.TestProject;

/**
 * An Amplitude project: {@code Order Completed} with two MINORs of MAJOR 1 (camelCase, nested object, array, every
 * scalar type) and a MAJOR 2, and {@code Identify} (user properties); export table {@code events_123456}.
 */
final class AmplitudeFixture {

    static final String TABLE = "events_123456";

    private AmplitudeFixture() {}

    static TestProject write(TestProject p, String dbtConfig, String materialized) {
        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    sources: {prefix: __src_}
                    models:
                      prefix: stg_
                      materialized: MATERIALIZED
                      filter: |
                        where server_upload_time < '2030-01-01'
                    docs:
                      prefix: _stg_
                      in_folder: false
                      tests:
                        uuid: [unique, not_null]
                    amplitude:
                      project_id: 123456
                """.replace("MATERIALIZED", materialized) + dbtConfig));
        p.schema("shop/Order_Completed/1-0.json", "Order Completed", """
                {"orderId": {"type": "string", "description": "The order."}}""");
        p.schema("shop/Order_Completed/1-1.json", "Order Completed", """
                {"orderId": {"type": "string", "description": "The order."},
                 "total": {"type": "number", "description": "What was paid."},
                 "itemCount": {"type": "integer", "description": "Items bought."},
                 "gift": {"type": "boolean", "description": "Whether it is a gift."},
                 "placedAt": {"type": "string", "format": "date-time", "description": "When it was placed."},
                 "shipping": {"type": "object", "description": "Where it goes.", "properties": {
                     "city": {"type": "string", "description": "The city."}}},
                 "skus": {"type": "array", "items": {"type": "string"}, "description": "What was bought."}}""");
        p.schema("shop/Order_Completed/2-0.json", "Order Completed", """
                {"orderId": {"type": "string", "description": "The order."},
                 "label": {"type": "string", "description": "The order's label.", "enum": ["A", "B"]}}""");
        p.schema("shop/Identify/1-0.json", "Identify", """
                {"plan": {"type": "string", "description": "The user's plan."},
                 "seats": {"type": "integer", "description": "Seats bought."}}""");
        return p;
    }
}
