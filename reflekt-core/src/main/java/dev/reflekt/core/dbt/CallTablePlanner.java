package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the models of a dbt package for a collector that loads Segment's spec into call and event tables
 * ({@link CallTableRules}): one per event schema, plus {@code users} for an Identify schema, {@code groups} for
 * a Group schema, and {@code tracks}. Columns are the collector's own then the schema's properties; with
 * warehouse metadata only the columns that exist are kept, without it the always-present columns and every
 * property.
 */
public final class CallTablePlanner implements Collector.Planner {

    /** Names of the lineage columns; a property with one of these names gets a leading {@code _}. */
    private static final Set<String> LINEAGE = Set.of("call_type", "source_schema", "source_table", "schema_id");

    private static final String USER_ID = "Identifier of the user: the user_id of their identify calls.";

    private final CallTableRules rules;
    private final DbtConfig dbt;
    private final String sourceSchema;
    private final Optional<TableColumns> warehouse;
    private final List<Model> models = new ArrayList<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<Drift> drift = new ArrayList<>();
    private final List<Unplanned> unplanned = new ArrayList<>();
    /** Per raw table, every raw column a model of it selects or would select. */
    private final Map<String, Set<String>> planned = new LinkedHashMap<>();

    public CallTablePlanner(
            CallTableRules rules, DbtConfig dbt, String sourceSchema, Optional<TableColumns> warehouse) {
        this.rules = rules;
        this.dbt = dbt;
        this.sourceSchema = sourceSchema;
        this.warehouse = warehouse;
    }

    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^a-z0-9_]");

    /**
     * Plans every model for {@code schemas}, in order, then {@code tracks}.
     *
     * @throws ReflektException when a schema's name makes no table name, naming each such schema
     */
    @Override
    public void plan(List<EventSchema> schemas) throws ReflektException {
        List<String> problems = new ArrayList<>();
        for (EventSchema s : schemas) {
            String name = s.json().path("self").path("name").asText("");
            if (!rules.table(name).matches(".*[a-z0-9].*")) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/name") + ": self.name '" + name
                        + "' makes no table name (it needs a letter or digit); rename the event.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        for (EventSchema s : schemas) {
            String table = rules.table(s.json().path("self").path("name").asText(""));
            String description = s.json().path("description").asText("");
            String callType = CallTableRules.callType(table);
            Map<String, PropertyColumns.Property> properties = s.properties(keys -> rules.column(keys, callType));
            String metadata = metadata(s.json().path("self").path("metadata"));
            switch (table) {
                case "identifies" -> {
                    model(s.id(), table, description, true, candidates(table, properties), metadata);
                    Map<String, PropertyColumns.Property> traits = new LinkedHashMap<>(properties);
                    traits.remove("user_id");
                    model(
                            s.id(),
                            "users",
                            "User traits set by identify() calls: the latest traits of each user.",
                            false,
                            usersCandidates(traits),
                            null);
                }
                case "groups" -> model(s.id(), table, description, false, candidates(table, properties), null);
                default -> model(s.id(), table, description, true, candidates(table, properties), metadata);
            }
        }
        model(
                null,
                "tracks",
                "A summary of track() calls from all events; properties unique to each event are"
                        + " in the event's own model.",
                true,
                candidates("tracks", Map.of()),
                null);
        warehouse.ifPresent(this::unplanned);
    }

    /** The tables and columns of the warehouse that no model plans and the collector does not own. */
    private void unplanned(TableColumns w) {
        for (String table : w.tables()) {
            Set<String> columns = planned.get(table);
            if (columns == null) {
                if (!rules.ownTables().contains(table)) {
                    unplanned.add(new Unplanned(table, ""));
                }
                continue;
            }
            for (String column : new java.util.TreeSet<>(w.columns(table).orElse(Set.of()))) {
                if (!columns.contains(column) && !rules.ownColumn(column)) {
                    unplanned.add(new Unplanned(table, column));
                }
            }
        }
    }

    /** A raw column a model may select, and the property it loads (null for the collector's own columns). */
    private record Candidate(String raw, String description, ColumnType type, PropertyColumns.Property property) {}

    /** The collector's columns then properties, in order; a raw column may appear twice (common and property). */
    private List<Candidate> candidates(String table, Map<String, PropertyColumns.Property> properties) {
        List<Candidate> out = new ArrayList<>();
        String callType = CallTableRules.callType(table);
        rules.common().forEach((column, description) -> {
            if (warehouse.isPresent() || rules.alwaysPresent(column, callType)) {
                out.add(new Candidate(column, description, rules.type(column), null));
            }
        });
        properties.forEach((column, p) -> out.add(new Candidate(column, p.description(), p.type(), p)));
        return out;
    }

    private List<Candidate> usersCandidates(Map<String, PropertyColumns.Property> traits) {
        List<Candidate> out = new ArrayList<>();
        rules.common().forEach((column, description) -> {
            if (!column.equals("user_id") && (warehouse.isPresent() || rules.alwaysPresentInUsers(column))) {
                out.add(new Candidate(
                        column, column.equals(rules.key()) ? USER_ID : description, rules.type(column), null));
            }
        });
        traits.forEach((column, p) -> out.add(new Candidate(column, p.description(), p.type(), p)));
        return out;
    }

    private void model(
            String schemaId,
            String table,
            String description,
            boolean filtered,
            List<Candidate> candidates,
            String metadata) {
        Set<String> plannedColumns = planned.computeIfAbsent(table, t -> new HashSet<>());
        candidates.forEach(c -> plannedColumns.add(c.raw().toLowerCase(Locale.ROOT)));
        Optional<Set<String>> existing = warehouse.map(w -> w.columns(table).orElse(null));
        if (warehouse.isPresent() && existing.isEmpty()) {
            drift.add(new Drift(schemaId == null ? "" : schemaId, table, ""));
            return;
        }
        List<Model.Column> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Candidate c : candidates) {
            if (existing.isPresent() && !existing.get().contains(c.raw())) {
                if (c.property() != null) {
                    drift.add(new Drift(schemaId == null ? "" : schemaId, table, c.raw()));
                }
                continue;
            }
            String name = free(c.property() != null ? c.raw() : rules.rename(c.raw(), table), taken);
            columns.add(new Model.Column(
                    c.raw(),
                    name,
                    c.description(),
                    c.type(),
                    tests(c, table),
                    c.property() == null ? null : c.property().path()));
        }
        List<Model.Lineage> lineage = new ArrayList<>();
        lineage.add(new Model.Lineage(
                "call_type",
                CallTableRules.callType(table),
                "The " + rules.product() + " call that collected the row: identify, group, page, screen or track."));
        lineage.add(new Model.Lineage("source_schema", sourceSchema, "The warehouse schema the raw data is in."));
        lineage.add(new Model.Lineage("source_table", table, "The raw table the row comes from."));
        lineage.add(new Model.Lineage(
                "schema_id",
                schemaId,
                schemaId == null
                        ? "The Reflekt schema that governs the event; null in tracks, which summarizes every event."
                        : "The Reflekt schema that governs the event."));
        if (metadata != null) {
            lineage.add(new Model.Lineage(
                    "schema_metadata", metadata, "The schema's metadata (self.metadata), as" + " JSON."));
        }
        tables.putIfAbsent(table, description);
        models.add(new Model(
                modelName(schemaId, table),
                table,
                description,
                filtered && !dbt.modelsFilter().isEmpty(),
                columns,
                lineage,
                schemaId,
                rules.key(),
                rules.loadedAt()));
    }

    /** {@code docs.tests} for the raw column, then the property's constraint tests, each once. */
    private List<Model.DataTest> tests(Candidate c, String table) {
        Set<Model.DataTest> tests = new java.util.LinkedHashSet<>();
        dbt.docsTests().getOrDefault(c.raw(), List.of()).forEach(t -> tests.add(new Model.DataTest(t, Map.of())));
        if (c.property() != null && dbt.constraintTests()) {
            for (Model.DataTest t : ConstraintTests.of(c.property(), !table.equals("users"))) {
                if (tests.stream().noneMatch(t::sameTest)) {
                    tests.add(t.withSeverity(dbt.constraintTestsSeverity()));
                }
            }
        }
        return List.copyOf(tests);
    }

    private String modelName(String schemaId, String table) {
        String version = schemaId == null
                ? "1-0"
                : schemaId.substring(schemaId.lastIndexOf('/') + 1).replace(".json", "");
        String suffix = version.equals("1-0")
                ? ""
                : "__v"
                        + UNSAFE.matcher(version.replace('-', '_').toLowerCase(Locale.ROOT))
                                .replaceAll("_");
        return dbt.modelsPrefix() + sourceSchema + "__" + table + suffix;
    }

    /** A name already taken, or a lineage column's, gets a leading {@code _}. */
    private static String free(String name, Set<String> taken) {
        String n = name;
        while (taken.contains(n) || LINEAGE.contains(n) || n.equals("schema_metadata")) {
            n = "_" + n;
        }
        taken.add(n);
        return n;
    }

    /** {@code self.metadata} as Python's {@code json.dumps} writes it, or null when empty. */
    public static String metadata(JsonNode metadata) {
        if (!metadata.isObject() || metadata.isEmpty()) {
            return null;
        }
        return PythonJson.dumps(metadata);
    }

    @Override
    public List<Model> models() {
        return models;
    }

    /** Source tables in the order models introduced them, with their descriptions. */
    @Override
    public Map<String, String> tables() {
        return tables;
    }

    /**
     * The track calls of {@code tracks}: {@code event} (the table name the collector made of the event's name) and
     * {@code event_text} (the name as sent); known are the events planned here. With warehouse metadata, only when
     * {@code tracks} has both columns.
     */
    @Override
    public Optional<EventAudit> audit() {
        Set<String> needed = Set.of("event", "event_text", rules.loadedAt());
        if (warehouse.isPresent()
                && !warehouse.get().columns("tracks").orElse(Set.of()).containsAll(needed)) {
            return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("event", "The event's table name, as " + rules.product() + " made it of the event's name.");
        columns.put("event_text", "The event's name, as the track call sent it.");
        List<List<EventAudit.Match>> known = new ArrayList<>();
        for (String table : planned.keySet()) { // every planned event, its table in the warehouse or not
            if (!table.equals("tracks") && CallTableRules.callType(table).equals("track")) {
                known.add(List.of(EventAudit.Match.is("event", table)));
            }
        }
        return Optional.of(new EventAudit("tracks", rules.loadedAt(), columns, known));
    }

    @Override
    public String loadedAtColumn() {
        return rules.loadedAt();
    }

    @Override
    public List<Drift> drift() {
        return drift;
    }

    @Override
    public List<Unplanned> unplanned() {
        return unplanned;
    }
}
