package dev.reflekt.core.dbt;

import java.util.List;

/** {@code target/reflekt/drift.md}: what the schemas promise that the warehouse does not have. */
public final class DriftReport {

    private DriftReport() {}

    /** The report's Markdown. */
    public static String render(BuildTarget target, List<Drift> drift) {
        StringBuilder md = new StringBuilder("# Drift: schemas vs. ")
                .append(target.database())
                .append('.')
                .append(target.schema())
                .append(" (")
                .append(target.warehouseType())
                .append(")\n\n");
        if (drift.isEmpty()) {
            return md.append("Every table and column the schemas describe exists in the warehouse.\n")
                    .toString();
        }
        md.append("| Schema | Table | Column | What |\n| --- | --- | --- | --- |\n");
        for (Drift d : drift) {
            md.append("| ")
                    .append(d.schemaId().isEmpty() ? "-" : "`" + d.schemaId() + "`")
                    .append(" | ")
                    .append(d.table())
                    .append(" | ")
                    .append(d.column().isEmpty() ? "-" : d.column())
                    .append(" | ")
                    .append(
                            d.column().isEmpty()
                                    ? "table does not exist; no model generated"
                                    : "property has no column; left out of the model")
                    .append(" |\n");
        }
        return md.toString();
    }
}
