package dev.reflekt.core.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code artifacts.dbt} of {@code reflekt_project.yml}; absent keys take the Python CLI's template values
 * or, for what the Python CLI did not have, the defaults the README documents.
 *
 * @param sourcesPrefix file prefix of source files ({@code __src_})
 * @param modelsPrefix file prefix of staging models ({@code stg_})
 * @param modelsFilter SQL appended to each model's source CTE (may be empty)
 * @param docsPrefix file prefix of docs files ({@code _stg_})
 * @param docsInFolder whether docs go in a {@code docs/} folder
 * @param docsTests dbt tests per raw column name ({@code id: [unique, not_null]}), in file order
 * @param dbtVersion the oldest dbt version the package must run on ({@code dbt_version}, default {@value #DEFAULT_DBT_VERSION})
 * @param freshness source freshness, or null for none
 * @param materialized {@code view}, {@code table} or {@code incremental}
 * @param etlOverlap hours an incremental run re-reads
 * @param contract whether columns are cast to their schema types under an enforced contract
 * @param parquet whether history and current-state models are Parquet files (DuckDB)
 * @param constraintTests whether data tests come from the schemas' constraints
 * @param constraintTestsSeverity {@code warn} or {@code error}: the severity of the constraint tests
 * @param entities entity keys by schema {@code $id}
 * @param profilesSync the Profiles Sync models, or null for none
 * @param underscoreDivideNumbers RudderStack's destination setting of that name: whether its table and column
 *     names split digits from the letters before them
 * @param amplitudeProjectId the Amplitude project whose export table ({@code events_<id>}) the models read, or null
 */
public record DbtConfig(
        String sourcesPrefix,
        String modelsPrefix,
        String modelsFilter,
        String docsPrefix,
        boolean docsInFolder,
        Map<String, List<String>> docsTests,
        String dbtVersion,
        Freshness freshness,
        String materialized,
        int etlOverlap,
        boolean contract,
        boolean parquet,
        boolean constraintTests,
        String constraintTestsSeverity,
        Map<String, Entity> entities,
        ProfilesSync profilesSync,
        boolean underscoreDivideNumbers,
        String amplitudeProjectId) {

    /** Hours an incremental run re-reads when nothing says otherwise; Segment's Profiles Sync package uses 28. */
    public static final int DEFAULT_ETL_OVERLAP = 28;

    public DbtConfig {
        docsTests = Collections.unmodifiableMap(new LinkedHashMap<>(docsTests));
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    /** The settings of a project that configures nothing: the Python CLI's template values. */
    public static DbtConfig defaults() {
        return new DbtConfig(
                "__src_",
                "stg_",
                "",
                "_stg_",
                false,
                Map.of(),
                DEFAULT_DBT_VERSION,
                null,
                "view",
                DEFAULT_ETL_OVERLAP,
                true,
                false,
                true,
                "warn",
                Map.of(),
                null,
                false,
                null);
    }

    /**
     * Source freshness thresholds.
     *
     * @param warnAfter {@code 24h}-style duration, or null
     * @param errorAfter {@code 48h}-style duration, or null
     */
    public record Freshness(String warnAfter, String errorAfter) {}

    /**
     * The entity an event schema describes, for its current-state projection.
     *
     * @param key the property that identifies the entity
     * @param orderBy the model column ordering its events, or null for {@code received_at_tstamp}
     * @param tombstone a boolean property that deletes the entity when true in its latest event, or null
     */
    public record Entity(String key, String orderBy, String tombstone) {}

    /**
     * Models over Segment Profiles Sync tables.
     *
     * @param schema where Profiles Sync lands its {@code *_updates} tables
     * @param etlOverlap hours an incremental run re-reads
     * @param materialization {@code incremental}, {@code table} or {@code view}
     */
    public record ProfilesSync(String schema, int etlOverlap, String materialization) {}

    /** The default {@code dbt_version}: the forms that dbt Core 1.10.5 and later and dbt 2 (Fusion) both read. */
    public static final String DEFAULT_DBT_VERSION = "1.10.5";

    /**
     * The oldest dbt that reads the package written for this config: the newest syntax it writes decides
     * ({@code arguments:} 1.10.5, {@code config:} freshness 1.10, {@code data_tests} 1.8, contracts 1.5).
     */
    public String requiredDbtVersion() {
        if (testArguments()) {
            return "1.10.5";
        }
        if (sourceConfig()) {
            return "1.10.0";
        }
        if (dataTests()) {
            return "1.8.0";
        }
        if (contracts()) {
            return "1.5.0";
        }
        return "1.0.0";
    }

    /**
     * The first dbt version the package does not claim: 3.0.0 when it is written in the forms dbt 2 (Fusion)
     * reads (test arguments under {@code arguments:}, source freshness under {@code config:}), else 2.0.0,
     * because Fusion rejects the older forms.
     */
    public String dbtVersionBelow() {
        return testArguments() ? "3.0.0" : "2.0.0";
    }

    /** Whether generic tests take their arguments under {@code arguments:} (dbt 1.10.5, and Fusion). */
    public boolean testArguments() {
        return atLeast(1, 10, 5);
    }

    /** Whether a source table's {@code loaded_at_field} and {@code freshness} go under {@code config:} (1.10). */
    public boolean sourceConfig() {
        return atLeast(1, 10, 0);
    }

    /** Whether the package targets dbt 1.8 or later, which calls column tests {@code data_tests}. */
    public boolean dataTests() {
        return atLeast(1, 8, 0);
    }

    /** Whether model contracts are configured and the dbt version has them (1.5). */
    public boolean contracts() {
        return contract && atLeast(1, 5, 0);
    }

    /** Whether the configured dbt version is at least {@code major.minor.patch}; unreadable versions count as new. */
    public boolean atLeast(int major, int minor, int patch) {
        String[] parts = dbtVersion.strip().split("\\.");
        try {
            int[] v = new int[3];
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                v[i] = Integer.parseInt(parts[i]);
            }
            return java.util.Arrays.compare(v, new int[] {major, minor, patch}) >= 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
