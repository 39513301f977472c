package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
    private final String testsKey;

    /** @param testsKey {@code data_tests} (dbt 1.8 and later) or {@code tests} */
    PackageRenderer(Dialect dialect, String testsKey) {
        this.dialect = dialect;
        this.testsKey = testsKey;
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

    /** The staging model's SQL. */
    String modelSql(Model model, String sourceName, String filter) {
        List<String> select = new ArrayList<>();
        for (Model.Column c : model.columns()) {
            String raw = dialect.identifier(c.raw());
            select.add(c.name().equals(c.raw()) ? raw : raw + " as " + dialect.identifier(c.name()));
        }
        for (Model.Lineage l : model.lineage()) {
            String value = l.value() == null ? dialect.nullString() : dialect.stringLiteral(l.value());
            select.add(value + " as " + dialect.identifier(l.name()));
        }
        StringBuilder filterLines = new StringBuilder();
        if (model.filtered()) {
            filter.lines()
                    .forEach(line ->
                            filterLines.append("    ").append(line.strip()).append('\n'));
        }
        return template(
                "model.sql.vm",
                Map.of(
                        "sourceName",
                        sourceName,
                        "table",
                        model.table(),
                        "filter",
                        filterLines.toString(),
                        "selectList",
                        "        " + String.join(",\n        ", select)));
    }

    /** The model's docs: description, columns with descriptions and tests. */
    String modelDocs(Model model) {
        ObjectNode root = YAML.createObjectNode();
        root.put("version", 2);
        ObjectNode m = root.putArray("models").addObject();
        m.put("name", model.name());
        m.put("description", model.description());
        ArrayNode columns = m.putArray("columns");
        for (Model.Column c : model.columns()) {
            ObjectNode col = columns.addObject();
            col.put("name", c.name());
            col.put("description", c.description());
            if (!c.tests().isEmpty()) {
                ArrayNode tests = col.putArray(testsKey);
                c.tests().forEach(tests::add);
            }
        }
        for (Model.Lineage l : model.lineage()) {
            columns.addObject().put("name", l.name()).put("description", l.description());
        }
        return yaml(root);
    }

    /**
     * The sources file: {@code existing} (an earlier build's, possibly edited by hand) with the tables it
     * lacks appended, or a new one.
     */
    static String sources(
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
        return yaml(root);
    }

    static String yaml(JsonNode root) {
        try {
            return YAML.writeValueAsString(root).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
