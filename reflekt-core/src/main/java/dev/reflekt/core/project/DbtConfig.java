package dev.reflekt.core.project;

import java.util.List;
import java.util.Map;

/**
 * {@code artifacts.dbt} of {@code reflekt_project.yml}; absent keys take the Python CLI's template values.
 *
 * @param sourcesPrefix file prefix of source files ({@code __src_})
 * @param modelsPrefix file prefix of staging models ({@code stg_})
 * @param modelsFilter SQL appended to each model's source CTE (may be empty)
 * @param docsPrefix file prefix of docs files ({@code _stg_})
 * @param docsInFolder whether docs go in a {@code docs/} folder
 * @param docsTests dbt tests per raw column name ({@code id: [unique, not_null]}), in file order
 * @param dbtVersion the oldest dbt version the package must run on ({@code dbt_version}, default 1.8)
 */
public record DbtConfig(
        String sourcesPrefix,
        String modelsPrefix,
        String modelsFilter,
        String docsPrefix,
        boolean docsInFolder,
        Map<String, List<String>> docsTests,
        String dbtVersion) {

    public DbtConfig {
        docsTests = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(docsTests));
    }

    /** Whether the package targets dbt 1.8 or later, which calls column tests {@code data_tests}. */
    public boolean dataTests() {
        String[] parts = dbtVersion.strip().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 8);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
