package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.Golden;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.SourceRef;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.Warehouses;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model of the example project's databricks package runs on a real Spark engine: the raw Segment
 * and Profiles Sync tables are created as Delta tables with the columns the models read, every model is
 * materialized as dbt-databricks would, and each one's columns and types equal its enforced contract
 * ({@code data_type} in its properties file), its rows carry the lineage and the parsed JSON, and its data
 * tests run.
 */
class SparkModelTest {

    /** {@code cast(raw as type) as name} or {@code parse_json(raw) as name}, where raw is a column. */
    private static final Pattern COLUMN =
            Pattern.compile("(?:cast\\(([a-z_`][\\w`]*) as (\\w+)\\)|parse_json\\(([a-z_`][\\w`]*)\\)) as \\w+");

    private static final String PROFILES = "segment_profiles";

    @TempDir
    Path dir;

    private DbtRunner dbt;
    private BuildResult result;

    @BeforeEach
    void build() throws Exception {
        SparkSql.dropSchemas("jaffle_shop", PROFILES, "stg", "seg");
        Golden.copyTree(TestProject.EXAMPLE, dir);
        Golden.deleteTree(dir.resolve("target"));
        ReflektProject project = ReflektProject.load(dir);
        result = new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(
                                Dialect.of("databricks").orElseThrow(), "databricks", "spark_catalog", "jaffle_shop"),
                        "segment",
                        Optional.empty());
        dbt = new DbtRunner(SparkSql.connect(), "spark_catalog", "stg", result.packageDir(), dir.resolve("x"), true);
    }

    /** The raw Segment and Profiles Sync tables the example's models read, one row each. */
    private void seed() throws Exception {
        dbt.exec("create schema jaffle_shop");
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (String file : staging()) {
            columns(file, tables);
        }
        // Segment's tracks always has event, the table name made of event_text, which the event audit reads
        tables.get("tracks").putIfAbsent("event", "string");
        for (Map.Entry<String, Map<String, String>> t : tables.entrySet()) {
            seed(t.getKey(), t.getValue());
        }
        dbt.exec("create schema " + PROFILES);
        dbt.exec("create table " + PROFILES + ".id_graph_updates (segment_id string, canonical_segment_id string,"
                + " `timestamp` timestamp, seq bigint, uuid_ts timestamp) using delta");
        dbt.exec("insert into " + PROFILES + ".id_graph_updates values ('p1', 'p1', timestamp '2024-05-01 10:00:00',"
                + " 1, timestamp '2024-05-01 10:00:00'), ('p2', 'p1', timestamp '2024-05-01 11:00:00', 2,"
                + " timestamp '2024-05-01 11:00:00')");
        dbt.exec(
                "create table " + PROFILES + ".external_id_mapping_updates (segment_id string, external_id_type string,"
                        + " external_id_value string, external_id_hash string, `timestamp` timestamp, seq bigint,"
                        + " uuid_ts timestamp) using delta");
        dbt.exec("insert into " + PROFILES + ".external_id_mapping_updates values ('p2', 'email', 'a@example.com',"
                + " 'h1', timestamp '2024-05-01 10:00:00', 1, timestamp '2024-05-01 10:00:00')");
        dbt.exec(
                "create table " + PROFILES + ".profile_traits_updates (segment_id string, `timestamp` timestamp,"
                        + " seq bigint, uuid_ts timestamp, email string, first_name string, loyalty_member boolean) using delta");
        dbt.exec("insert into " + PROFILES + ".profile_traits_updates values ('p2', timestamp '2024-05-01 10:00:00', 1,"
                + " timestamp '2024-05-01 10:00:00', 'a@example.com', 'Ada', true)");
    }

    @AfterEach
    void dropSchemas() {
        SparkSql.dropSchemas("jaffle_shop", PROFILES, "stg", "seg");
    }

    /** The staging models' files, history before current state. */
    private List<String> staging() {
        List<String> out = new ArrayList<>();
        result.files().stream()
                .filter(f -> f.startsWith("models/jaffle_shop/stg_") && f.endsWith(".sql") && !f.contains("__current"))
                .forEach(out::add);
        result.files().stream()
                .filter(f -> f.startsWith("models/jaffle_shop/stg_") && f.endsWith("__current.sql"))
                .forEach(out::add);
        return out;
    }

    /** The raw table a staging model reads and the columns it casts, added to {@code tables}. */
    private void columns(String file, Map<String, Map<String, String>> tables) throws Exception {
        String sql = Files.readString(result.packageDir().resolve(file));
        Matcher table = Pattern.compile("source\\('jaffle_shop', '(\\w+)'\\)").matcher(sql);
        if (!table.find()) {
            return; // a current-state model reads its history
        }
        Map<String, String> columns = tables.computeIfAbsent(table.group(1), t -> new LinkedHashMap<>());
        Matcher m = COLUMN.matcher(sql);
        while (m.find()) {
            if (m.group(3) != null) {
                columns.put(m.group(3), "string"); // Segment loads objects and arrays as JSON text
            } else {
                columns.put(m.group(1), m.group(2));
            }
        }
    }

    /** The raw table, a Delta table as Segment's Databricks destination loads, with one row of typed values. */
    private void seed(String table, Map<String, String> columns) throws Exception {
        List<String> values = new ArrayList<>();
        columns.forEach((column, type) -> values.add(value(table, column, type)));
        List<String> ddl = new ArrayList<>();
        columns.forEach((column, type) -> ddl.add((column.startsWith("`") ? column : "`" + column + "`") + " " + type));
        String raw = "jaffle_shop." + table;
        dbt.exec("create table " + raw + " (" + String.join(", ", ddl) + ") using delta");
        dbt.exec("insert into " + raw + " values (" + String.join(", ", values) + ")");
    }

    private static String value(String table, String column, String type) {
        if (column.equals("id")) {
            return "'" + table + "-1'";
        }
        return switch (type) {
            case "string" ->
                column.equals("products") ? "'[{\"sku\": \"jaffle-1\", \"price\": 4.5}]'" : "'" + column + "'";
            case "bigint" -> "2";
            case "double" -> "4.5";
            case "boolean" -> "true";
            case "timestamp" -> "timestamp '2024-05-01 10:00:00'";
            default -> throw new AssertionError("no test value for " + type);
        };
    }

    @Test
    void everyModelRunsWithTheColumnsAndTypesOfItsContract() throws Exception {
        seed();
        List<String> models = new ArrayList<>();
        for (String file : staging()) {
            models.add(name(file));
        }
        models.addAll(List.of("id_graph", "external_id_mapping", "profile_traits"));
        for (String model : models) {
            dbt.run(model, false);
        }
        assertThat(models).hasSize(12);

        int contracts = 0;
        for (String model : models) {
            JsonNode docs = docs(model);
            Map<String, String> declared = new LinkedHashMap<>();
            docs.path("columns")
                    .forEach(c -> declared.put(
                            c.path("name").asText(), c.path("data_type").asText(null)));
            Map<String, String> actual = new LinkedHashMap<>();
            for (Map<String, Object> row : dbt.rows("describe stg." + model)) {
                String column = (String) row.get("col_name");
                if (column.isEmpty() || column.startsWith("#")) {
                    break; // partition and detail sections follow the columns
                }
                actual.put(column, (String) row.get("data_type"));
            }
            if (docs.path("config").path("contract").path("enforced").asBoolean(false)) {
                assertThat(actual).as(model + " matches its enforced contract").isEqualTo(declared);
                contracts++;
            } else {
                assertThat(actual.keySet())
                        .as(model + " has its documented columns")
                        .containsAll(declared.keySet());
            }
        }

        assertThat(contracts).as("staging models with enforced contracts").isEqualTo(9);
        Map<String, Object> order =
                dbt.rows("select * from stg.stg_jaffle_shop__order_completed").get(0);
        assertThat(order)
                .containsEntry("event_id", "order_completed-1")
                .containsEntry("call_type", "track")
                .containsEntry("source_table", "order_completed")
                .containsEntry("schema_id", "jaffle_shop/Order_Completed/1-0.json")
                .containsEntry("revenue", "4.5");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree((String) order.get("products")))
                .isEqualTo(json.readTree("[{\"sku\": \"jaffle-1\", \"price\": 4.5}]"));
        assertThat(json.readTree((String) order.get("schema_metadata"))
                        .path("code_owner")
                        .asText())
                .isEqualTo("checkout");
        assertThat(dbt.rows("select order_id from stg.stg_jaffle_shop__order_completed__current"))
                .extracting(r -> r.get("order_id"))
                .containsExactly("order_id");
        assertThat(dbt.rows("select canonical_segment_id, email, first_name, loyalty_member, merged_to"
                        + " from stg.profile_traits order by 1"))
                .extracting(r -> r.get("canonical_segment_id") + "|" + r.get("email") + "|" + r.get("first_name") + "|"
                        + r.get("loyalty_member") + "|" + r.get("merged_to"))
                .containsExactly("p1|a@example.com|Ada|true|null", "p2|null|null|null|p1");

        // The data tests' SQL runs on Spark; the ids of the seeded rows pass theirs.
        for (String model : models) {
            if (!model.startsWith("stg_")) {
                continue;
            }
            Map<String, Integer> tests = dbt.test(model, "_" + model + ".yml");
            assertThat(tests).as(model).isNotEmpty();
            tests.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(":unique") || e.getKey().endsWith(":not_null"))
                    .forEach(e -> assertThat(e.getValue())
                            .as(model + " " + e.getKey())
                            .isZero());
        }
    }

    /**
     * {@code -Dreflekt.build.audit} on Databricks: every compiled model is analyzed by the engine, and one it
     * cannot resolve stops the build with the engine's reason (Spark's {@code EXPLAIN} would have answered
     * with a plan saying "Error occurred during query planning" and let it pass). Only the JDBC driver is
     * stood in for: its connection is the local Spark session.
     */
    @Test
    void theAuditAnalyzesEveryModelOnSparkAndStopsAtOneItCannotResolve() throws Throwable {
        seed();
        Files.writeString(dir.resolve("reflekt_profiles.yml"), """
                dev:
                  source:
                    - id: lakehouse
                      type: databricks
                      host: dbc-1.cloud.databricks.com
                      http_path: /sql/1.0/warehouses/abc
                      token: dapi-token
                """);
        ReflektProject project = ReflektProject.load(dir);
        ProfileEntry entry =
                project.profiles(Map.of()).profile("dev").sources().get(0).resolved();
        SourceRef ref = new SourceRef("lakehouse", "spark_catalog", "jaffle_shop");
        List<String> urls = new ArrayList<>();
        Warehouses.DriverLoader drivers = type -> (java.sql.Driver) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {java.sql.Driver.class}, (p, method, args) -> {
                    if (method.getName().equals("connect")) {
                        urls.add((String) args[0]);
                        return SparkSql.connect();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        List<String> audited = new ArrayList<>();
        Auditor auditor = models -> {
            audited.addAll(models.keySet());
            Warehouses.explain(project, entry, ref, drivers, models, s -> {});
        };
        BuildTarget target =
                new BuildTarget(Dialect.of("databricks").orElseThrow(), "databricks", "spark_catalog", "jaffle_shop");
        org.assertj.core.api.ThrowableAssert.ThrowingCallable audit = () -> new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        target,
                        "segment",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(auditor));
        audit.call();
        assertThat(audited)
                .hasSize(13)
                .contains(
                        "stg_jaffle_shop__order_completed__current",
                        "profile_traits",
                        "reflekt__jaffle_shop__event_audit");
        assertThat(urls).allMatch(u -> u.startsWith("jdbc:databricks://dbc-1.cloud.databricks.com:443/"));

        // The warehouse lost a column the schemas still have.
        dbt.exec("create table jaffle_shop.order_completed_now using delta as"
                + " select * except (revenue) from jaffle_shop.order_completed");
        dbt.exec("drop table jaffle_shop.order_completed");
        dbt.exec("alter table jaffle_shop.order_completed_now rename to jaffle_shop.order_completed");
        assertThatThrownBy(audit)
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("Audit: databricks refused model stg_jaffle_shop__order_completed:")
                .hasMessageContaining("UNRESOLVED_COLUMN")
                .hasMessageContaining("`revenue`")
                .hasMessageContaining("The package was not published");
    }

    /**
     * Hostile names, in the warehouse (a Delta table with column mapping, which stores any name) and in the
     * schema, stay data when the model runs on Spark: each is one column holding its own value, nothing
     * they spell is called, and the metadata literal reads back as the schema's JSON.
     */
    @Test
    void hostileNamesFromTheWarehouseAndTheSchemaStayDataOnSpark() throws Exception {
        TestProject p = TestProject.create(dir.resolve("hostile"));
        HostileSchemas.write(p);
        ReflektProject hostile = p.load();
        Map<String, String> columns = new LinkedHashMap<>();
        for (String c : List.of(
                "id", "event_text", "anonymous_id", "user_id", "context_library_name", "context_library_version")) {
            columns.put(c, "'" + c + "'");
        }
        for (String c : List.of("original_timestamp", "sent_at", "received_at", "timestamp")) {
            columns.put(c, "timestamp '2024-05-01 10:00:00'");
        }
        for (int i = 0; i < HostileSchemas.NAMES.size(); i++) {
            columns.put(HostileSchemas.NAMES.get(i), "'v" + i + "'");
        }
        dbt.exec("create schema seg");
        List<String> ddl = new ArrayList<>();
        columns.keySet()
                .forEach(c -> ddl.add("`" + c.replace("`", "``") + "` "
                        + (columns.get(c).startsWith("timestamp") ? "timestamp" : "string")));
        dbt.exec("create table seg.hostile_event (" + String.join(", ", ddl)
                + ") using delta tblproperties ('delta.columnMapping.mode' = 'name')");
        dbt.exec("insert into seg.hostile_event values (" + String.join(", ", columns.values()) + ")");
        // The warehouse's metadata, as Spark's catalog reports it.
        TableColumns metadata = new TableColumns();
        for (var field : SparkSql.session().table("seg.hostile_event").schema().fields()) {
            metadata.add("hostile_event", field.name());
        }
        BuildResult built = new DbtBuilder(hostile)
                .build(
                        hostile.schemaFiles(),
                        new BuildTarget(Dialect.of("databricks").orElseThrow(), "databricks", "spark_catalog", "seg"),
                        "segment",
                        Optional.of(metadata));
        assertThat(built.drift()).extracting(Drift::column).doesNotContainAnyElementsOf(HostileSchemas.NAMES);
        String sql = Files.readString(built.packageDir().resolve("models/seg/stg_seg__hostile_event.sql"));
        dbt.exec("create schema if not exists stg");
        dbt.exec("create view stg.hostile as " + DbtJinja.render(sql, "spark_catalog", "stg"));
        List<Map<String, Object>> rows = dbt.rows("select * from stg.hostile");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        for (int i = 0; i < HostileSchemas.NAMES.size(); i++) {
            assertThat(row).containsEntry(HostileSchemas.NAMES.get(i), "v" + i);
        }
        assertThat(row.keySet()).doesNotContain("leak", "z", "c", "session_user");
        assertThat(new ObjectMapper().readValue((String) row.get("schema_metadata"), Map.class))
                .isEqualTo(HostileSchemas.metadata());
        SparkSql.dropSchemas("seg");
    }

    /** Every keyword Spark reserves in ANSI mode (from the engine itself) is quoted by the dialect. */
    @Test
    void theEventAuditListsTheTrackedEventsThePlanDoesNotHaveOnSpark() throws Exception {
        dbt.exec("create schema jaffle_shop");
        dbt.exec("create table jaffle_shop.tracks (id string, received_at timestamp, event string, event_text string)"
                + " using delta");
        String insert = "insert into jaffle_shop.tracks values ";
        dbt.exec(insert + "('a1', timestamp '" + ModelExecutionContract.hoursAgo(3) + "', 'mystery', 'Mystery'),"
                + " ('a2', timestamp '" + ModelExecutionContract.hoursAgo(2) + "', 'mystery', 'Mystery'),"
                + " ('a3', timestamp '" + ModelExecutionContract.hoursAgo(2)
                + "', 'order_completed', 'Order Completed'),"
                + " ('a4', timestamp '" + ModelExecutionContract.hoursAgo(24 * 30) + "', 'old', 'Old')");
        dbt.run("reflekt__jaffle_shop__event_audit", false);
        assertThat(dbt.rows("select * from stg.reflekt__jaffle_shop__event_audit"))
                .extracting(r -> r.get("event") + "|" + r.get("event_text") + "|" + r.get("event_count"))
                .containsExactly("mystery|Mystery|2");
    }

    @Test
    void theDialectQuotesEveryKeywordSparkReserves() {
        var spark = SparkSql.session();
        spark.conf().set("spark.sql.ansi.enforceReservedKeywords", "true");
        List<String> reserved;
        try {
            reserved = spark.sql("select lower(keyword) from sql_keywords() where reserved").collectAsList().stream()
                    .map(r -> r.getString(0))
                    .toList();
        } finally {
            spark.conf().unset("spark.sql.ansi.enforceReservedKeywords");
        }
        assertThat(reserved).hasSizeGreaterThan(50).contains("select", "user", "session_user");
        Dialect databricks = Dialect.of("databricks").orElseThrow();
        assertThat(reserved)
                .allSatisfy(word -> assertThat(databricks.identifier(word)).isEqualTo("`" + word + "`"));
        assertThat(databricks.identifier("order_id")).isEqualTo("order_id");
    }

    private static String name(String file) {
        return file.substring(file.lastIndexOf('/') + 1, file.length() - ".sql".length());
    }

    /** The model's entry in its properties file. */
    private JsonNode docs(String model) throws Exception {
        for (String file : result.files()) {
            if (file.endsWith(".yml") && !file.contains("__src_")) {
                for (JsonNode m : new LocatedTreeReader()
                        .readYaml(result.packageDir().resolve(file))
                        .root()
                        .path("models")) {
                    if (m.path("name").asText().equals(model)) {
                        return m;
                    }
                }
            }
        }
        throw new AssertionError("no properties for " + model);
    }
}
