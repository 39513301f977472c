package dev.reflekt.core.warehouse.bigquery;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableResult;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.MetadataReader;
import dev.reflekt.core.warehouse.SourceRef;
import dev.reflekt.core.warehouse.TableColumns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Consumer;
import org.threeten.bp.Duration;

/**
 * BigQuery's tables and columns, read with the google-cloud-bigquery client: one query of the
 * dataset's {@code INFORMATION_SCHEMA.COLUMNS}. Credentials from the profile's {@code keyfile_json}
 * (the key's JSON) or {@code keyfile} (its path), else Application Default Credentials; {@code api_url}
 * points the client at another endpoint (a proxy, or a test server, where no credentials are sent).
 */
public final class BigQueryMetadataReader implements MetadataReader {

    @Override
    public TableColumns read(ReflektProject project, ProfileEntry entry, SourceRef ref, Consumer<String> debug)
            throws ReflektException {
        String sql = "select table_name, column_name, data_type, is_nullable from `" + ref.database() + "."
                + ref.schema() + "`.INFORMATION_SCHEMA.COLUMNS";
        BigQuery bigQuery = client(project, entry, ref);
        debug.accept("Metadata query for " + ref.database() + "." + ref.schema() + ": " + sql);
        try {
            TableResult result = bigQuery.query(
                    QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false).build());
            TableColumns tables = new TableColumns();
            for (FieldValueList row : result.iterateAll()) {
                tables.add(
                        row.get(0).getStringValue(),
                        row.get(1).getStringValue(),
                        row.size() > 3 ? row.get(2).getStringValue() : null,
                        row.size() > 3 ? row.get(3).getStringValue() : null);
            }
            if (tables.tableCount() == 0) {
                throw new ReflektException("Source '" + ref + "' has no tables in dataset " + ref.database() + "."
                        + ref.schema() + ". Check the project and dataset names, or the account's grants.");
            }
            return tables;
        } catch (BigQueryException e) {
            throw new ReflektException(
                    "Cannot read source '" + ref + "' (bigquery, project " + ref.database()
                            + "): HTTP " + e.getCode() + " " + firstLine(e.getMessage())
                            + ". Check the dataset name and the"
                            + " credentials (" + credentialOrigin(entry) + ").",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReflektException("Interrupted while reading source '" + ref + "'.", e);
        }
    }

    private static BigQuery client(ReflektProject project, ProfileEntry entry, SourceRef ref) throws ReflektException {
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
                .setProjectId(entry.get("project").orElse(ref.database()))
                .setRetrySettings(BigQueryOptions.getDefaultRetrySettings().toBuilder()
                        .setMaxAttempts(3)
                        .setTotalTimeout(Duration.ofSeconds(60))
                        .build());
        entry.get("location").ifPresent(options::setLocation);
        Optional<String> apiUrl = entry.get("api_url");
        apiUrl.ifPresent(options::setHost);
        options.setCredentials(credentials(project, entry, apiUrl.isPresent()));
        return options.build().getService();
    }

    private static Credentials credentials(ReflektProject project, ProfileEntry entry, boolean customEndpoint)
            throws ReflektException {
        try {
            Optional<String> json = entry.get("keyfile_json");
            if (json.isPresent()) {
                return fromStream(new ByteArrayInputStream(json.get().getBytes(StandardCharsets.UTF_8)));
            }
            Optional<String> file = entry.get("keyfile");
            if (file.isPresent()) {
                try (InputStream in = Files.newInputStream(project.resolvePath(file.get()))) {
                    return fromStream(in);
                }
            }
            if (customEndpoint) {
                return NoCredentials.getInstance();
            }
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException | RuntimeException e) {
            throw new ReflektException(
                    "Cannot load BigQuery credentials (" + credentialOrigin(entry) + "): "
                            + firstLine(e.getMessage())
                            + ". Set keyfile_json or keyfile in the profile, or run `gcloud auth"
                            + " application-default login`.",
                    e);
        }
    }

    private static Credentials fromStream(InputStream in) throws IOException {
        return ServiceAccountCredentials.fromStream(in)
                .createScoped("https://www.googleapis.com/auth/bigquery.readonly");
    }

    private static String credentialOrigin(ProfileEntry entry) {
        if (entry.get("keyfile_json").isPresent()) {
            return "keyfile_json from " + entry.origin("keyfile_json");
        }
        if (entry.get("keyfile").isPresent()) {
            return "keyfile from " + entry.origin("keyfile");
        }
        return entry.get("api_url").isPresent()
                ? "none sent to api_url " + entry.get("api_url").get()
                : "application default credentials";
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse(message);
    }
}
