package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.naming.Inflection;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.ColumnType;
import dev.reflekt.core.warehouse.TableColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the models of a dbt package for data collected with Segment: one per event schema, plus
 * {@code users} for an Identify schema, {@code groups} for a Group schema, and {@code tracks}. Columns
 * are Segment's common fields then the schema's properties; with warehouse metadata only the columns
 * that exist are kept, without it Segment's always-present columns and every property.
 */
final class SegmentPlanner implements Collector.Planner {

    /** Names of the lineage columns; a property with one of these names gets a leading {@code _}. */
    private static final Set<String> LINEAGE = Set.of("call_type", "source_schema", "source_table", "schema_id");

    private static final Map<String, String> SPECIAL_TABLES =
            Map.of("identify", "identifies", "group", "groups", "page_viewed", "pages", "screen_viewed", "screens");

    private static final String USER_ID = "Identifier of the user: the user_id of their identify calls.";

    private final DbtConfig dbt;
    private final String sourceSchema;
    private final Optional<TableColumns> warehouse;
    private final List<Model> models = new ArrayList<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<Drift> drift = new ArrayList<>();

    SegmentPlanner(DbtConfig dbt, String sourceSchema, Optional<TableColumns> warehouse) {
        this.dbt = dbt;
        this.sourceSchema = sourceSchema;
        this.warehouse = warehouse;
    }

    /**
     * The raw table Segment loads an event into: {@code Order Completed} → {@code order_completed}. Every
     * character outside {@code [a-z0-9_]} becomes {@code _}, so a name can never become a path or SQL.
     */
    static String table(String eventName) {
        String snake =
                Inflection.underscore(eventName.toLowerCase(Locale.ROOT).strip().replace(' ', '_'));
        String safe = UNSAFE.matcher(snake).replaceAll("_");
        return SPECIAL_TABLES.getOrDefault(safe, safe);
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
            if (!table(name).matches(".*[a-z0-9].*")) {
                problems.add(s.displayPath() + ":" + s.tree().position("/self/name") + ": self.name '" + name
                        + "' makes no table name (it needs a letter or digit); rename the event.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        for (EventSchema s : schemas) {
            String table = table(s.json().path("self").path("name").asText(""));
            String description = s.json().path("description").asText("");
            Map<String, PropertyColumns.Property> properties = s.properties();
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
    }

    /** A raw column a model may select, and the property it loads (null for Segment's own columns). */
    private record Candidate(String raw, String description, PropertyColumns.Property property) {

        ColumnType type() {
            return property == null ? SegmentColumns.type(raw) : property.type();
        }
    }

    /** Common columns then properties, in order; a raw column may appear twice (common and property). */
    private List<Candidate> candidates(String table, Map<String, PropertyColumns.Property> properties) {
        List<Candidate> out = new ArrayList<>();
        boolean trackTable =
                !Set.of("identifies", "pages", "screens", "groups", "users").contains(table);
        SegmentColumns.COMMON.forEach((column, description) -> {
            boolean alwaysThere = SegmentColumns.ALWAYS_PRESENT.contains(column)
                    || (trackTable && column.equals(SegmentColumns.EVENT_TEXT));
            if (warehouse.isPresent() || alwaysThere) {
                out.add(new Candidate(column, description, null));
            }
        });
        properties.forEach((column, p) -> out.add(new Candidate(column, p.description(), p)));
        return out;
    }

    private List<Candidate> usersCandidates(Map<String, PropertyColumns.Property> traits) {
        List<Candidate> out = new ArrayList<>();
        SegmentColumns.COMMON.forEach((column, description) -> {
            if (!column.equals("user_id")
                    && (warehouse.isPresent() || SegmentColumns.USERS_ALWAYS_PRESENT.contains(column))) {
                out.add(new Candidate(column, column.equals("id") ? USER_ID : description, null));
            }
        });
        traits.forEach((column, p) -> out.add(new Candidate(column, p.description(), p)));
        return out;
    }

    private void model(
            String schemaId,
            String table,
            String description,
            boolean filtered,
            List<Candidate> candidates,
            String metadata) {
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
            String name = free(rename(c.raw(), table, c.property() != null), taken);
            columns.add(new Model.Column(c.raw(), name, c.description(), c.type(), tests(c, table)));
        }
        List<Model.Lineage> lineage = new ArrayList<>();
        lineage.add(new Model.Lineage(
                "call_type",
                callType(table),
                "The Segment call that collected the row:" + " identify, group, page, screen or track."));
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
                SegmentColumns.KEY,
                SegmentColumns.LOADED_AT));
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

    /** Segment's raw names made readable; see the README. Properties keep their names. */
    private static String rename(String raw, String table, boolean property) {
        if (property) {
            return raw;
        }
        return switch (raw) {
            case "id" ->
                switch (table) {
                    case "identifies" -> "identify_id";
                    case "users" -> "user_id";
                    case "groups" -> "group_id";
                    case "pages" -> "page_id";
                    case "screens" -> "screen_id";
                    default -> "event_id";
                };
            case "event_text" -> "event_name";
            case "original_timestamp" -> "original_tstamp";
            case "sent_at" -> "sent_at_tstamp";
            case "received_at" -> "received_at_tstamp";
            case "timestamp" -> "tstamp";
            default -> raw.startsWith("context_") ? raw.substring("context_".length()) : raw;
        };
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

    private static String callType(String table) {
        return switch (table) {
            case "identifies", "users" -> "identify";
            case "groups" -> "group";
            case "pages" -> "page";
            case "screens" -> "screen";
            default -> "track";
        };
    }

    /** {@code self.metadata} as Python's {@code json.dumps} writes it, or null when empty. */
    static String metadata(JsonNode metadata) {
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

    @Override
    public String loadedAtColumn() {
        return SegmentColumns.LOADED_AT;
    }

    @Override
    public List<Drift> drift() {
        return drift;
    }
}
