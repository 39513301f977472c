package dev.reflekt.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.BuildCommand;
import dev.reflekt.core.command.BuildRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real google-cloud-bigquery client against a local server that speaks BigQuery's REST API. */
class BigQueryMetadataReaderTest {

    @TempDir
    Path dir;

    private FakeBigQuery bigQuery;
    private final List<String> debug = new ArrayList<>();
    private static final Warehouses.DriverLoader NO_JDBC = type -> {
        throw new ReflektException("no JDBC for " + type);
    };

    @BeforeEach
    void start() throws Exception {
        bigQuery = new FakeBigQuery(3)
                .table("segment", "tracks", "id", "event_text", "received_at")
                .table("segment", "cart_viewed", "id", "event_text", "received_at", "cart_id");
        TestProject.create(dir)
                .schema(
                        "shop/Cart_Viewed/1-0.json",
                        "Cart Viewed",
                        "{\"cart_id\": {\"type\": \"string\", \"description\": \"x\"},"
                                + " \"coupon\": {\"type\": \"string\", \"description\": \"x\"}}")
                .write(
                        "reflekt_profiles.yml",
                        "dev:\n  source:\n    - {id: bq, type: bigquery, project: acme-data,"
                                + " dataset: segment, api_url: '" + bigQuery.url() + "'}\n");
    }

    @AfterEach
    void stop() {
        bigQuery.close();
    }

    private BuildCommand.Outcome build(String source) throws Exception {
        return BuildCommand.run(
                TestProject.create(dir).load(),
                new BuildRequest("", source, "", "segment", "", false, Map.of()),
                NO_JDBC,
                m -> {},
                debug::add);
    }

    @Test
    void readsEveryPageOfTheColumnsWithOneQueryAndBuildsBigQuerySql() throws Exception {
        BuildCommand.Outcome outcome = build("bq.acme-data.segment");
        assertThat(debug)
                .containsExactly(
                        "Metadata query for acme-data.segment: select table_name, column_name, data_type, is_nullable from"
                                + " `acme-data.segment`.INFORMATION_SCHEMA.COLUMNS");
        assertThat(bigQuery.requests)
                .filteredOn(r -> r.startsWith("POST"))
                .containsExactly("POST /bigquery/v2/projects/acme-data/queries");
        assertThat(bigQuery.requests).anyMatch(r -> r.contains("pageToken=3")); // 7 rows, pages of 3
        assertThat(outcome.result().drift())
                .extracting(d -> d.describe())
                .containsExactly(
                        "column cart_viewed.coupon does not exist (schema shop/Cart_Viewed/1-0.json); left out of the model");
        String sql =
                Files.readString(outcome.result().packageDir().resolve("models/segment/stg_segment__cart_viewed.sql"));
        assertThat(sql)
                .contains("        cast(cart_id as string) as cart_id,\n", "cast('track' as string) as call_type")
                .doesNotContain("coupon");
    }

    @Test
    void aMissingDatasetIsOneClearMessage() {
        assertThatThrownBy(() -> build("bq.acme-data.nope"))
                .isInstanceOf(ReflektException.class)
                .hasMessage("Cannot read source 'bq.acme-data.nope' (bigquery, project acme-data): HTTP 404 Not found:"
                        + " Dataset acme-data:nope was not found in location US. Check the dataset name and the"
                        + " credentials (none sent to api_url " + bigQuery.url() + ").");
    }

    @Test
    void aServerErrorIsOneClearMessageAfterABoundedNumberOfAttempts() {
        bigQuery.failNext(100);
        assertThatThrownBy(() -> build("bq.acme-data.segment"))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("Cannot read source 'bq.acme-data.segment' (bigquery, project acme-data): HTTP"
                        + " 500 Backend error.");
        assertThat(bigQuery.requests).hasSizeBetween(1, 3);
    }
}
