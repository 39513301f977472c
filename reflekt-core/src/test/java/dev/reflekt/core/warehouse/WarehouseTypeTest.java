package dev.reflekt.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each JDBC warehouse is reached from a profile entry; Databricks' URL takes no stranger's syntax. */
class WarehouseTypeTest {

    @TempDir
    Path dir;

    private int projects;

    private ProfileEntry databricks(String host, String httpPath) throws Exception {
        TestProject p = TestProject.create(dir.resolve("p" + projects++));
        p.write("reflekt_profiles.yml", """
                dev:
                  source:
                    - id: lakehouse
                      type: databricks
                      host: "%s"
                      http_path: "%s"
                      token: dapi-secret-token
                """.formatted(host, httpPath));
        ReflektProject project = p.load();
        return project.profiles(Map.of()).profile("dev").sources().get(0).resolved();
    }

    /** The archetype's local profile names ./warehouse.duckdb, which nothing creates until events are loaded. */
    @Test
    void aMissingDuckDbFileIsNamedWithWhatToDoNotANetworkHint() throws Exception {
        TestProject p = TestProject.create(dir.resolve("duck"));
        p.write(
                "reflekt_profiles.yml",
                "local:\n  source:\n    - id: local\n      type: duckdb\n      path: ./warehouse.duckdb\n");
        ReflektProject project = p.load();
        ProfileEntry entry =
                project.profiles(Map.of()).profile("local").sources().get(0).resolved();
        assertThatThrownBy(() -> WarehouseType.DUCKDB.url(entry, "warehouse", project))
                .isInstanceOf(ReflektException.class)
                .hasMessage("The DuckDB file warehouse.duckdb of source 'local' (reflekt_profiles.yml:5:7) does not"
                        + " exist; load recorded events into it first (mvn reflekt:load-events -Dreflekt.events=<files>"
                        + " -Dreflekt.source=<source_id>.<database>.<schema>), or build offline (without -Dreflekt.source, or with"
                        + " -Dreflekt.offline=true).");
        java.nio.file.Files.writeString(dir.resolve("duck/warehouse.duckdb"), "");
        assertThat(WarehouseType.DUCKDB.url(entry, "warehouse", project))
                .isEqualTo("jdbc:duckdb:" + dir.resolve("duck/warehouse.duckdb"));
    }

    @Test
    void databricksUrlNamesTheWarehouseAndTheTokenGoesOnlyIntoTheProperties() throws Exception {
        ProfileEntry entry = databricks("dbc-1234.cloud.databricks.com", "/sql/1.0/warehouses/abc123");
        String url = WarehouseType.DATABRICKS.url(entry, "main", null);
        assertThat(url)
                .isEqualTo("jdbc:databricks://dbc-1234.cloud.databricks.com:443/default;transportMode=http;ssl=1;"
                        + "httpPath=/sql/1.0/warehouses/abc123;AuthMech=3")
                .doesNotContain("dapi-secret-token");
        Properties p = WarehouseType.DATABRICKS.properties(entry, "main");
        assertThat(p).containsEntry("UID", "token").containsEntry("PWD", "dapi-secret-token");
        assertThat(p).containsEntry("ConnCatalog", "main");
        assertThat(WarehouseType.DATABRICKS.dialect().name()).isEqualTo("databricks");
        assertThat(WarehouseType.DATABRICKS.secretKey()).isEqualTo("token");
    }

    @Test
    void aHostOrHttpPathThatWouldAddUrlParametersIsRefused() throws Exception {
        ProfileEntry host = databricks("evil.example.com;LogLevel=6;LogPath=/tmp", "/sql/1.0/warehouses/abc");
        assertThatThrownBy(() -> WarehouseType.DATABRICKS.url(host, "main", null))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("Profile entry 'lakehouse': host 'evil.example.com;LogLevel=6;LogPath=/tmp' is"
                        + " not a valid host")
                .hasMessageContaining("reflekt_profiles.yml")
                .hasMessageNotContaining("dapi-secret-token");
        ProfileEntry path = databricks("dbc-1.cloud.databricks.com", "/sql/1.0/warehouses/abc;AuthMech=0");
        assertThatThrownBy(() -> WarehouseType.DATABRICKS.url(path, "main", null))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("http_path '/sql/1.0/warehouses/abc;AuthMech=0' is not a valid http path");
    }
}
