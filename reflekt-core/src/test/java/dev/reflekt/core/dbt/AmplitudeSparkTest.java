package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Amplitude package for Databricks runs on a real Spark engine: the export table as a Delta table, the JSON
 * documents as JSON text (as Amplitude's S3 export writes them); the models materialized as dbt-databricks would,
 * incremental ones run twice; their rows and typed values checked.
 */
class AmplitudeSparkTest {

    @TempDir
    Path dir;

    private static String row(String uuid, String at, String type, String properties, String userProperties) {
        return "('" + uuid + "', timestamp'" + at + "', timestamp'" + at + "', timestamp'" + at + "', '" + type
                + "', 'user-1', 'device-1', 42L, 1714550400000L, 'Web', 'Chrome', '1.0.0', 'France', 'amplitude-java',"
                + " '" + properties + "', '" + userProperties + "')";
    }

    @Test
    void everyModelRunsOnSpark() throws Exception {
        SparkSql.dropSchemas("amp", "stg");
        ReflektProject project = AmplitudeFixture.write(TestProject.create(dir), "", "incremental")
                .load();
        BuildResult result = new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of("databricks").orElseThrow(), "databricks", "spark_catalog", "amp"),
                        "amplitude",
                        Optional.empty());
        DbtRunner dbt = new DbtRunner(SparkSql.connect(), "spark_catalog", "stg", result.packageDir(), dir, true);
        dbt.exec("create schema amp");
        dbt.exec("create table amp." + AmplitudeFixture.TABLE + " (uuid string, event_time timestamp,"
                + " server_upload_time timestamp, client_event_time timestamp, event_type string, user_id string,"
                + " device_id string, amplitude_id bigint, session_id bigint, platform string, os_name string,"
                + " version_name string, country string, library string, event_properties string,"
                + " user_properties string) using delta");
        dbt.exec("insert into amp." + AmplitudeFixture.TABLE + " values "
                + row(
                        "a1",
                        "2024-05-01 10:00:00",
                        "Order Completed",
                        "{\"orderId\": \"o1\", \"total\": 10.5,"
                                + " \"itemCount\": 2, \"gift\": true, \"shipping\": {\"city\": \"Paris\"},"
                                + " \"skus\": [\"s1\", \"s2\"]}",
                        "{}")
                + ", "
                + row("a2", "2024-05-01 10:00:00", "Order Completed", "{\"orderId\": \"o2\"}", "{}") + ", "
                + row("a3", "2031-01-01 00:00:00", "Order Completed", "{\"orderId\": \"o3\"}", "{}") + ", "
                + row("a4", "2024-05-01 10:00:00", "$identify", "{}", "{\"plan\": \"pro\", \"seats\": 3}"));
        List<String> models = List.of("stg_amp__order_completed", "stg_amp__order_completed__v2", "stg_amp__identify");
        for (String model : models) {
            dbt.run(model, true);
        }
        assertThat(dbt.rows("select uuid, order_id, total, item_count, gift, shipping_city, to_json(skus) as skus"
                        + " from stg.stg_amp__order_completed order by uuid"))
                .extracting(r -> r.get("uuid") + "/" + r.get("order_id") + "/" + r.get("total") + "/"
                        + r.get("item_count") + "/" + r.get("gift") + "/" + r.get("shipping_city") + "/"
                        + r.get("skus"))
                .containsExactly("a1/o1/10.5/2/true/Paris/[\"s1\",\"s2\"]", "a2/o2/null/null/null/null/null");
        assertThat(dbt.rows("select uuid, plan, seats from stg.stg_amp__identify"))
                .extracting(r -> r.get("uuid") + "/" + r.get("plan") + "/" + r.get("seats"))
                .containsExactly("a4/pro/3");
        dbt.exec("insert into amp." + AmplitudeFixture.TABLE + " values "
                + row("a5", "2024-05-02 10:00:00", "Order Completed", "{\"orderId\": \"o5\"}", "{}"));
        dbt.run("stg_amp__order_completed", false);
        assertThat(dbt.count("select count(*) from stg.stg_amp__order_completed"))
                .isEqualTo(3);
    }
}
