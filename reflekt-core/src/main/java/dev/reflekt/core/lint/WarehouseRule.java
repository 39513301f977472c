package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.naming.Inflection;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What the target warehouse and the CDP would do to a property on load: the column a call-table collector writes
 * (nested objects flattened with {@code _}, names snake-cased), checked against the dialect's limits, and the
 * collector's own renames ({@code cdp-rename}).
 */
final class WarehouseRule implements SchemaRule {

    private final Dialect dialect;
    private final Optional<LoadProblems> collector;

    /** @param collector the collector whose renames {@code cdp-rename} reports, if one is known */
    WarehouseRule(Dialect dialect, Optional<LoadProblems> collector) {
        this.dialect = dialect;
        this.collector = collector;
    }

    /**
     * An event is walked with its {@code $ref}s resolved, since a definition's properties become its
     * columns; what is the same in every user of a definition ({@code cdp-rename}, varchar length) is
     * reported once, at the definition, and the column rules, which depend on the event, at the event's
     * {@code $ref}.
     */
    @Override
    public void check(SchemaDocument doc) {
        if (doc.definition()) {
            walk(doc, doc.root().path("properties"), "/properties", "", true, false);
        } else {
            walk(doc, doc.resolved().json().path("properties"), "/properties", "", true, true);
        }
    }

    private void walk(
            SchemaDocument doc, JsonNode properties, String pointer, String prefix, boolean own, boolean columns) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode p = e.getValue();
            String at = pointer + "/" + LocatedTree.escape(name);
            String loaded = Inflection.underscore(name.replace(' ', '_'));
            String column = prefix + loaded;
            boolean mine = own && doc.resolved().origin(p) == null;
            if (mine) {
                collector.ifPresent(c -> c.renamed(name)
                        .filter(renamed -> !renamed.equals(name))
                        .ifPresent(renamed -> doc.report(
                                LintRule.CDP_RENAME,
                                at,
                                c.product() + " loads property '" + name + "' into column '" + renamed
                                        + "', so the schema and the warehouse disagree",
                                "rename it to '" + renamed + "'")));
            }
            String problem = columns ? dialect.columnNameProblem(column) : null;
            if (problem != null) {
                doc.report(
                        LintRule.WAREHOUSE_COLUMN_NAME,
                        at,
                        "column '" + column + "' for property '" + name + "': " + problem,
                        "rename the property so that its column is a plain name of letters, digits and '_'");
            }
            int bytes = column.getBytes(StandardCharsets.UTF_8).length;
            if (columns && bytes > dialect.maxIdentifierLength()) {
                doc.report(
                        LintRule.WAREHOUSE_NAME_LENGTH,
                        at,
                        "column '" + column + "' is " + bytes + " bytes long; " + dialect.name() + " allows "
                                + dialect.maxIdentifierLength(),
                        "shorten the property name (or its enclosing objects' names)");
            }
            if (mine
                    && p.path("maxLength").canConvertToLong()
                    && p.path("maxLength").asLong() > dialect.maxVarcharLength()) {
                doc.report(
                        LintRule.WAREHOUSE_VARCHAR_LENGTH,
                        at + "/maxLength",
                        "maxLength " + p.path("maxLength").asLong() + " is above " + dialect.name()
                                + "'s longest varchar, " + dialect.maxVarcharLength() + " bytes; longer values"
                                + " cannot be loaded",
                        "lower maxLength to " + dialect.maxVarcharLength() + " or less");
            }
            if (p.path("properties").isObject() && p.path("properties").size() > 0) {
                walk(doc, p.path("properties"), at + "/properties", column + "_", mine, columns);
            }
        }
    }
}
