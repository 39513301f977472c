package dev.reflekt.core.dbt;

import java.util.List;

/**
 * One staging model of the package: a view over one raw table.
 *
 * @param name the model name and file stem ({@code stg_shop__cart_viewed__v2_0})
 * @param table the raw table it reads
 * @param description the model description (the schema's)
 * @param filtered whether the project's {@code models.filter} applies (not for users and groups)
 * @param columns the raw columns it selects, renamed, in order
 * @param lineage the literal columns appended after them
 */
public record Model(
        String name, String table, String description, boolean filtered, List<Column> columns, List<Lineage> lineage) {

    /**
     * A selected raw column.
     *
     * @param raw the column in the raw table
     * @param name the column in the model
     * @param description what it means
     * @param tests dbt tests from {@code docs.tests}, keyed by the raw name
     */
    public record Column(String raw, String name, String description, List<String> tests) {}

    /**
     * A literal column describing where the rows came from.
     *
     * @param name the column
     * @param value the literal, or null for a typed NULL
     * @param description what it means
     */
    public record Lineage(String name, String value, String description) {}
}
