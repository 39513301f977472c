package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.ColumnType;
import dev.reflekt.core.warehouse.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * Turns a planned package into file contents: SQL and text from the Velocity templates beside this
 * class, YAML from Jackson (keys in a fixed order, LF line endings). Output is byte-for-byte stable.
 */
final class PackageRenderer {

    private static final VelocityEngine VELOCITY = velocity();
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private final Dialect dialect;
    private final DbtConfig dbt;

    PackageRenderer(Dialect dialect, DbtConfig dbt) {
        this.dialect = dialect;
        this.dbt = dbt;
    }

    private static VelocityEngine velocity() {
        Properties p = new Properties();
        p.setProperty("resource.loaders", "class");
        p.setProperty(
                "resource.loader.class.class", "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        p.setProperty("runtime.strict_mode.enable", "true");
        VelocityEngine engine = new VelocityEngine(p);
        engine.init();
        return engine;
    }

    static String template(String name, Map<String, Object> values) {
        Template template = VELOCITY.getTemplate("dev/reflekt/core/dbt/" + name, "UTF-8");
        StringWriter out = new StringWriter();
        template.merge(new VelocityContext(new java.util.HashMap<>(values)), out);
        return out.toString();
    }

    static String resource(String name) {
        try (InputStream in = PackageRenderer.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How {@code model} is materialized: the configured way, external Parquet files, or a table. */
    String materialization(Model model) {
        if (dbt.parquet()) {
            return "external";
        }
        if (dbt.materialized().equals("incremental")
                && (model.uniqueKey().isEmpty() || model.column("received_at").isEmpty())) {
            return "table"; // nothing to merge on or to filter by
        }
        return dbt.materialized();
    }

    /** Whether the model's docs enforce a contract and its SQL casts every column. */
    boolean contract(Model model) {
        return dbt.contract() && dbt.atLeast(1, 5) && !materialization(model).equals("external");
    }

    /** The staging model's SQL. */
    String modelSql(Model model, String sourceName) {
        boolean typed = contract(model);
        List<String> select = new ArrayList<>();
        for (Model.Column c : model.columns()) {
            String raw = dialect.identifier(c.raw());
            String value = typed ? dialect.cast(raw, c.type()) : raw;
            select.add(
                    value.equals(raw) && c.name().equals(c.raw())
                            ? raw
                            : value + " as " + dialect.identifier(c.name()));
        }
        for (Model.Lineage l : model.lineage()) {
            select.add(lineageValue(l.value(), typed) + " as " + dialect.identifier(l.name()));
        }
        StringBuilder filterLines = new StringBuilder();
        if (model.filtered()) {
            dbt.modelsFilter()
                    .lines()
                    .forEach(line ->
                            filterLines.append("    ").append(line.strip()).append('\n'));
        }
        String materialized = materialization(model);
        List<String> config = new ArrayList<>();
        config.add("materialized = '" + materialized + "'");
        String incremental = "";
        if (materialized.equals("incremental")) {
            config.add("unique_key = '" + model.uniqueKey().orElseThrow().name() + "'");
            config.add("on_schema_change = 'append_new_columns'");
            String loaded =
                    dialect.identifier(model.column("received_at").orElseThrow().name());
            incremental = "{% if is_incremental() %}\n    where received_at > "
                    + dialect.hoursBefore(
                            "(select max(" + loaded + ") from {{ this }})",
                            "{{ var('etl_overlap', " + dbt.etlOverlap() + ") }}")
                    + "\n{% endif %}\n";
        }
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
                        filterLines.toString(),
                        "selectList",
                        "        " + String.join(",\n        ", select),
                        "incremental",
                        incremental));
    }

    /** The current-state model's SQL; see {@code current.sql.vm}. */
    String currentSql(CurrentModel current) {
        Model history = current.history();
        String materialized = materialization(history);
        String key = dialect.identifier(current.key().name());
        String orderBy = dialect.identifier(current.orderBy().name());
        String tombstone = current.tombstone() == null
                ? null
                : dialect.identifier(current.tombstone().name());
        List<String> config = new ArrayList<>();
        config.add("materialized = '" + materialized + "'");
        String incremental = "";
        String deleted = tombstone == null ? "" : "    and not coalesce(" + tombstone + ", false)\n";
        if (materialized.equals("incremental")) {
            config.add("unique_key = '" + current.key().name() + "'");
            config.add("on_schema_change = 'append_new_columns'");
            String loaded = dialect.identifier(
                    history.column("received_at").orElseThrow().name());
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
        history.columns().forEach(c -> select.add(dialect.identifier(c.name())));
        history.lineage().forEach(l -> select.add(dialect.identifier(l.name())));
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
                        dialect.identifier(history.uniqueKey().orElseThrow().name()),
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
            columns.add(new Model.Column(c.raw(), c.name(), c.description(), c.type(), tests));
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
                history.schemaId()));
    }

    /** A lineage literal; typed models cast it to the very type their contract declares. */
    String lineageValue(String value, boolean typed) {
        if (!typed) {
            return value == null ? dialect.nullString() : dialect.stringLiteral(value);
        }
        return "cast(" + (value == null ? "null" : dialect.plainString(value)) + " as "
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
            if (t.arguments().isEmpty()) {
                list.add(t.name());
                continue;
            }
            ObjectNode args = list.addObject().putObject(t.name());
            if (dbt.atLeast(1, 11)) {
                args = args.putObject("arguments");
            }
            args.setAll((ObjectNode) YAML.valueToTree(t.arguments()));
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

    /**
     * The sources file: {@code existing} (an earlier build's, possibly edited by hand) with the tables it
     * lacks appended, or a new one.
     */
    String sources(
            JsonNode existing,
            String sourceName,
            String database,
            String schema,
            String description,
            Map<String, String> tables) {
        ObjectNode root;
        ObjectNode source = null;
        if (existing != null && existing.isObject() && existing.path("sources").isArray()) {
            root = (ObjectNode) existing.deepCopy();
            for (JsonNode s : root.path("sources")) {
                if (sourceName.equals(s.path("name").asText())) {
                    source = (ObjectNode) s;
                }
            }
        } else {
            root = YAML.createObjectNode();
            root.put("version", 2);
            root.putArray("sources");
        }
        if (source == null) {
            source = ((ArrayNode) root.get("sources")).addObject();
            source.put("name", sourceName);
            source.put("database", database);
            source.put("schema", schema);
            source.put("description", description);
            source.putArray("tables");
        }
        ArrayNode list = source.path("tables").isArray() ? (ArrayNode) source.get("tables") : source.putArray("tables");
        java.util.Set<String> present = new java.util.HashSet<>();
        list.forEach(t -> present.add(t.path("name").asText()));
        tables.forEach((name, tableDescription) -> {
            if (present.add(name)) {
                list.addObject().put("name", name).put("description", tableDescription);
            }
        });
        for (JsonNode table : list) {
            if (table.isObject() && tables.containsKey(table.path("name").asText())) {
                freshness((ObjectNode) table, "received_at");
            }
        }
        return yaml(root);
    }

    /**
     * {@code loaded_at_field: received_at} (unless the table names one) and the configured freshness, at the
     * top level before dbt 1.10 and under {@code config:} from 1.10 on, where dbt moved them.
     */
    void freshness(ObjectNode table, String loadedAt) {
        boolean inConfig = dbt.atLeast(1, 10);
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

    static String yaml(JsonNode root) {
        try {
            return YAML.writeValueAsString(root).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
