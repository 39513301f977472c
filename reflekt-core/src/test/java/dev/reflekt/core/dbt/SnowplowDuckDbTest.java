package dev.reflekt.core.dbt;

import java.util.List;

/**
 * The Snowplow models on DuckDB, seeded in the STRUCT layout of Snowplow's BigQuery and Lake loaders: an
 * {@code unstruct_event_<base>} STRUCT per event MAJOR, a {@code contexts_<base>} LIST of STRUCT per entity.
 */
class SnowplowDuckDbTest extends SnowplowExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.DUCKDB;
    }

    @Override
    void seedAtomic() throws Exception {
        exec("create table atomic.events (" + EVENTS + ","
                + " unstruct_event_com_example_button_press_1 struct(button_id varchar, click_count bigint,"
                + " position struct(x_coord double, y_coord double)),"
                + " unstruct_event_com_example_button_press_2 struct(button_id varchar, label varchar),"
                + " contexts_com_example_product_1 struct(sku varchar, unit_price double)[])");
        String products = "[{'sku': 's1', 'unit_price': 1.5}, {'sku': 's2', 'unit_price': 2.5}]";
        exec("insert into atomic.events values"
                + " (" + event("e1", EARLY, "com.example", "button_press", "1-0-0")
                + ", {'button_id': 'b1', 'click_count': null, 'position': null}, null, " + products + "),"
                + " (" + event("e2", EARLY, "com.example", "button_press", "1-1-0")
                + ", {'button_id': 'b2', 'click_count': 3, 'position': {'x_coord': 1.5, 'y_coord': 2}}, null,"
                + " [{'sku': 's3', 'unit_price': 9}]),"
                + " (" + event("e3", EARLY, "com.example", "button_press", "2-0-0")
                + ", null, {'button_id': 'b3', 'label': 'Buy'}, null),"
                + " (" + event("e4", LATE, "com.example", "button_press", "1-0-0")
                + ", {'button_id': 'b4', 'click_count': 1, 'position': null}, null, null),"
                + " (" + event("e5", EARLY, "com.snowplowanalytics.snowplow", "page_view", "1-0-0")
                + ", null, null, null)");
    }

    @Override
    void addLaterEvent() throws Exception {
        exec("insert into atomic.events values ("
                + event("e6", "2024-05-02 10:00:00", "com.example", "button_press", "1-1-0")
                + ", {'button_id': 'b6', 'click_count': 1, 'position': null}, null,"
                + " [{'sku': 's6', 'unit_price': 6}])");
    }

    @Override
    List<String> addUnplanned() throws Exception {
        exec("alter table atomic.events add column unstruct_event_com_acme_mystery_1 struct(a varchar)");
        exec("alter table atomic.events add column contexts_com_snowplowanalytics_snowplow_web_page_1"
                + " struct(id varchar)[]");
        return List.of("events.unstruct_event_com_acme_mystery_1");
    }

    @Override
    String dropEntity() throws Exception {
        exec("alter table atomic.events drop column contexts_com_example_product_1");
        return "table events.contexts_com_example_product_1 does not exist (schema acme/product/1-0.json);"
                + " its model was not generated";
    }
}
