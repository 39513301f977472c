package dev.reflekt.core.dbt;

/**
 * A difference between the schemas and the warehouse: what a schema promises that the warehouse does
 * not have.
 *
 * @param schemaId the schema concerned, or empty for the {@code tracks} table
 * @param table the raw table
 * @param column the missing column, or empty when the whole table is missing
 */
public record Drift(String schemaId, String table, String column) {

    /** One line for the log and the drift report. */
    public String describe() {
        return column.isEmpty()
                ? "table " + table + " does not exist" + (schemaId.isEmpty() ? "" : " (schema " + schemaId + ")")
                        + "; its model was not generated"
                : "column " + table + "." + column + " does not exist (schema " + schemaId + "); left out of the model";
    }
}
