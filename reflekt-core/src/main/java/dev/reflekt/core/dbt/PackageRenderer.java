package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.reflekt.core.internal.Templates;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a planned package into file contents: SQL and text from the Velocity templates beside this
 * class, YAML from Jackson (keys in a fixed order, LF line endings). Output is byte-for-byte stable.
 */
public final class PackageRenderer {

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(YamlScalar.CHECKER)
            .build());

    private final Dialect dialect;
    private final DbtConfig dbt;

    PackageRenderer(Dialect dialect, DbtConfig dbt) {
        this.dialect = dialect;
        this.dbt = dbt;
    }

    public static String template(String name, Map<String, Object> values) {
        return Templates.render("dev/reflekt/core/dbt/" + name, values);
    }

    static String resource(String name) {
        try (InputStream in = PackageRenderer.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How {@code model} is materialized: the configured way, external Parquet files, or a table. */
    public String materialization(Model model) {
        if (dbt.parquet()) {
            return dialect.parquetMaterialization().orElseThrow();
        }
        if (dbt.materialized().equals("incremental")
                && (model.uniqueKey().isEmpty() || model.loadedAt().isEmpty())) {
            return "table"; // nothing to merge on or to filter by
        }
        return dbt.materialized();
    }

    /** Whether the model's docs enforce a contract and its SQL casts every column. */
    public boolean contract(Model model) {
        return dbt.contracts() && !dbt.parquet();
    }

    /** The staging model's SQL. */
    String modelSql(Model model, String sourceName) {
        boolean typed = contract(model);
        List<String> select = new ArrayList<>();
        for (Model.Column c : model.columns()) {
            String raw = identifier(c.raw());
            String value = typed ? dialect.cast(raw, c.type()) : raw;
            select.add(value.equals(raw) && c.name().equals(c.raw()) ? raw : value + " as " + identifier(c.name()));
        }
        for (Model.Lineage l : model.lineage()) {
            select.add(lineageValue(l.value(), typed) + " as " + identifier(l.name()));
        }
        String incremental = materialization(model).equals("incremental")
                ? "{% if is_incremental() %}\n    where " + newRows(model, identifier(model.loadedAtColumn()))
                        + "\n{% endif %}\n"
                : "";
        List<String> config = config(model);
        return template(
                "model.sql.vm",
                Map.of(
                        "configLines",
                        "    " + String.join(",\n    ", config),
                        "sourceName",
                        sourceName,
                        "table",
                        model.table(),
                        "filter",
                        filterLines(model),
                        "selectList",
                        "        " + String.join(",\n        ", select),
                        "incremental",
                        incremental));
    }

    /** The project's {@code models.filter}, indented, when it applies to the model; else nothing. */
    public String filterLines(Model model) {
        StringBuilder lines = new StringBuilder();
        if (model.filtered()) {
            dbt.modelsFilter()
                    .lines()
                    .forEach(line -> lines.append("    ").append(line.strip()).append('\n'));
        }
        return lines.toString();
    }

    /** The config of a staging model: its materialization, the adapter's settings, the key to merge on. */
    public List<String> config(Model model) {
        String materialized = materialization(model);
        List<String> config = new ArrayList<>();
        config.add("materialized = '" + materialized + "'");
        config.addAll(dialect.adapterConfig(materialized, dbt.parquet()));
        if (materialized.equals("incremental")) {
            config.add("unique_key = '" + model.uniqueKey().orElseThrow().name() + "'");
            config.add("on_schema_change = 'append_new_columns'");
        }
        return config;
    }

    /** The condition an incremental run reads by: {@code loadedAt} after the model's latest, less the overlap. */
    public String newRows(Model model, String loadedAt) {
        String loaded = identifier(model.loadedAt().orElseThrow().name());
        return loadedAt + " > "
                + dialect.hoursBefore(
                        "(select max(" + loaded + ") from {{ this }})",
                        "{{ var('etl_overlap', " + dbt.etlOverlap() + ") }}");
    }

    /** The event audit's model name for the source {@code sourceName}; unique across packages, as dbt needs. */
    static String auditModel(String sourceName) {
        return "reflekt__" + sourceName + "__event_audit";
    }

    /** The singular test that fails when the audit has rows. */
    static String auditTest(String sourceName) {
        return "reflekt__" + sourceName + "__unplanned_events";
    }

    /**
     * The event audit's SQL ({@code event_audit.sql.vm}): the rows of the audit's table loaded in the last
     * {@code hours} hours whose event is none of the known ones, grouped by event, with counts and first and last
     * seen. Schema text reaches it only as string literals.
     */
    String auditSql(EventAudit audit, String sourceName, int hours) {
        String loadedAt = identifier(audit.loadedAt());
        List<String> names =
                audit.columns().keySet().stream().map(this::identifier).toList();
        List<String> select = new ArrayList<>(names);
        select.add("count(*) as event_count");
        select.add("min(" + loadedAt + ") as first_seen");
        select.add("max(" + loadedAt + ") as last_seen");
        String where = "";
        if (!audit.known().isEmpty()) {
            List<String> known = new ArrayList<>();
            for (List<EventAudit.Match> event : audit.known()) {
                List<String> matches = new ArrayList<>();
                for (EventAudit.Match m : event) {
                    String column = "coalesce(" + identifier(m.column()) + ", '')";
                    matches.add(
                            m.prefix()
                                    ? column + " like " + Jinja.text(dialect.plainString(m.value() + "%"))
                                    : column + " = " + Jinja.text(dialect.plainString(m.value())));
                }
                known.add("(" + String.join(" and ", matches) + ")");
            }
            where = "where not (\n    " + String.join("\n    or ", known) + "\n)\n";
        }
        return template(
                "event_audit.sql.vm",
                Map.of(
                        "table",
                        audit.table(),
                        "hours",
                        hours,
                        "test",
                        auditTest(sourceName),
                        "sourceName",
                        sourceName,
                        "window",
                        loadedAt + " > "
                                + dialect.hoursBefore(dialect.now(), "{{ var('reflekt_audit_hours', " + hours + ") }}"),
                        "selectList",
                        "    " + String.join(",\n    ", select),
                        "where",
                        where,
                        "groupBy",
                        "    " + String.join(",\n    ", names)));
    }

    /** The event audit's docs: what each column says. */
    String auditDocs(EventAudit audit, String sourceName, int hours) {
        ObjectNode root = YAML.createObjectNode();
        root.put("version", 2);
        ObjectNode m = root.putArray("models").addObject();
        m.put("name", auditModel(sourceName));
        m.put(
                "description",
                "Events in " + audit.table() + " that the plan does not have, seen in the last " + hours
                        + " hours (the var reflekt_audit_hours): one row per event, with how many and when first and"
                        + " last loaded. The test " + auditTest(sourceName) + " fails (warns by default) on any row.");
        ArrayNode columns = m.putArray("columns");
        audit.columns()
                .forEach((name, description) ->
                        columns.addObject().put("name", name).put("description", description));
        columns.addObject().put("name", "event_count").put("description", "How many rows of the event in the window.");
        columns.addObject()
                .put("name", "first_seen")
                .put("description", "The earliest " + audit.loadedAt() + " of the event in the window.");
        columns.addObject()
                .put("name", "last_seen")
                .put("description", "The latest " + audit.loadedAt() + " of the event in the window.");
        return yaml(root);
    }

    /** The singular test on the event audit. */
    static String auditTestSql(EventAudit audit, String sourceName) {
        return template(
                "unplanned_events_test.sql.vm", Map.of("table", audit.table(), "model", auditModel(sourceName)));
    }

    /** The current-state model's SQL; see {@code current.sql.vm}. */
    String currentSql(CurrentModel current) {
        Model history = current.history();
        String materialized = materialization(history);
        String key = identifier(current.key().name());
        String orderBy = identifier(current.orderBy().name());
        String tombstone = current.tombstone() == null
                ? null
                : identifier(current.tombstone().name());
        List<String> config = new ArrayList<>();
        config.add("materialized = '" + materialized + "'");
        config.addAll(dialect.adapterConfig(materialized, dbt.parquet()));
        String incremental = "";
        String deleted = tombstone == null ? "" : "    and not coalesce(" + tombstone + ", false)\n";
        if (materialized.equals("incremental")) {
            config.add("unique_key = '" + current.key().name() + "'");
            config.add("on_schema_change = 'append_new_columns'");
            String loaded = identifier(history.loadedAt().orElseThrow().name());
            incremental = "{% if is_incremental() %}\n    where " + key + " in (\n        select " + key
                    + "\n        from {{ ref('" + history.name() + "') }}\n        where " + loaded + " > "
                    + dialect.hoursBefore(
                            "(select max(" + loaded + ") from {{ this }})",
                            "{{ var('etl_overlap', " + dbt.etlOverlap() + ") }}")
                    + "\n    )\n{% endif %}\n";
            if (tombstone != null) {
                // An incremental run keeps a tombstone so that the merge replaces the entity's row; the
                // hook then deletes it. A full refresh never selects it.
                config.add("post_hook = \"delete from {{ this }} where coalesce(" + tombstone + ", false)\"");
                deleted = "{% if not is_incremental() %}\n" + deleted + "{% endif %}\n";
            }
        }
        List<String> select = new ArrayList<>();
        history.columns().forEach(c -> select.add(identifier(c.name())));
        history.lineage().forEach(l -> select.add(identifier(l.name())));
        return template(
                "current.sql.vm",
                Map.of(
                        "configLines",
                        "    " + String.join(",\n    ", config),
                        "key",
                        key,
                        "orderBy",
                        orderBy,
                        "eventId",
                        identifier(history.uniqueKey().orElseThrow().name()),
                        "history",
                        history.name(),
                        "incremental",
                        incremental,
                        "selectList",
                        "    " + String.join(",\n    ", select),
                        "deleted",
                        deleted));
    }

    /** The current-state model's docs: the history's columns; the key unique and not null. */
    String currentDocs(CurrentModel current) {
        Model history = current.history();
        List<Model.Column> columns = new ArrayList<>();
        for (Model.Column c : history.columns()) {
            List<Model.DataTest> tests = c.equals(current.key())
                    ? List.of(new Model.DataTest("unique", Map.of()), new Model.DataTest("not_null", Map.of()))
                    : List.of();
            columns.add(new Model.Column(c.raw(), c.name(), c.description(), c.type(), tests, c.property()));
        }
        return modelDocs(new Model(
                current.name(),
                history.table(),
                "The current state of each " + current.key().name() + " in " + history.name()
                        + ": its latest event by " + current.orderBy().name()
                        + (current.tombstone() == null
                                ? "."
                                : ", unless that event sets "
                                        + current.tombstone().name() + "."),
                false,
                columns,
                history.lineage(),
                history.schemaId(),
                history.keyColumn(),
                history.loadedAtColumn()));
    }

    /** A SQL identifier, quoted as the dialect wants and inert to Jinja. */
    public String identifier(String name) {
        return Jinja.text(dialect.identifier(name));
    }

    /** A lineage literal; typed models cast it to the very type their contract declares. */
    public String lineageValue(String value, boolean typed) {
        if (!typed) {
            return value == null ? dialect.nullString() : Jinja.text(dialect.stringLiteral(value));
        }
        return "cast(" + (value == null ? "null" : Jinja.text(dialect.plainString(value))) + " as "
                + dialect.typeName(ColumnType.STRING) + ")";
    }

    /** The model's docs: description, contract, columns with descriptions, types and tests. */
    String modelDocs(Model model) {
        ObjectNode root = YAML.createObjectNode();
        root.put("version", 2);
        ObjectNode m = root.putArray("models").addObject();
        m.put("name", model.name());
        m.put("description", model.description());
        boolean typed = contract(model);
        if (typed) {
            m.putObject("config").putObject("contract").put("enforced", true);
        }
        ArrayNode columns = m.putArray("columns");
        for (Model.Column c : model.columns()) {
            ObjectNode col = columns.addObject();
            col.put("name", c.name());
            col.put("description", c.description());
            if (typed) {
                col.put("data_type", dialect.typeName(c.type()));
            }
            tests(col, c.tests());
        }
        for (Model.Lineage l : model.lineage()) {
            ObjectNode col = columns.addObject().put("name", l.name()).put("description", l.description());
            if (typed) {
                col.put("data_type", dialect.typeName(ColumnType.STRING));
            }
        }
        return yaml(root);
    }

    /** Writes {@code tests} under the key and in the argument form of the configured dbt version. */
    void tests(ObjectNode column, List<Model.DataTest> tests) {
        if (tests.isEmpty()) {
            return;
        }
        ArrayNode list = column.putArray(dbt.dataTests() ? "data_tests" : "tests");
        for (Model.DataTest t : tests) {
            if (t.arguments().isEmpty() && t.severity() == null) {
                list.add(t.name());
                continue;
            }
            ObjectNode test = list.addObject().putObject(t.name());
            if (!t.arguments().isEmpty()) {
                ObjectNode args = dbt.testArguments() ? test.putObject("arguments") : test;
                args.setAll((ObjectNode) YAML.valueToTree(t.arguments()));
            }
            if (t.severity() != null) {
                test.putObject("config").put("severity", t.severity());
            }
        }
    }

    /** {@code packages.yml} when a test needs dbt_utils, else null. */
    static String packages(List<Model> models) {
        boolean utils = models.stream()
                .flatMap(m -> m.columns().stream())
                .flatMap(c -> c.tests().stream())
                .anyMatch(Model.DataTest::needsDbtUtils);
        if (!utils) {
            return null;
        }
        ObjectNode root = YAML.createObjectNode();
        ObjectNode p = root.putArray("packages").addObject();
        p.put("package", "dbt-labs/dbt_utils");
        p.putArray("version").add(">=1.0.0").add("<2.0.0");
        return yaml(root);
    }

    /** Keys of a source that Reflekt writes; a user's other keys are kept across builds. */
    private static final java.util.Set<String> SOURCE_KEYS =
            java.util.Set.of("name", "database", "schema", "description", "tables");

    /** Keys of a source table (and of its {@code config:}) that Reflekt writes. */
    private static final java.util.Set<String> TABLE_KEYS =
            java.util.Set.of("name", "description", "loaded_at_field", "freshness");

    /**
     * The sources file: this build's source and tables, written anew. Of {@code existing} (the previous
     * build's file, possibly edited by hand) only what Reflekt never writes survives: other sources, tables
     * a user added (not in {@code previousTables}), and the keys Reflekt does not write ({@link #SOURCE_KEYS},
     * {@link #TABLE_KEYS}, also under {@code config:}) of this source and of the tables it still declares.
     * So the file is a function of the schemas, the target and what the user added.
     *
     * @param previousTables the tables the previous build generated; null when unknown (all of them)
     */
    String sources(
            JsonNode existing,
            java.util.Set<String> previousTables,
            String sourceName,
            String database,
            String schema,
            String description,
            Map<String, String> tables,
            java.util.function.UnaryOperator<String> loadedAtColumn) {
        ObjectNode source = YAML.createObjectNode();
        source.put("name", sourceName);
        source.put("database", database);
        source.put("schema", schema);
        source.put("description", description);
        ArrayNode generatedTables = source.putArray("tables");
        tables.forEach((name, tableDescription) -> {
            ObjectNode table = generatedTables.addObject().put("name", name).put("description", tableDescription);
            freshness(table, loadedAtColumn.apply(name));
        });
        source = (ObjectNode) Jinja.inert(source);
        ArrayNode list = (ArrayNode) source.get("tables");
        ArrayNode sources = YAML.createArrayNode();
        boolean placed = false;
        if (existing != null && existing.path("sources").isArray()) {
            for (JsonNode old : existing.path("sources")) {
                if (!old.isObject() || !sourceName.equals(old.path("name").asText())) {
                    sources.add(old);
                    continue;
                }
                if (placed) {
                    continue;
                }
                keepUserKeys(source, old, SOURCE_KEYS);
                for (JsonNode oldTable : old.path("tables")) {
                    String oldName = oldTable.path("name").asText();
                    ObjectNode fresh = null;
                    for (JsonNode table : list) {
                        if (table.path("name").asText().equals(oldName)) {
                            fresh = (ObjectNode) table;
                        }
                    }
                    if (fresh != null) {
                        keepUserKeys(fresh, oldTable, TABLE_KEYS);
                    } else if (previousTables != null && !previousTables.contains(oldName)) {
                        list.add(oldTable); // a table the user added
                    }
                }
                sources.add(source);
                placed = true;
            }
        }
        if (!placed) {
            sources.add(source);
        }
        ObjectNode root = YAML.createObjectNode();
        root.put("version", 2);
        root.set("sources", sources);
        return write(root);
    }

    /** Copies the keys of {@code old} that Reflekt never writes into {@code fresh} (one level into config). */
    private static void keepUserKeys(ObjectNode fresh, JsonNode old, java.util.Set<String> owned) {
        if (!old.isObject()) {
            return;
        }
        old.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (key.equals("config")
                    && e.getValue().isObject()
                    && fresh.path("config").isObject()) {
                keepUserKeys((ObjectNode) fresh.get("config"), e.getValue(), TABLE_KEYS);
            } else if (!owned.contains(key) && !fresh.has(key)) {
                fresh.set(key, e.getValue());
            }
        });
    }

    /**
     * {@code loaded_at_field: received_at} (unless the table names one) and the configured freshness, at the
     * top level before dbt 1.10 and under {@code config:} from 1.10 on, where dbt moved them.
     */
    void freshness(ObjectNode table, String loadedAt) {
        boolean inConfig = dbt.sourceConfig();
        ObjectNode at = inConfig
                ? (table.path("config").isObject() ? (ObjectNode) table.get("config") : table.putObject("config"))
                : table;
        if (!table.has("loaded_at_field") && !table.path("config").has("loaded_at_field")) {
            at.put("loaded_at_field", loadedAt);
        }
        DbtConfig.Freshness f = dbt.freshness();
        if (f != null) {
            ObjectNode node = at.putObject("freshness");
            duration(node, "warn_after", f.warnAfter());
            duration(node, "error_after", f.errorAfter());
        }
    }

    private static void duration(ObjectNode freshness, String key, String duration) {
        if (duration == null) {
            return;
        }
        String unit =
                switch (duration.charAt(duration.length() - 1)) {
                    case 'm' -> "minute";
                    case 'd' -> "day";
                    default -> "hour";
                };
        freshness
                .putObject(key)
                .put("count", Integer.parseInt(duration.substring(0, duration.length() - 1)))
                .put("period", unit);
    }

    /** A YAML file dbt renders: every string in {@code root} made inert ({@link Jinja#inert}). */
    static String yaml(JsonNode root) {
        return write(Jinja.inert(root));
    }

    private static String write(JsonNode root) {
        try {
            return YAML.writeValueAsString(root).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
