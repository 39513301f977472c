package dev.reflekt.core.dbt;

import java.util.List;

/**
 * The Snowplow models on a real PostgreSQL server, seeded in the shredded layout of Snowplow's PostgreSQL and
 * Redshift loaders: a table per schema MAJOR joined to {@code atomic.events} on {@code root_id, root_tstamp},
 * including a row the loader wrote twice.
 */
class SnowplowPostgresTest extends SnowplowExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.POSTGRES;
    }

    private static final String SHRED = "schema_vendor varchar, schema_name varchar, schema_format varchar,"
            + " schema_version varchar, root_id varchar, root_tstamp timestamp, ref_root varchar, ref_tree varchar,"
            + " ref_parent varchar";

    private static String shred(String name, String version, String root, String collected) {
        return "'com.example', '" + name + "', 'jsonschema', '" + version + "', '" + root + "', '" + collected
                + "', 'events', 'events', 'events'";
    }

    @Override
    void seedAtomic() throws Exception {
        exec("create table atomic.events (" + EVENTS + ")");
        exec("insert into atomic.events values"
                + " (" + event("e1", EARLY, "com.example", "button_press", "1-0-0") + "),"
                + " (" + event("e2", EARLY, "com.example", "button_press", "1-1-0") + "),"
                + " (" + event("e3", EARLY, "com.example", "button_press", "2-0-0") + "),"
                + " (" + event("e4", LATE, "com.example", "button_press", "1-0-0") + "),"
                + " (" + event("e5", EARLY, "com.snowplowanalytics.snowplow", "page_view", "1-0-0") + ")");
        exec("create table atomic.com_example_button_press_1 (" + SHRED + ", button_id varchar, click_count bigint,"
                + " \"position.x_coord\" double precision, \"position.y_coord\" double precision)");
        exec("insert into atomic.com_example_button_press_1 values"
                + " (" + shred("button_press", "1-0-0", "e1", EARLY) + ", 'b1', null, null, null),"
                + " (" + shred("button_press", "1-0-0", "e1", EARLY) + ", 'b1', null, null, null),"
                + " (" + shred("button_press", "1-1-0", "e2", EARLY) + ", 'b2', 3, 1.5, 2),"
                + " (" + shred("button_press", "1-0-0", "e4", LATE) + ", 'b4', 1, null, null)");
        exec("create table atomic.com_example_button_press_2 (" + SHRED + ", button_id varchar, label varchar)");
        exec("insert into atomic.com_example_button_press_2 values" + " (" + shred("button_press", "2-0-0", "e3", EARLY)
                + ", 'b3', 'Buy')");
        exec("create table atomic.com_example_product_1 (" + SHRED + ", sku varchar, unit_price double precision)");
        exec("insert into atomic.com_example_product_1 values"
                + " (" + shred("product", "1-0-0", "e1", EARLY) + ", 's1', 1.5),"
                + " (" + shred("product", "1-0-0", "e1", EARLY) + ", 's2', 2.5),"
                + " (" + shred("product", "1-0-0", "e2", EARLY) + ", 's3', 9)");
    }

    @Override
    void addLaterEvent() throws Exception {
        String later = "2024-05-02 10:00:00";
        exec("insert into atomic.events values (" + event("e6", later, "com.example", "button_press", "1-1-0") + ")");
        exec("insert into atomic.com_example_button_press_1 values (" + shred("button_press", "1-1-0", "e6", later)
                + ", 'b6', 1, null, null)");
        exec("insert into atomic.com_example_product_1 values (" + shred("product", "1-0-0", "e6", later)
                + ", 's6', 6)");
    }

    @Override
    List<String> addUnplanned() throws Exception {
        exec("create table atomic.com_acme_mystery_1 (" + SHRED + ", a varchar)");
        exec("create table atomic.com_snowplowanalytics_snowplow_web_page_1 (" + SHRED + ", id varchar)");
        exec("alter table atomic.com_example_product_1 add column colour varchar");
        return List.of("com_acme_mystery_1", "com_example_product_1.colour");
    }

    @Override
    String dropEntity() throws Exception {
        exec("drop table atomic.com_example_product_1");
        return "table com_example_product_1 does not exist (schema acme/product/1-0.json);"
                + " its model was not generated";
    }
}
