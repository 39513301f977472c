package dev.reflekt.core.warehouse;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import java.util.function.Consumer;

/** Reads a warehouse's tables and columns with a client that is not JDBC (BigQuery's). */
public interface MetadataReader {

    /** The class implementing it for BigQuery, loaded where its client library is. */
    String BIGQUERY = "dev.reflekt.core.warehouse.bigquery.BigQueryMetadataReader";

    /** The BigQuery client the plugin fetches (with its dependencies) when a build reads BigQuery. */
    String BIGQUERY_CLIENT = "com.google.cloud:google-cloud-bigquery:2.54.0";

    /**
     * The tables and columns of {@code ref}'s dataset, with one query.
     *
     * @param debug receives the metadata query
     */
    TableColumns read(ReflektProject project, ProfileEntry entry, SourceRef ref, Consumer<String> debug)
            throws ReflektException;
}
