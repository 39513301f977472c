package dev.reflekt.core.dbt;

import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The package's {@code reflekt_propagate_deletions} macro: for every incremental model, one delete of the
 * rows whose source rows no longer exist (Segment's hard deletes). Staging models are matched on their
 * event id, current-state models on the event id of their history, Profiles Sync models on their keys.
 * Deletes run in dependency order (a history before its current state); views, tables and Parquet files
 * are rebuilt whole on every run, so they need none.
 */
final class Deletions {

    private final PackageRenderer renderer;
    private final Dialect dialect;
    private final List<String> statements = new ArrayList<>();

    private final String why;

    /** @param why the macro comment's explanation ({@link Collector#deletionsMacroComment}) */
    Deletions(PackageRenderer renderer, Dialect dialect, String why) {
        this.renderer = renderer;
        this.dialect = dialect;
        this.why = why;
    }

    /** An incremental staging model: rows whose event id is no longer in its raw table. */
    void staging(Model model, String sourceName) {
        if (!renderer.materialization(model).equals("incremental")
                || model.uniqueKey().isEmpty()) {
            return;
        }
        Model.Column key = model.uniqueKey().get();
        add(
                model.name(),
                renderer.identifier(key.name()),
                renderer.identifier(key.raw()),
                "{{ source('" + sourceName + "', '" + model.table() + "') }}");
    }

    /** An incremental current-state model: rows whose event is no longer in its history. */
    void current(CurrentModel current) {
        Model history = current.history();
        if (!renderer.materialization(history).equals("incremental")) {
            return;
        }
        String event = renderer.identifier(history.uniqueKey().orElseThrow().name());
        add(current.name(), event, event, "{{ ref('" + history.name() + "') }}");
    }

    /**
     * A Profiles Sync model keyed by {@code key}, whose keys come from the {@code (source table, column)}
     * pairs of the {@code profiles_sync} source.
     */
    void profilesSync(String model, String key, List<String[]> sourceColumns) {
        List<String[]> sources = new ArrayList<>();
        for (String[] s : sourceColumns) {
            sources.add(new String[] {"{{ source('" + ProfilesSync.SOURCE + "', '" + s[0] + "') }}", s[1]});
        }
        statements.add(statement(model, key, sources));
    }

    private void add(String model, String column, String sourceColumn, String from) {
        statements.add(statement(model, column, List.<String[]>of(new String[] {from, sourceColumn})));
    }

    private String statement(String model, String column, List<String[]> sources) {
        return "{% call statement('reflekt_delete_" + (statements.size() + 1) + "', auto_begin=True) -%}\n    "
                + dialect.deleteMissing("{{ ref('" + model + "') }}", model, column, sources) + "\n{%- endcall %}";
    }

    /** The macro file. */
    String macro() {
        return PackageRenderer.template(
                "deletions.sql.vm",
                Map.of(
                        "statements",
                        statements.isEmpty()
                                ? "{#- No incremental model: nothing to delete. -#}"
                                : String.join("\n", statements),
                        "count",
                        statements.size(),
                        "why",
                        why));
    }
}
