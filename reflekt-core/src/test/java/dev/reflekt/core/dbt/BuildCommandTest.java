package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.BuildCommand;
import dev.reflekt.core.command.BuildRequest;
import dev.reflekt.core.warehouse.WarehouseType;
import dev.reflekt.core.warehouse.Warehouses;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing source and dialect, and one clear message for each way a source can be wrong. */
class BuildCommandTest {

    private static final String SECRET = "wrong-Secret-9f3a";

    @TempDir
    Path dir;

    private final List<String> debug = new ArrayList<>();

    /** Drivers from the test class path, as the plugin would fetch them. */
    private static final Warehouses.DriverLoader DRIVERS = type -> {
        try {
            return (Driver)
                    Class.forName(type.driverClass()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ReflektException("no driver " + type.driverClass());
        }
    };

    private TestProject project(String profiles) {
        TestProject p = TestProject.create(dir).schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        if (profiles != null) {
            p.write("reflekt_profiles.yml", profiles);
        }
        return p;
    }

    private BuildCommand.Outcome run(TestProject p, String source, String dialect, boolean offline) throws Exception {
        return BuildCommand.run(
                p.load(),
                new BuildRequest("", source, "", "segment", dialect, offline, Map.of()),
                DRIVERS,
                m -> {},
                debug::add);
    }

    @Test
    void offlineWithoutAnythingIsSnowflakeSqlForRawDotProjectName() throws Exception {
        BuildCommand.Outcome o = run(project(null), "", "", false);
        assertThat(o.online()).isFalse();
        assertThat(o.target()).isEqualTo(new BuildTarget(o.target().dialect(), "snowflake", "raw", "test_project"));
        assertThat(o.target().dialect().name()).isEqualTo("snowflake");
        assertThat(debug).isEmpty();
    }

    @Test
    void dialectComesFromTheFlagThenTheProfilesFirstSource() throws Exception {
        TestProject p = project("dev:\n  source:\n    - {id: wh, type: redshift, host: h, port: 5439, database: d,"
                + " user: u, password: \"{{ env_var('UNSET_PASSWORD') }}\"}\n");
        // An unset variable of an entry matters only to a goal that uses the entry: its type still says the dialect.
        assertThat(run(p, "", "", false).target().dialect().name()).isEqualTo("redshift");
        assertThatThrownBy(() -> run(p, "wh.analytics.segment", "", true))
                .hasMessageContaining("'password' uses environment variable UNSET_PASSWORD, which is not set");
        p.write("reflekt_profiles.yml", "dev:\n  source:\n    - {id: wh, type: redshift}\n");
        assertThat(run(p, "", "", false).target().dialect().name()).isEqualTo("redshift");
        assertThat(run(p, "", "bigquery", false).target().dialect().name()).isEqualTo("bigquery");
        assertThat(run(p, "wh.analytics.segment", "", true).target())
                .extracting(BuildTarget::database, BuildTarget::schema, BuildTarget::warehouseType)
                .containsExactly("analytics", "segment", "redshift");
        assertThatThrownBy(() -> run(p, "", "oracle", false))
                .hasMessage(
                        "Dialect 'oracle' is not known; use one of snowflake, redshift, bigquery, postgres, duckdb, databricks.");
    }

    @Test
    void wrongSourceIdListsTheSources() {
        TestProject p = project("dev:\n  source:\n    - {id: wh, type: duckdb, path: ./x.duckdb}\n");
        assertThatThrownBy(() -> run(p, "warehouse.raw.segment", "", false))
                .isInstanceOf(ReflektException.class)
                .hasMessage("Profile 'dev' has no source 'warehouse'; its sources are [wh]. Use one of them in"
                        + " -Dreflekt.source=<source_id>.<database>.<schema>.");
        assertThatThrownBy(() -> run(p, "wh.raw", "", false))
                .hasMessageStartingWith("Source 'wh.raw' is not of the form <source_id>.<database>.<schema>");
    }

    @Test
    void unreachableHostIsOneMessageWithoutTheSecret() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        TestProject p = project("dev:\n  source:\n    - {id: pg, type: postgres, host: 127.0.0.1, port: " + port
                + ", user: reflekt, password: " + SECRET + "}\n");
        assertThatThrownBy(() -> run(p, "pg.reflekt_test.seg", "", false))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith(
                        "Cannot read source 'pg.reflekt_test.seg' (postgres at jdbc:postgresql://127.0.0.1:" + port
                                + "/reflekt_test): Connection to 127.0.0.1:" + port + " refused")
                .hasMessageContaining("reflekt:debug")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void badCredentialsAndMissingSchemaOnARealServer() throws Exception {
        try (Connection ignored = TestDatabases.admin()) {
            // skips (locally) or fails (CI) when the test databases are not running
        }
        String entry = "{id: pg, type: postgres, host: 127.0.0.1, port: " + TestDatabases.PG_PORT + ", user: reflekt,"
                + " password: %s}";
        TestProject bad = project("dev:\n  source:\n    - " + entry.formatted(SECRET) + "\n");
        assertThatThrownBy(() -> run(bad, "pg.reflekt_test.public", "", false))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("password authentication failed for user \"reflekt\"")
                .hasMessageContaining("credentials (from reflekt_profiles.yml:3:")
                .hasMessageNotContaining(SECRET);

        TestProject good = project("dev:\n  source:\n    - " + entry.formatted(TestDatabases.PASSWORD) + "\n");
        assertThatThrownBy(() -> run(good, "pg.reflekt_test.no_such_schema", "", false))
                .hasMessageStartingWith("Source 'pg.reflekt_test.no_such_schema' has no tables in schema"
                        + " reflekt_test.no_such_schema");
        assertThat(debug).hasSize(1).allMatch(q -> q.startsWith("Metadata query for reflekt_test.no_such_schema: "));
    }

    @Test
    void snowflakeConnectionSettingsComeFromTheProfile() throws Exception {
        TestProject p = project(
                "dev:\n  source:\n    - {id: sf, type: snowflake, account: acme-eu1, user: svc, private_key_path:"
                        + " /keys/rsa.p8, role: transformer, warehouse: wh}\n");
        var entry = p.load().profiles(Map.of()).profile("").sources().get(0);
        assertThat(WarehouseType.SNOWFLAKE.url(entry, "RAW", p.load()))
                .isEqualTo("jdbc:snowflake://acme-eu1.snowflakecomputing.com/");
        assertThat(WarehouseType.SNOWFLAKE.properties(entry, "RAW"))
                .containsEntry("db", "RAW")
                .containsEntry("private_key_file", "/keys/rsa.p8")
                .containsEntry("role", "transformer")
                .containsEntry("warehouse", "wh")
                .doesNotContainKey("password");
        // Unquoted Snowflake identifiers come back upper case; they match the schemas' lower-case names.
        assertThat(new dev.reflekt.core.warehouse.TableColumns()
                        .add("CART_VIEWED", "CART_ID")
                        .columns("cart_viewed"))
                .hasValueSatisfying(c -> assertThat(c).containsExactly("cart_id"));
    }

    /** A DuckDB file with Segment tables for Cart Viewed, an entity model over it, and Profiles Sync tables. */
    private TestProject auditedProject(String filter) throws Exception {
        Path file = dir.resolve("wh.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists seg");
            s.execute("create schema if not exists ps");
            String common = "id varchar, original_timestamp timestamp, sent_at timestamp, received_at timestamp,"
                    + " \"timestamp\" timestamp, anonymous_id varchar, user_id varchar, context_library_name varchar,"
                    + " context_library_version varchar, event_text varchar";
            s.execute("create or replace table seg.cart_viewed (" + common + ", cart_id varchar)");
            s.execute("create or replace table seg.tracks (" + common + ")");
            s.execute("create or replace table ps.id_graph_updates (segment_id varchar, canonical_segment_id varchar,"
                    + " \"timestamp\" timestamp, seq bigint, uuid_ts timestamp)");
            s.execute("create or replace table ps.external_id_mapping_updates (segment_id varchar,"
                    + " external_id_type varchar, external_id_value varchar, external_id_hash varchar,"
                    + " \"timestamp\" timestamp, seq bigint, uuid_ts timestamp)");
            s.execute("create or replace table ps.profile_traits_updates (segment_id varchar, seq bigint,"
                    + " uuid_ts timestamp, email varchar)");
        }
        TestProject p = TestProject.create(dir).schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", """
                        {"cart_id": {"type": "string", "description": "The cart."}}""");
        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    models: {prefix: stg_, filter: "%s", materialized: incremental}
                    entities: {shop/Cart_Viewed/1-0.json: {key: cart_id}}
                    profiles_sync: {schema: ps}
                """.formatted(filter)));
        p.write("reflekt_profiles.yml", "dev:\n  source:\n    - {id: wh, type: duckdb, path: ./wh.duckdb}\n");
        return p;
    }

    private BuildCommand.Outcome audited(TestProject p) throws Exception {
        List<String> info = new ArrayList<>();
        return BuildCommand.run(
                p.load(),
                new BuildRequest("", "wh.wh.seg", "", "segment", "", false, Map.of(), true),
                DRIVERS,
                info::add,
                debug::add);
    }

    @Test
    void auditCompilesEveryModelOnTheWarehouseAndABrokenOneLeavesThePreviousPackage() throws Exception {
        BuildCommand.Outcome good = audited(auditedProject("where received_at is not null"));
        assertThat(debug)
                .contains(
                        "Audit: explain stg_seg__cart_viewed",
                        "Audit: explain stg_seg__cart_viewed__current",
                        "Audit: explain id_graph",
                        "Audit: explain external_id_mapping",
                        "Audit: explain profile_traits");
        Path model = good.result().packageDir().resolve("models/seg/stg_seg__cart_viewed.sql");
        String before = Files.readString(model);

        assertThatThrownBy(() -> audited(auditedProject("where no_such_column > 0")))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("Audit: duckdb refused model stg_seg__cart_viewed: ")
                .hasMessageContaining("no_such_column")
                .hasMessageContaining("The package was not published");
        assertThat(Files.readString(model)).isEqualTo(before);
    }

    @Test
    void auditWithoutAConnectedSourceIsRefused() {
        TestProject p = project(null);
        assertThatThrownBy(() -> BuildCommand.run(
                        p.load(),
                        new BuildRequest("", "", "", "segment", "", false, Map.of(), true),
                        DRIVERS,
                        m -> {},
                        debug::add))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("needs a connected source");
    }

    @Test
    void entityAndParquetMistakesNameTheFileAndTheFixAndWriteNothing() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "schemas/shop/Cart_Viewed/1-0.json",
                TestProject.schemaJson("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-0", """
                        {"cart_id": {"type": "string", "description": "The cart."},
                         "gone": {"type": "string", "description": "Not a boolean."}}""")
                        .replace("\"version\": \"1-0\",", "\"version\": \"1-0\", \"entity\": {\"key\": \"basket\"},"));
        assertThatThrownBy(() -> run(p, "", "duckdb", false))
                .isInstanceOf(ReflektException.class)
                .hasMessageMatching(
                        "(?s)schemas/shop/Cart_Viewed/1-0\\.json:\\d+:\\d+: self\\.entity\\.key: 'basket' is not a"
                                + " property loaded into stg_test_project__cart_viewed; use one of \\[cart_id, gone\\]\\.");

        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    entities: {shop/Cart_Viewed/1-0.json: {key: cart_id, tombstone: gone}}
                """));
        assertThatThrownBy(() -> run(p, "", "duckdb", false))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining(
                        "reflekt_project.yml: artifacts.dbt.entities.\"shop/Cart_Viewed/1-0.json\".tombstone:"
                                + " 'gone' is not a boolean property loaded into stg_test_project__cart_viewed; name a property"
                                + " of \"type\": \"boolean\".");

        p.config(TestProject.defaultConfig("""
                artifacts:
                  dbt:
                    models: {prefix: stg_, parquet: true}
                """));
        assertThatThrownBy(() -> run(p, "", "snowflake", false))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining(
                        "artifacts.dbt.models.parquet writes Parquet files, which the dbt adapter of snowflake does not; it works with duckdb and databricks.")
                .hasMessageContaining("-Dreflekt.dialect=duckdb");
        assertThat(dir.resolve("artifacts")).doesNotExist();
    }

    /** A Python-CLI filter written for Redshift, built for a warehouse that lacks its function, gets a warning. */
    @Test
    void aFilterCallingAFunctionTheDialectLacksIsNamedWithItsEquivalent() throws Exception {
        TestProject p = project(null)
                .config(
                        TestProject.defaultConfig(
                                "artifacts:\n  dbt:\n    models:\n      prefix: stg_\n      filter: \"received_at < GETDATE() and x = 'sysdate_x'\"\n"));
        assertThat(run(p, null, "duckdb", false).warnings(p.load()))
                .containsExactly("reflekt_project.yml: artifacts.dbt.models.filter calls getdate, which duckdb does not"
                        + " have; write current_timestamp instead (every model appends the filter as written).");
        assertThat(run(p, null, "postgres", false).warnings(p.load()))
                .singleElement()
                .asString()
                .contains("now()");
        assertThat(run(p, null, "bigquery", false).warnings(p.load()))
                .singleElement()
                .asString()
                .contains("current_timestamp()");
        for (String has : new String[] {"snowflake", "redshift", "databricks"}) {
            assertThat(run(p, null, has, false).warnings(p.load())).as(has).isEmpty();
        }
    }

    /** The table is right on the real engines: each function named is missing there, its equivalent works. */
    @Test
    void theMissingFunctionsAreMissingOnTheRealEnginesAndTheirEquivalentsRun() throws Exception {
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Connection pg = TestDatabases.admin()) {
            for (var db : Map.of("duckdb", duck, "postgres", pg).entrySet()) {
                Map<String, String> missing = dev.reflekt.core.warehouse.dialect.Dialect.of(db.getKey())
                        .orElseThrow()
                        .missingFunctions();
                assertThat(missing).isNotEmpty();
                for (var f : missing.entrySet()) {
                    try (java.sql.Statement st = db.getValue().createStatement()) {
                        st.executeQuery("select " + f.getValue()).close();
                        assertThatThrownBy(() -> st.executeQuery("select " + f.getKey() + "()"))
                                .as(db.getKey() + " " + f.getKey())
                                .isInstanceOf(java.sql.SQLException.class);
                    }
                    if (!db.getValue().getAutoCommit()) {
                        db.getValue().rollback();
                    }
                }
            }
        }
    }
}
