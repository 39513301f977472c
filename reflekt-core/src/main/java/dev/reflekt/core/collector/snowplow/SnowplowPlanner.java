package dev.reflekt.core.collector.snowplow;

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
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.project.IgluUri;
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

/**
 * The models of a dbt package for data collected with Snowplow: one per event schema MAJOR (its latest MINOR),
 * reading the events of that schema from {@code atomic.events}, and one per entity schema MAJOR
 * ({@code self.kind: entity}), one row per (event, instance of the entity). Columns are the {@code atomic.events}
 * columns a model of events needs ({@link #COMMON}), then the schema's fields, where the warehouse's loader put
 * them ({@link SnowplowLayout}).
 */
final class SnowplowPlanner implements Collector.Planner {

    /**
     * The {@code atomic.events} columns every model selects: the event's identity and times (incremental runs
     * and freshness go by {@code collector_tstamp}, Snowplow's partition key; analyses by {@code derived_tstamp}),
     * the user and session identifiers a staging model is joined on, and where the event came from.
     */
    private static final Map<String, String> COMMON = common();

    private static final Map<String, ColumnType> TYPES = Map.of(
            "collector_tstamp", ColumnType.TIMESTAMP,
            "derived_tstamp", ColumnType.TIMESTAMP,
            "dvce_created_tstamp", ColumnType.TIMESTAMP);

    private static final Set<String> LINEAGE = Set.of("source_schema", "source_table", "schema_id", "schema_metadata");

    private final DbtConfig dbt;
    private final Dialect dialect;
    private final String sourceSchema;
    private final Optional<TableColumns> warehouse;
    private final SnowplowLayout layout;
    private final List<Model> models = new ArrayList<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<Drift> drift = new ArrayList<>();
    private final List<dev.reflekt.core.dbt.Unplanned> unplanned = new ArrayList<>();
    /** Per planned schema base, the raw fields its model reads (lower case). */
    private final Map<String, Set<String>> planned = new java.util.TreeMap<>();

    private final Map<String, Sql> sql = new HashMap<>();
    /** The planned events (not entities), each as the audit matches it: vendor, name and MAJOR. */
    private final List<List<EventAudit.Match>> plannedEvents = new ArrayList<>();

    /**
     * What a model's SQL needs besides its columns: the reading, the event filter, and for each column the keys of
     * the field it reads (empty for an {@code atomic.events} column).
     */
    private record Sql(SnowplowLayout.Reading reading, List<String> conditions, List<List<String>> fields) {}

    SnowplowPlanner(DbtConfig dbt, Dialect dialect, String sourceSchema, Optional<TableColumns> warehouse) {
        this.dbt = dbt;
        this.dialect = dialect;
        this.sourceSchema = sourceSchema;
        this.warehouse = warehouse;
        this.layout = SnowplowLayout.of(dialect);
    }

    /** Whether a schema describes an entity ({@code self.kind: entity}) rather than an event. */
    static boolean entity(EventSchema s) {
        return s.json().path("self").path("kind").asText("event").equals("entity");
    }

    @Override
    public void plan(List<EventSchema> schemas) throws ReflektException {
        Map<String, EventSchema> latest = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (EventSchema s : schemas) {
            String[] iglu = IgluUri.path(s.id(), s.json()).split("/");
            String version = s.json().path("self").path("version").asText("");
            if (!version.matches("[1-9][0-9]*-[0-9]+")) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/version") + ": self.version '" + version
                        + "' is not MAJOR-MINOR, so the schema has no Iglu URI; correct it.");
                continue;
            }
            if (iglu.length != 4) {
                String vendor = s.json().path("self").path("vendor").asText("");
                problems.add(s.displayPath() + ":" + s.tree().position("/self/vendor") + ": self.vendor '"
                        + vendor + "' cannot be an Iglu vendor (a '/' splits the Iglu URI"
                        + " iglu:vendor/name/jsonschema/version); use a reverse domain such as com.acme.");
                continue;
            }
            String base = SnowplowNames.base(iglu[0], iglu[1], Integer.parseInt(version.split("-")[0]));
            EventSchema other = latest.get(base);
            if (other != null && minor(other) == minor(s)) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/version") + ": it and "
                        + other.displayPath() + " are both Iglu schema " + iglu[0] + "/" + iglu[1] + " "
                        + iglu[3] + " (vendor and folder name), so Snowplow cannot tell their events apart; rename"
                        + " the folder of one or give it another self.vendor.");
                continue;
            }
            latest.merge(base, s, (a, b) -> minor(b) > minor(a) ? b : a);
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        latest.forEach((base, s) -> model(base, s));
        latest.values().stream().filter(s -> !entity(s)).forEach(s -> {
            String[] iglu = IgluUri.path(s.id(), s.json()).split("/");
            plannedEvents.add(List.of(
                    EventAudit.Match.is("event_vendor", iglu[0]),
                    EventAudit.Match.is("event_name", iglu[1]),
                    EventAudit.Match.startsWith("event_version", iglu[3].split("-")[0] + "-")));
        });
        warehouse.ifPresent(w -> unplanned.addAll(layout.unplanned(planned, w)));
    }

    private static int minor(EventSchema s) {
        return Integer.parseInt(s.json().path("self").path("version").asText().split("-")[1]);
    }

    private void model(String base, EventSchema s) {
        boolean entity = entity(s);
        String[] iglu = IgluUri.path(s.id(), s.json()).split("/");
        SnowplowLayout.Reading reading = entity ? layout.entity(base, sourceSchema) : layout.event(base, sourceSchema);
        Map<String, PropertyColumns.Property> properties = s.properties(keys -> String.join("\0", keys));
        List<String> raws = new ArrayList<>();
        properties.keySet().forEach(k -> raws.add(layout.raw(List.of(k.split("\0")))));
        Set<String> plannedRaws = planned.computeIfAbsent(base, b -> new HashSet<>());
        raws.forEach(r -> plannedRaws.add(r.toLowerCase(java.util.Locale.ROOT)));
        List<Drift> missing = warehouse
                .map(w -> layout.missing(s.id(), reading, base, entity, raws, w))
                .orElse(List.of());
        drift.addAll(missing);
        if (missing.stream().anyMatch(d -> d.column().isEmpty())) {
            return;
        }
        Set<String> absent = new HashSet<>();
        missing.forEach(d -> absent.add(d.column()));

        List<Model.Column> columns = new ArrayList<>();
        List<List<String>> fields = new ArrayList<>();
        Set<String> taken = new HashSet<>(LINEAGE);
        Optional<Set<String>> events = warehouse.flatMap(w -> w.columns("events"));
        COMMON.forEach((column, description) -> {
            if (events.isPresent() && !events.get().contains(column)) {
                return;
            }
            ColumnType type = TYPES.getOrDefault(column, ColumnType.STRING);
            taken.add(column);
            List<Model.DataTest> tests = new ArrayList<>(docsTests(column));
            if (entity) {
                // An event has a row per instance of the entity: its columns repeat, so no unique test holds.
                tests.removeIf(t -> t.name().equals("unique"));
            }
            columns.add(new Model.Column(column, column, description, type, tests, null));
            fields.add(List.of());
        });
        properties.forEach((joined, p) -> {
            List<String> keys = List.of(joined.split("\0"));
            String raw = layout.raw(keys);
            if (absent.contains(raw)) {
                return;
            }
            List<String> names = new ArrayList<>();
            keys.forEach(k -> names.add(SnowplowNames.field(k)));
            String name = String.join("_", names);
            while (taken.contains(name)) {
                name = "_" + name;
            }
            taken.add(name);
            List<Model.DataTest> tests = new ArrayList<>(docsTests(raw));
            if (dbt.constraintTests()) {
                ConstraintTests.of(p, true).stream()
                        .filter(t -> tests.stream().noneMatch(t::sameTest))
                        .forEach(t -> tests.add(t.withSeverity(dbt.constraintTestsSeverity())));
            }
            columns.add(new Model.Column(raw, name, p.description(), p.type(), tests, p.path()));
            fields.add(keys);
        });

        List<Model.Lineage> lineage = new ArrayList<>();
        lineage.add(new Model.Lineage("source_schema", sourceSchema, "The warehouse schema the raw data is in."));
        lineage.add(new Model.Lineage("source_table", reading.table(), "The raw table the row comes from."));
        lineage.add(new Model.Lineage(
                "schema_id",
                s.id(),
                "The Reflekt schema that governs the " + (entity ? "entity" : "event")
                        + " (the latest MINOR of its MAJOR)."));
        String metadata = metadata(s);
        if (metadata != null) {
            lineage.add(
                    new Model.Lineage("schema_metadata", metadata, "The schema's metadata (self.metadata), as JSON."));
        }
        List<String> conditions = new ArrayList<>();
        if (!entity) {
            conditions.add("e.event_vendor = " + dialect.plainString(iglu[0]));
            conditions.add("e.event_name = " + dialect.plainString(iglu[1]));
            conditions.add("e.event_version like " + dialect.plainString(iglu[3].split("-")[0] + "-%"));
        }
        String description = s.json().path("description").asText("");
        tables.putIfAbsent("events", "Snowplow's enriched events, one row per event.");
        if (!reading.table().equals("events")) {
            tables.putIfAbsent(reading.table(), description);
        }
        Model model = new Model(
                dbt.modelsPrefix() + sourceSchema + "__" + base,
                "events",
                entity ? description + " One row per event and instance of the entity." : description,
                !dbt.modelsFilter().isEmpty(),
                columns,
                lineage,
                s.id(),
                entity ? null : "event_id",
                "collector_tstamp");
        models.add(model);
        sql.put(model.name(), new Sql(reading, conditions, fields));
    }

    private List<Model.DataTest> docsTests(String raw) {
        List<Model.DataTest> tests = new ArrayList<>();
        dbt.docsTests().getOrDefault(raw, List.of()).forEach(t -> tests.add(new Model.DataTest(t, Map.of())));
        return tests;
    }

    private static String metadata(EventSchema s) {
        return CallTablePlanner.metadata(s.json().path("self").path("metadata"));
    }

    @Override
    public String modelSql(Model model, PackageRenderer renderer, String sourceName) {
        Sql q = sql.get(model.name());
        boolean typed = renderer.contract(model);
        List<String> select = new ArrayList<>();
        for (int i = 0; i < model.columns().size(); i++) {
            Model.Column c = model.columns().get(i);
            List<String> keys = q.fields().get(i);
            String raw = "e." + dialect.identifier(c.raw());
            String value = !keys.isEmpty()
                    ? layout.field(q.reading().data(), keys, c.type(), typed)
                    : typed ? dialect.cast(raw, c.type()) : raw;
            select.add(Jinja.text(value) + " as " + renderer.identifier(c.name()));
        }
        for (Model.Lineage l : model.lineage()) {
            select.add(renderer.lineageValue(l.value(), typed) + " as " + renderer.identifier(l.name()));
        }
        List<String> conditions = new ArrayList<>();
        q.conditions().forEach(c -> conditions.add(Jinja.text(c)));
        String where = conditions.isEmpty() ? "" : "    where " + String.join("\n        and ", conditions) + "\n";
        if (renderer.materialization(model).equals("incremental")) {
            where += "{% if is_incremental() %}\n    " + (conditions.isEmpty() ? "where " : "    and ")
                    + renderer.newRows(model, "e.collector_tstamp") + "\n{% endif %}\n";
        }
        return PackageRenderer.template(
                "events_table_model.sql.vm",
                Map.of(
                        "table",
                        "events",
                        "configLines",
                        "    " + String.join(",\n    ", renderer.config(model)),
                        "sourceName",
                        sourceName,
                        "filter",
                        renderer.filterLines(model),
                        "selectList",
                        "        " + String.join(",\n        ", select),
                        "join",
                        q.reading().join(),
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
    public List<dev.reflekt.core.dbt.Unplanned> unplanned() {
        return unplanned;
    }

    /**
     * The events of {@code atomic.events} by {@code event_vendor}, {@code event_name} and {@code event_version}; known
     * are the planned events' MAJORs and Snowplow's own events (vendors {@code com.snowplowanalytics.*}: page views,
     * page pings, transactions...; {@code com.google.analytics}: structured events). Entities are not events: a context
     * nobody planned is a column or table, which the drift report's unplanned side lists from metadata.
     */
    @Override
    public Optional<EventAudit> audit() {
        Set<String> needed = Set.of("event_vendor", "event_name", "event_version", loadedAtColumn());
        if (warehouse.isPresent()
                && !warehouse.get().columns("events").orElse(Set.of()).containsAll(needed)) {
            return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("event_vendor", "The vendor of the event's schema.");
        columns.put("event_name", "The name of the event's schema.");
        columns.put("event_version", "The version (SchemaVer) of the event's schema.");
        List<List<EventAudit.Match>> known = new ArrayList<>(plannedEvents);
        known.add(List.of(EventAudit.Match.startsWith("event_vendor", "com.snowplowanalytics.")));
        known.add(List.of(EventAudit.Match.is("event_vendor", "com.google.analytics")));
        return Optional.of(new EventAudit("events", loadedAtColumn(), columns, known));
    }

    @Override
    public String loadedAtColumn() {
        return "collector_tstamp";
    }

    /** A shredded table has its event's collector_tstamp as {@code root_tstamp}. */
    @Override
    public String loadedAtColumn(String table) {
        return table.equals("events") ? loadedAtColumn() : "root_tstamp";
    }

    private static Map<String, String> common() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("event_id", "Unique identifier of the event, set by the tracker.");
        c.put(
                "collector_tstamp",
                "When the collector received the event, by its clock; the timestamp incremental runs and freshness"
                        + " go by.");
        c.put(
                "derived_tstamp",
                "When the event happened, corrected for the device's clock skew; the timestamp to analyse by.");
        c.put("dvce_created_tstamp", "When the event was created on the device, by the device's clock.");
        c.put("event_name", "The name of the event's schema.");
        c.put("event_version", "The version (SchemaVer) of the event's schema.");
        c.put("app_id", "The application that sent the event, as the tracker names it.");
        c.put("platform", "The platform the event came from (web, mob, srv, ...).");
        c.put("domain_userid", "The user's first-party cookie id, set by the JavaScript tracker.");
        c.put("domain_sessionid", "The user's session id, set by the tracker.");
        c.put("network_userid", "The user's third-party cookie id, set by the collector.");
        c.put("user_id", "The user's id in the sending system, once they are known.");
        return java.util.Collections.unmodifiableMap(c);
    }
}
