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
 * @param dbtVersion the oldest dbt version the package must run on ({@code dbt_version}, default 1.8)
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
        boolean underscoreDivideNumbers) {

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
                "1.8",
                null,
                "view",
                DEFAULT_ETL_OVERLAP,
                true,
                false,
                true,
                "warn",
                Map.of(),
                null,
                false);
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

    /**
     * The oldest dbt that reads the package written for this config: the newest syntax it writes decides
     * ({@code arguments:} 1.10.5, {@code config:} freshness 1.10, {@code data_tests} 1.8, contracts 1.5).
     */
    public String requiredDbtVersion() {
        if (atLeast(1, 11)) {
            return "1.10.5"; // generic test arguments under arguments:
        }
        if (atLeast(1, 10)) {
            return "1.10.0"; // loaded_at_field and freshness under a source table's config:
        }
        if (dataTests()) {
            return "1.8.0"; // data_tests:
        }
        if (contract() && atLeast(1, 5)) {
            return "1.5.0"; // model contracts
        }
        return "1.0.0";
    }

    /** Whether the package targets dbt 1.8 or later, which calls column tests {@code data_tests}. */
    public boolean dataTests() {
        return atLeast(1, 8);
    }

    /** Whether the configured dbt version is at least {@code major.minor}; unreadable versions count as new. */
    public boolean atLeast(int major, int minor) {
        String[] parts = dbtVersion.strip().split("\\.");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
