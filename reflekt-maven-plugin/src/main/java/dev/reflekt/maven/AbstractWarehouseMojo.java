package dev.reflekt.maven;

import java.util.Map;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * A goal that may read a warehouse schema of the profile ({@code build}, {@code infer}): the source, the profile, the
 * collector whose layout it has, and the JDBC drivers or BigQuery client, fetched only when a source is read.
 */
abstract class AbstractWarehouseMojo extends AbstractReflektMojo {

    /**
     * The raw data: {@code source_id.database.schema}, a source entry of the profile and where the events are. Default:
     * none ({@code build}: an offline build, database {@code raw} and schema the project name in snake case;
     * {@code infer}: give this or {@code reflekt.events}). Property {@code reflekt.source}.
     */
    @Parameter(property = "reflekt.source")
    protected String source;

    /** The profile of {@code reflekt_profiles.yml}. Default: {@code default_profile}. Property {@code reflekt.profile}. */
    @Parameter(property = "reflekt.profile")
    protected String profile;

    /**
     * How the events were collected, which decides the raw tables: {@code segment}, {@code rudderstack} or
     * {@code snowplow}. Default {@code segment}; property {@code reflekt.sdk}.
     */
    @Parameter(property = "reflekt.sdk", defaultValue = "segment")
    protected String sdk;

    /**
     * JDBC drivers replacing the pinned ones, per warehouse type:
     * a {@code drivers} map with one element per type, e.g. {@code postgres} set to {@code org.postgresql:postgresql:42.7.8}. No default.
     */
    @Parameter
    private Map<String, String> drivers;

    @Component
    private RepositorySystem repositorySystem;

    /** Fetches a warehouse's driver or client through Maven's resolver when asked; close it after. */
    protected DriverResolver resolver() {
        return new DriverResolver(
                repositorySystem,
                session.getRepositorySession(),
                project.getRemoteProjectRepositories(),
                drivers == null ? Map.of() : drivers,
                getLog());
    }
}
