package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Snowplow package for Databricks runs on a real Spark engine: {@code atomic.events} as Snowplow's Lake Loader
 * writes it (a STRUCT per event MAJOR, an ARRAY of STRUCT per entity), a Delta table; the models materialized as
 * dbt-databricks would; their rows checked, the entity exploded one row per instance.
 */
class SnowplowSparkTest {

    @TempDir
    Path dir;

    private static String event(String id, String collected, String version) {
        return "'" + id + "', timestamp'" + collected + "', timestamp'" + collected + "', timestamp'" + collected
                + "', 'com.example', 'button_press', '" + version + "', 'shop', 'web', 'd-1', 's-1', 'n-1', 'user-1'";
    }

    @Test
    void everyModelRunsOnSpark() throws Exception {
        SparkSql.dropSchemas("atomic", "stg");
        ReflektProject project =
                SnowplowFixture.write(TestProject.create(dir), "").load();
        BuildResult result = new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(
                                Dialect.of("databricks").orElseThrow(), "databricks", "spark_catalog", "atomic"),
                        "snowplow",
                        Optional.empty());
        DbtRunner dbt = new DbtRunner(SparkSql.connect(), "spark_catalog", "stg", result.packageDir(), dir, true);
        dbt.exec("create schema atomic");
        dbt.exec("create table atomic.events (event_id string, collector_tstamp timestamp, derived_tstamp timestamp,"
                + " dvce_created_tstamp timestamp, event_vendor string, event_name string, event_version string,"
                + " app_id string, platform string, domain_userid string, domain_sessionid string,"
                + " network_userid string, user_id string,"
                + " unstruct_event_com_example_button_press_1 struct<button_id: string, click_count: bigint,"
                + " position: struct<x_coord: double, y_coord: double>>,"
                + " unstruct_event_com_example_button_press_2 struct<button_id: string, label: string>,"
                + " contexts_com_example_product_1 array<struct<sku: string, unit_price: double>>) using delta");
        String noPosition = "cast(null as struct<x_coord: double, y_coord: double>)";
        String noV2 = "cast(null as struct<button_id: string, label: string>)";
        dbt.exec("insert into atomic.events values"
                + " (" + event("e1", "2024-05-01 10:00:00", "1-0-0") + ", named_struct('button_id', 'b1',"
                + " 'click_count', cast(null as bigint), 'position', " + noPosition + "), " + noV2 + ","
                + " array(named_struct('sku', 's1', 'unit_price', 1.5D), named_struct('sku', 's2', 'unit_price', 2.5D))),"
                + " (" + event("e2", "2024-05-01 10:00:00", "1-1-0") + ", named_struct('button_id', 'b2',"
                + " 'click_count', 3L, 'position', named_struct('x_coord', 1.5D, 'y_coord', 2D)), " + noV2 + ","
                + " array(named_struct('sku', 's3', 'unit_price', 9D))),"
                + " (" + event("e3", "2024-05-01 10:00:00", "2-0-0") + ", null, named_struct('button_id', 'b3',"
                + " 'label', 'Buy'), null),"
                + " (" + event("e4", "2031-01-01 00:00:00", "1-0-0") + ", named_struct('button_id', 'b4',"
                + " 'click_count', 1L, 'position', " + noPosition + "), " + noV2 + ", null)");
        for (String model : List.of(
                "stg_atomic__com_example_button_press_1",
                "stg_atomic__com_example_button_press_2",
                "stg_atomic__com_example_product_1")) {
            dbt.run(model, true);
        }
        List<Map<String, Object>> v1 = dbt.rows(
                "select event_id, button_id, click_count, position_x_coord from stg.stg_atomic__com_example_button_press_1 order by event_id");
        assertThat(v1)
                .extracting(r -> r.get("event_id") + "/" + r.get("button_id") + "/" + r.get("click_count") + "/"
                        + r.get("position_x_coord"))
                .containsExactly("e1/b1/null/null", "e2/b2/3/1.5");
        assertThat(dbt.rows("select event_id, label from stg.stg_atomic__com_example_button_press_2"))
                .extracting(r -> r.get("event_id") + "/" + r.get("label"))
                .containsExactly("e3/Buy");
        assertThat(dbt.rows("select event_id, sku, unit_price from stg.stg_atomic__com_example_product_1"
                        + " order by event_id, sku"))
                .extracting(r -> r.get("event_id") + "/" + r.get("sku") + "/" + r.get("unit_price"))
                .containsExactly("e1/s1/1.5", "e1/s2/2.5", "e2/s3/9.0");
    }
}
