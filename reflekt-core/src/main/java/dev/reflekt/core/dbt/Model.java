package dev.reflekt.core.dbt;

import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One staging model of the package: the history of one raw table, renamed, typed and documented.
 *
 * @param name the model name and file stem ({@code stg_shop__cart_viewed__v2_0})
 * @param table the raw table it reads
 * @param description the model description (the schema's)
 * @param filtered whether the project's {@code models.filter} applies (not for users and groups)
 * @param columns the raw columns it selects, renamed, in order
 * @param lineage the literal columns appended after them
 * @param schemaId the schema it models, or null for {@code tracks}
 * @param keyColumn the raw column identifying a row (Segment's {@code id}), as the collector loads it
 * @param loadedAtColumn the raw column saying when the row was loaded (Segment's {@code received_at}), which
 *     incremental runs and freshness use
 */
public record Model(
        String name,
        String table,
        String description,
        boolean filtered,
        List<Column> columns,
        List<Lineage> lineage,
        String schemaId,
        String keyColumn,
        String loadedAtColumn) {

    /**
     * A selected raw column.
     *
     * @param raw the column in the raw table
     * @param name the column in the model
     * @param description what it means
     * @param type what it holds, for typed models and contracts
     * @param tests dbt data tests: {@code docs.tests} for its raw name, then those of its constraints
     * @param property the JSON path of the property it loads ({@code address.city}), or null for a column of
     *     the collector's own
     */
    public record Column(
            String raw, String name, String description, ColumnType type, List<DataTest> tests, String property) {}

    /**
     * A literal column describing where the rows came from; always a string.
     *
     * @param name the column
     * @param value the literal, or null for a typed NULL
     * @param description what it means
     */
    public record Lineage(String name, String value, String description) {}

    /**
     * A dbt generic data test on a column.
     *
     * @param name the test ({@code not_null}, {@code accepted_values}, {@code dbt_utils.accepted_range})
     * @param arguments its arguments in order (values: strings, numbers, booleans, lists of strings)
     */
    public record DataTest(String name, Map<String, Object> arguments, String severity) {

        /** A test with dbt's default severity. */
        public DataTest(String name, Map<String, Object> arguments) {
            this(name, arguments, null);
        }

        /** This test with {@code severity} ({@code warn}, {@code error}). */
        public DataTest withSeverity(String severity) {
            return new DataTest(name, arguments, severity);
        }

        /** Whether {@code other} is the same test (name and arguments), whatever its severity. */
        public boolean sameTest(DataTest other) {
            return name.equals(other.name) && arguments.equals(other.arguments);
        }

        /** Whether the test comes from the dbt_utils package. */
        boolean needsDbtUtils() {
            return name.startsWith("dbt_utils.");
        }
    }

    /** The model column holding raw {@code column}, if selected. */
    public Optional<Column> column(String rawColumn) {
        return columns.stream().filter(c -> c.raw().equals(rawColumn)).findFirst();
    }

    /** The column identifying a row, if selected. */
    public Optional<Column> uniqueKey() {
        return column(keyColumn);
    }

    /** The column saying when the row was loaded, if selected. */
    public Optional<Column> loadedAt() {
        return column(loadedAtColumn);
    }
}
