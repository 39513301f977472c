package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.definitions.RefsFixture;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.JdbcCatalog;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dbt package of the shared-definitions fixture: columns from resolved $refs, run on DuckDB. */
class SharedDefinitionsBuildTest {

    private static final String COMMON = "id varchar, original_timestamp timestamp, sent_at timestamp,"
            + " received_at timestamp, \"timestamp\" timestamp, anonymous_id varchar, user_id varchar,"
            + " context_ip varchar, context_library_name varchar, context_library_version varchar, uuid_ts timestamp,"
            + " event_text varchar";
    private static final String ROW = "'%s', '2024-05-01 10:00:00', '2024-05-01 10:00:01', '2024-05-01 10:00:02',"
            + " '2024-05-01 10:00:00', 'anon-1', 'user-1', '10.0.0.1', 'analytics.js', '5.0.0', '2024-05-01 10:00:03',"
            + " '%s'";

    @TempDir
    Path dir;

    private Connection db;
    private ReflektProject project;

    @BeforeEach
    void seed() throws Exception {
        project = RefsFixture.create(dir).load();
        db = DriverManager.getConnection("jdbc:duckdb:");
        exec("create schema seg");
        exec("create table seg.tracks (" + COMMON + ", event varchar)");
        exec("create table seg.order_completed (" + COMMON + ", order_id varchar, products varchar,"
                + " total_amount double, total_currency varchar)");
        exec("create table seg.product_viewed (" + COMMON + ", product_product_id varchar, product_name varchar,"
                + " product_price_amount double, product_price_currency varchar, position bigint)");
        exec("create table seg.checkout_started (" + COMMON + ", shipping_address_city varchar,"
                + " shipping_address_postal_code varchar, billing_address_city varchar, total_amount double,"
                + " total_currency varchar)");
        exec("insert into seg.order_completed values (" + ROW.formatted("o1", "Order Completed")
                + ", 'ord-1', '[{\"product_id\": \"p1\", \"price\": {\"amount\": 3, \"currency\": \"EUR\"}}]', 3.0,"
                + " 'EUR')");
        exec("insert into seg.product_viewed values (" + ROW.formatted("v1", "Product Viewed")
                + ", 'p1', 'Jaffle', 3.0, 'EUR', 2)");
        exec("insert into seg.checkout_started values (" + ROW.formatted("c1", "Checkout Started")
                + ", 'Paris', '75001', 'Lyon', 3.0, 'EUR')");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void exec(String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private BuildResult build(Optional<TableColumns> warehouse) throws Exception {
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of("duckdb").orElseThrow(), "duckdb", "memory", "seg"),
                        "segment",
                        warehouse);
    }

    private List<Map<String, Object>> run(BuildResult result, String model) throws Exception {
        String sql = DbtJinja.render(
                Files.readString(result.packageDir().resolve("models/seg/" + model + ".sql")), "memory", "stg");
        exec("create schema if not exists stg");
        exec("create or replace view stg." + model + " as " + sql);
        return ModelExecutionContract.rows(db, "select * from stg." + model);
    }

    @Test
    void columnsComeFromTheResolvedDefinitionsAndTheModelsRun() throws Exception {
        BuildResult result = build(Optional.of(JdbcCatalog.read(db, "memory", "seg")));
        assertThat(result.drift())
                .extracting(Drift::describe)
                .containsExactly(
                        "table cart_viewed does not exist (schema shop/Cart_Viewed/1-0.json); its model was not"
                                + " generated",
                        "column checkout_started.billing_address_postal_code does not exist (schema"
                                + " shop/Checkout_Started/1-0.json); left out of the model");

        Map<String, Object> viewed = run(result, "stg_seg__product_viewed").get(0);
        assertThat(viewed)
                .containsEntry("product_product_id", "p1")
                .containsEntry("product_name", "Jaffle")
                .containsEntry("product_price_amount", 3.0)
                .containsEntry("product_price_currency", "EUR")
                .containsEntry("position", 2L);
        Map<String, Object> checkout = run(result, "stg_seg__checkout_started").get(0);
        assertThat(checkout)
                .containsEntry("shipping_address_city", "Paris")
                .containsEntry("shipping_address_postal_code", "75001")
                .containsEntry("billing_address_city", "Lyon")
                .containsEntry("total_currency", "EUR");
        Map<String, Object> order = run(result, "stg_seg__order_completed").get(0);
        assertThat(order).containsEntry("total_amount", 3.0).containsKey("products");

        JsonNode docs = new LocatedTreeReader()
                .readYaml(result.packageDir()
                        .resolve(result.files().stream()
                                .filter(f -> f.endsWith("product_viewed.yml"))
                                .findFirst()
                                .orElseThrow()))
                .root();
        Map<String, String> descriptions = new LinkedHashMap<>();
        docs.at("/models/0/columns")
                .forEach(c -> descriptions.put(
                        c.path("name").asText(), c.path("description").asText()));
        assertThat(descriptions)
                .containsEntry("product_price_currency", "ISO 4217 code of the currency. (From definitions/money/1-0.)")
                .containsEntry("product_name", "The product's display name. (From definitions/product/1-0.)")
                .containsEntry("position", "Its position in the list it was opened from.");
    }

    @Test
    void offlineTheColumnsAreEveryResolvedProperty() throws Exception {
        BuildResult result = build(Optional.empty());
        DbtPackageTest.DbtYaml yaml = null;
        try {
            yaml = DbtPackageTest.DbtYaml.load();
        } catch (org.opentest4j.TestAbortedException e) {
            // ../shared/dbt-jsonschema is absent (said on stderr); the SQL is still checked below
        }
        if (yaml != null) {
            yaml.validate(result, "duckdb", 6);
        }
        String sql = Files.readString(result.packageDir().resolve("models/seg/stg_seg__order_completed.sql"));
        assertThat(sql).contains("total_amount", "total_currency", "products");
        assertThat(Files.readString(result.packageDir().resolve("models/seg/stg_seg__checkout_started.sql")))
                .contains("shipping_address_city", "shipping_address_postal_code", "billing_address_postal_code");
    }

    @Test
    void anUnresolvableRefStopsTheBuildWithItsLocation() throws Exception {
        TestProject.create(dir.resolve("bad"))
                .schema("shop/A_Event/1-0.json", "A Event", "{\"a\": {\"$ref\": \"../../../../evil.json\"}}");
        ReflektProject bad = ReflektProject.load(dir.resolve("bad"));
        assertThatThrownBy(() -> new DbtBuilder(bad)
                        .build(
                                bad.schemaFiles(),
                                new BuildTarget(Dialect.of("duckdb").orElseThrow(), "duckdb", "memory", "seg"),
                                "segment",
                                Optional.empty()))
                .isInstanceOfSatisfying(ReflektException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .asString()
                        .startsWith("schemas/shop/A_Event/1-0.json:13:24: $ref \"../../../../evil.json\" leads"
                                + " outside schemas/"));
    }
}
