package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Amplitude models run on a real warehouse holding a table laid out like Amplitude's export
 * ({@code events_123456}: the export's columns, {@code event_properties} and {@code user_properties} as the dialect's
 * JSON documents): every model created as a view from metadata and offline, its rows and typed values checked; the
 * audit lists the event type no schema plans, not Amplitude's own. One subclass per warehouse.
 */
abstract class AmplitudeExecutionContract extends WarehouseContract {

    static final String EARLY = "2024-05-01 10:00:00";
    static final String LATE = "2031-01-01 00:00:00";

    @TempDir
    java.nio.file.Path dir;

    Connection db;
    private ReflektProject project;

    @BeforeEach
    void seed() throws Exception {
        db = open();
        project = AmplitudeFixture.write(TestProject.create(dir), "", "view").load();
        exec("create schema amp");
        String json = Dialect.of(dialect()).orElseThrow().jsonDocumentType();
        exec("create table amp." + AmplitudeFixture.TABLE + " (uuid varchar(64), event_time timestamp,"
                + " server_upload_time timestamp, client_event_time timestamp, event_type varchar(256),"
                + " user_id varchar(256), device_id varchar(256), amplitude_id bigint, session_id bigint,"
                + " platform varchar(64), os_name varchar(64), version_name varchar(64), country varchar(64),"
                + " library varchar(64), event_properties " + json + ", user_properties " + json + ")");
        insert("a1", EARLY, "Order Completed", """
                {"orderId": "o1", "total": 10.5, "itemCount": 2, "gift": true, "placedAt": "2024-05-01 09:00:00",
                 "shipping": {"city": "Paris"}, "skus": ["s1", "s2"], "label": "A"}""", "{}");
        insert("a2", EARLY, "Order Completed", "{\"orderId\": \"o2\"}", "{\"plan\": \"free\"}");
        insert("a3", LATE, "Order Completed", "{\"orderId\": \"o3\"}", "{}");
        insert("a4", EARLY, "$identify", "{}", "{\"plan\": \"pro\", \"seats\": 3}");
    }

    void insert(String uuid, String at, String type, String properties, String userProperties) throws Exception {
        exec("insert into amp." + AmplitudeFixture.TABLE + " values ('" + uuid + "', '" + at + "', '" + at + "', '"
                + at + "', '" + type.replace("'", "''") + "', 'user-1', 'device-1', 42, 1714550400000, 'Web',"
                + " 'Chrome', '1.0.0', 'France', 'amplitude-java/1.13.0', " + json(properties) + ", "
                + json(userProperties) + ")");
    }

    /** A JSON literal of the warehouse's document type. */
    abstract String json(String text);

    @AfterEach
    void close() throws Exception {
        db.close();
        cleanUp();
    }

    void exec(String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    BuildResult build(Optional<TableColumns> warehouse) throws Exception {
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of(dialect()).orElseThrow(), dialect(), database(), "amp"),
                        "amplitude",
                        warehouse);
    }

    private List<Map<String, Object>> rows(String model) throws Exception {
        return ModelExecutionContract.rows(db, "select * from stg." + model + " order by uuid");
    }

    private void assertModelsRun(BuildResult result) throws Exception {
        assertThat(ModelExecutionContract.createViews(db, result, database()))
                .containsExactlyInAnyOrder(
                        "stg_amp__identify",
                        "stg_amp__order_completed",
                        "stg_amp__order_completed__v2",
                        "reflekt__amp__event_audit");
        List<Map<String, Object>> v1 = rows("stg_amp__order_completed");
        assertThat(v1).extracting(r -> r.get("uuid")).containsExactly("a1", "a2"); // a3 is after the cut-off
        assertThat(v1.get(0).keySet())
                .containsExactly(
                        "uuid",
                        "event_time",
                        "server_upload_time",
                        "client_event_time",
                        "event_type",
                        "user_id",
                        "device_id",
                        "amplitude_id",
                        "session_id",
                        "platform",
                        "os_name",
                        "version_name",
                        "country",
                        "library",
                        "order_id",
                        "total",
                        "item_count",
                        "gift",
                        "placed_at",
                        "shipping_city",
                        "skus",
                        "source_schema",
                        "source_table",
                        "schema_id",
                        "schema_metadata");
        Map<String, Object> a1 = v1.get(0);
        assertThat(a1)
                .containsEntry("order_id", "o1")
                .containsEntry("shipping_city", "Paris")
                .containsEntry("gift", true)
                .containsEntry("schema_id", "shop/Order_Completed/1-1.json");
        assertThat(((Number) a1.get("total")).doubleValue()).isEqualTo(10.5);
        assertThat(((Number) a1.get("item_count")).longValue()).isEqualTo(2);
        assertThat(((Number) a1.get("amplitude_id")).longValue()).isEqualTo(42);
        assertThat(String.valueOf(a1.get("placed_at"))).startsWith("2024-05-01");
        assertThat(String.valueOf(a1.get("skus")).replace(" ", "")).isEqualTo("[\"s1\",\"s2\"]");
        assertThat(v1.get(1))
                .containsEntry("order_id", "o2")
                .containsEntry("total", null)
                .containsEntry("gift", null);

        List<Map<String, Object>> v2 = rows("stg_amp__order_completed__v2");
        assertThat(v2).extracting(r -> r.get("uuid") + "/" + r.get("label")).containsExactly("a1/A", "a2/null");

        List<Map<String, Object>> identify = rows("stg_amp__identify");
        assertThat(identify)
                .extracting(r -> r.get("uuid") + "/" + r.get("plan"))
                .containsExactly("a4/pro");
        assertThat(((Number) identify.get(0).get("seats")).longValue()).isEqualTo(3);
    }

    @Test
    void modelsBuiltFromTheWarehouseRun() throws Exception {
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, database(), "amp")));
        assertThat(result.drift()).isEmpty();
        assertThat(result.unplanned()).isEmpty();
        assertModelsRun(result);
    }

    @Test
    void modelsBuiltOfflineRun() throws Exception {
        BuildResult result = build(Optional.empty());
        assertThat(result.drift()).isEmpty();
        assertModelsRun(result);
    }

    @Test
    void theAuditListsTheEventTypesThePlanDoesNotHave() throws Exception {
        String now = ModelExecutionContract.hoursAgo(2);
        insert("u1", ModelExecutionContract.hoursAgo(3), "Mystery Event", "{}", "{}");
        insert("u2", now, "Mystery Event", "{}", "{}");
        insert("u3", now, "session_start", "{}", "{}");
        insert("u4", now, "[Amplitude] Page Viewed", "{}", "{}");
        insert("u5", now, "$groupidentify", "{}", "{}");
        insert("u6", now, "Order Completed", "{}", "{}");
        insert("u7", now, "order completed", "{}", "{}"); // Amplitude's event types are case-sensitive
        for (Optional<TableColumns> warehouse :
                List.of(Optional.of(JdbcCatalog.read(db, database(), "amp")), Optional.<TableColumns>empty())) {
            BuildResult result = build(warehouse);
            ModelExecutionContract.createViews(db, result, database());
            assertThat(ModelExecutionContract.rows(
                            db, "select * from stg.reflekt__amp__event_audit order by event_type"))
                    .extracting(r -> r.get("event_type") + " " + r.get("event_count"))
                    .containsExactly("Mystery Event 2", "order completed 1");
        }
    }

    @Test
    void aMissingExportTableIsDriftAndNoModel() throws Exception {
        exec("alter table amp." + AmplitudeFixture.TABLE + " rename to events_999");
        exec("create table amp.events_1 (uuid varchar(64))");
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, database(), "amp")));
        assertThat(result.drift())
                .extracting(Drift::describe)
                .contains("table events_123456 does not exist (schema shop/Order_Completed/1-1.json); its model was"
                        + " not generated");
        assertThat(result.files()).noneMatch(f -> f.contains("order_completed"));
    }
}
