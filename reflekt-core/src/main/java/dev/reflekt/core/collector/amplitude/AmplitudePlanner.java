package dev.reflekt.core.collector.amplitude;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.dbt.CallTablePlanner;
import dev.reflekt.core.dbt.Collector;
import dev.reflekt.core.dbt.ConstraintTests;
import dev.reflekt.core.dbt.Drift;
import dev.reflekt.core.dbt.EventAudit;
import dev.reflekt.core.dbt.EventSchema;
import dev.reflekt.core.dbt.Jinja;
import dev.reflekt.core.dbt.Model;
import dev.reflekt.core.dbt.PackageRenderer;
import dev.reflekt.core.dbt.PropertyColumns;
import dev.reflekt.core.dbt.Unplanned;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The models of a dbt package for events Amplitude exported to the warehouse ({@link AmplitudeExport}): one per event
 * type and schema MAJOR (its latest MINOR), the rows of that {@code event_type} with the export's own columns, then
 * each property of the schema read from {@code event_properties} with the warehouse's JSON access and typed by the
 * schema; keyed on {@code uuid}, incremental on {@code server_upload_time}. The {@code Identify} schema models
 * {@code $identify} events, its properties read from {@code user_properties}.
 */
final class AmplitudePlanner implements Collector.Planner {

    private static final Set<String> LINEAGE = Set.of("source_schema", "source_table", "schema_id", "schema_metadata");

    private final DbtConfig dbt;
    private final Dialect dialect;
    private final String sourceSchema;
    private final Optional<TableColumns> warehouse;
    private final List<Model> models = new ArrayList<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<Drift> drift = new ArrayList<>();
    private final List<Unplanned> unplanned = new ArrayList<>();
    private final Map<String, Sql> sql = new HashMap<>();
    private final List<String> plannedTypes = new ArrayList<>();
    private String table;

    /**
     * What a model's SQL needs besides its columns: the event type it filters on, the document its properties are
     * in, and for each column the keys of the property it reads (empty for a column of the export's own).
     */
    private record Sql(String eventType, String document, List<List<String>> keys) {}

    AmplitudePlanner(DbtConfig dbt, Dialect dialect, String sourceSchema, Optional<TableColumns> warehouse) {
        this.dbt = dbt;
        this.dialect = dialect;
        this.sourceSchema = sourceSchema;
        this.warehouse = warehouse;
    }

    /** The event type a schema plans: {@code $identify} for {@code Identify}, else its {@code self.name}. */
    static String eventType(EventSchema s) {
        String name = s.json().path("self").path("name").asText("");
        return name.equals("Identify") ? AmplitudeExport.IDENTIFY : name;
    }

    @Override
    public void plan(List<EventSchema> schemas) throws ReflektException {
        table = AmplitudeExport.table(dbt, warehouse, sourceSchema);
        Map<String, EventSchema> latest = new TreeMap<>();
        Map<String, String> typeOfName = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (EventSchema s : schemas) {
            String name = s.json().path("self").path("name").asText("");
            String version = s.json().path("self").path("version").asText("");
            String snake = AmplitudeNames.snake(name);
            if (!version.matches("[1-9][0-9]*-[0-9]+")) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/version") + ": self.version '" + version
                        + "' is not MAJOR-MINOR; correct it.");
                continue;
            }
            if (snake.isEmpty()) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/name") + ": self.name '" + name
                        + "' makes no model name (it needs a letter or digit); rename the event.");
                continue;
            }
            String other = typeOfName.putIfAbsent(snake, name);
            if (other != null && !other.equals(name)) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/name") + ": event types '" + other
                        + "' and '" + name + "' make one model name '" + snake + "'; rename one of them.");
                continue;
            }
            int major = Integer.parseInt(version.split("-")[0]);
            String base = snake + (major == 1 ? "" : "__v" + major);
            EventSchema before = latest.get(base);
            if (before != null && minor(before) == minor(s)) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/version") + ": it and "
                        + before.displayPath() + " both plan event type '" + name + "' " + version + ", and"
                        + " Amplitude's events carry no vendor or version to tell them apart; rename one event, or"
                        + " build the schemas of one vendor (reflekt.select).");
                continue;
            }
            if (before == null || minor(s) > minor(before)) {
                latest.put(base, s);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        tables.put(table, "Amplitude's export: one row per event of every type, properties in JSON documents.");
        Optional<Set<String>> columns = warehouse.map(w -> w.columns(table).orElse(null));
        if (warehouse.isPresent() && columns.isEmpty()) {
            latest.values().forEach(s -> drift.add(new Drift(s.id(), table, "")));
            return;
        }
        latest.forEach((base, s) -> model(base, s, columns));
        latest.values().stream().map(AmplitudePlanner::eventType).distinct().forEach(plannedTypes::add);
        warehouse.ifPresent(w -> w.tables().stream()
                .filter(t -> !AmplitudeExport.own(t))
                .forEach(t -> unplanned.add(new Unplanned(t, ""))));
    }

    private static int minor(EventSchema s) {
        return Integer.parseInt(s.json().path("self").path("version").asText().split("-")[1]);
    }

    private void model(String base, EventSchema s, Optional<Set<String>> existing) {
        String eventType = eventType(s);
        String document = eventType.equals(AmplitudeExport.IDENTIFY)
                ? AmplitudeExport.USER_PROPERTIES
                : AmplitudeExport.EVENT_PROPERTIES;
        List<Model.Column> columns = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        Set<String> taken = new HashSet<>(LINEAGE);
        AmplitudeExport.COLUMNS.forEach((column, description) -> {
            if (existing.isPresent() && !existing.get().contains(column)) {
                return;
            }
            taken.add(column);
            columns.add(new Model.Column(
                    column,
                    column,
                    description,
                    AmplitudeExport.TYPES.getOrDefault(column, ColumnType.STRING),
                    docsTests(column),
                    null));
            keys.add(List.of());
        });
        if (existing.isPresent() && !existing.get().contains(document)) {
            drift.add(new Drift(s.id(), table, document));
        } else {
            Map<String, PropertyColumns.Property> properties = s.properties(k -> String.join("\0", k));
            properties.forEach((joined, p) -> {
                List<String> path = List.of(joined.split("\0", -1));
                String name = AmplitudeNames.column(path);
                name = name.substring(0, Math.min(name.length(), dialect.maxIdentifierLength() - 8));
                while (taken.contains(name)) {
                    name = "_" + name;
                }
                taken.add(name);
                List<Model.DataTest> tests = new ArrayList<>();
                if (dbt.constraintTests()) {
                    ConstraintTests.of(p, true).forEach(t -> tests.add(t.withSeverity(dbt.constraintTestsSeverity())));
                }
                columns.add(new Model.Column(
                        document + "." + String.join(".", path), name, p.description(), p.type(), tests, p.path()));
                keys.add(path);
            });
        }
        List<Model.Lineage> lineage = new ArrayList<>();
        lineage.add(new Model.Lineage("source_schema", sourceSchema, "The warehouse schema the raw data is in."));
        lineage.add(new Model.Lineage("source_table", table, "The raw table the row comes from."));
        lineage.add(new Model.Lineage(
                "schema_id", s.id(), "The Reflekt schema that governs the event (the latest MINOR of its MAJOR)."));
        String metadata = CallTablePlanner.metadata(s.json().path("self").path("metadata"));
        if (metadata != null) {
            lineage.add(
                    new Model.Lineage("schema_metadata", metadata, "The schema's metadata (self.metadata), as JSON."));
        }
        Model model = new Model(
                dbt.modelsPrefix() + sourceSchema + "__" + base,
                table,
                s.json().path("description").asText(""),
                !dbt.modelsFilter().isEmpty(),
                columns,
                lineage,
                s.id(),
                "uuid",
                AmplitudeExport.LOADED_AT);
        models.add(model);
        sql.put(model.name(), new Sql(eventType, document, keys));
    }

    private List<Model.DataTest> docsTests(String raw) {
        List<Model.DataTest> tests = new ArrayList<>();
        dbt.docsTests().getOrDefault(raw, List.of()).forEach(t -> tests.add(new Model.DataTest(t, Map.of())));
        return tests;
    }

    @Override
    public String modelSql(Model model, PackageRenderer renderer, String sourceName) {
        Sql q = sql.get(model.name());
        boolean typed = renderer.contract(model);
        String document = "e." + dialect.identifier(q.document());
        List<String> select = new ArrayList<>();
        for (int i = 0; i < model.columns().size(); i++) {
            Model.Column c = model.columns().get(i);
            List<String> keys = q.keys().get(i);
            String raw = "e." + dialect.identifier(c.raw());
            String value = !keys.isEmpty()
                    ? dialect.jsonValue(document, keys, c.type(), typed)
                    : typed ? dialect.cast(raw, c.type()) : raw;
            select.add(Jinja.text(value) + " as " + renderer.identifier(c.name()));
        }
        for (Model.Lineage l : model.lineage()) {
            select.add(renderer.lineageValue(l.value(), typed) + " as " + renderer.identifier(l.name()));
        }
        String where = "    where e.event_type = " + Jinja.text(dialect.plainString(q.eventType())) + "\n";
        if (renderer.materialization(model).equals("incremental")) {
            where += "{% if is_incremental() %}\n        and "
                    + renderer.newRows(model, "e." + AmplitudeExport.LOADED_AT) + "\n{% endif %}\n";
        }
        return PackageRenderer.template(
                "events_table_model.sql.vm",
                Map.of(
                        "configLines",
                        "    " + String.join(",\n    ", renderer.config(model)),
                        "sourceName",
                        sourceName,
                        "table",
                        table,
                        "filter",
                        renderer.filterLines(model),
                        "selectList",
                        "        " + String.join(",\n        ", select),
                        "join",
                        "",
                        "where",
                        where));
    }

    @Override
    public List<Model> models() {
        return models;
    }

    @Override
    public Map<String, String> tables() {
        return tables;
    }

    @Override
    public List<Drift> drift() {
        return drift;
    }

    @Override
    public List<Unplanned> unplanned() {
        return unplanned;
    }

    /**
     * The export's events by {@code event_type}; known are the planned types and Amplitude's own: {@code $identify}
     * and the other {@code $} events, autocapture's {@code [Amplitude] ...} events, {@code session_start} and
     * {@code session_end}.
     */
    @Override
    public Optional<EventAudit> audit() {
        if (warehouse.isPresent()
                && !warehouse
                        .get()
                        .columns(table)
                        .orElse(Set.of())
                        .containsAll(Set.of("event_type", AmplitudeExport.LOADED_AT))) {
            return Optional.empty();
        }
        List<List<EventAudit.Match>> known = new ArrayList<>();
        plannedTypes.forEach(t -> known.add(List.of(EventAudit.Match.is("event_type", t))));
        known.add(List.of(EventAudit.Match.startsWith("event_type", "$")));
        known.add(List.of(EventAudit.Match.startsWith("event_type", "[Amplitude] ")));
        known.add(List.of(EventAudit.Match.is("event_type", "session_start")));
        known.add(List.of(EventAudit.Match.is("event_type", "session_end")));
        return Optional.of(new EventAudit(
                table,
                AmplitudeExport.LOADED_AT,
                Map.of("event_type", "The event's name, as the app sent it."),
                known));
    }

    @Override
    public String loadedAtColumn() {
        return AmplitudeExport.LOADED_AT;
    }
}
