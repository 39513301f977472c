package dev.reflekt.core.dbt;

import dev.reflekt.core.internal.MarkdownText;
import java.util.List;

/**
 * {@code target/reflekt/drift.md}: what the schemas promise that the warehouse does not have, and what the warehouse has
 * that no schema plans. Table and column names come from the warehouse: written through {@link MarkdownText} only.
 */
public final class DriftReport {

    private DriftReport() {}

    /** The report's Markdown, without the unplanned direction. */
    public static String render(BuildTarget target, List<Drift> drift) {
        return render(target, drift, List.of());
    }

    /** The report's Markdown. */
    public static String render(BuildTarget target, List<Drift> drift, List<Unplanned> unplanned) {
        StringBuilder md = new StringBuilder("# Drift: schemas vs. ")
                .append(target.database())
                .append('.')
                .append(target.schema())
                .append(" (")
                .append(target.warehouseType())
                .append(")\n\n");
        md.append(unplanned(unplanned));
        if (drift.isEmpty()) {
            return md.append("Every table and column the schemas describe exists in the warehouse.\n")
                    .toString();
        }
        md.append("| Schema | Table | Column | What |\n| --- | --- | --- | --- |\n");
        for (Drift d : drift) {
            md.append("| ")
                    .append(d.schemaId().isEmpty() ? "-" : "`" + d.schemaId() + "`")
                    .append(" | ")
                    .append(MarkdownText.code(d.table()))
                    .append(" | ")
                    .append(d.column().isEmpty() ? "-" : MarkdownText.code(d.column()))
                    .append(" | ")
                    .append(
                            d.column().isEmpty()
                                    ? "table does not exist; no model generated"
                                    : "property has no column; left out of the model")
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The unplanned direction: what the collector loads that no schema plans. */
    private static String unplanned(List<Unplanned> unplanned) {
        if (unplanned.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## In the warehouse, planned by no schema\n\n")
                .append("| Table | Column | Rule |\n| --- | --- | --- |\n");
        for (Unplanned u : unplanned) {
            md.append("| ")
                    .append(MarkdownText.code(u.table()))
                    .append(" | ")
                    .append(u.column().isEmpty() ? "-" : MarkdownText.code(u.column()))
                    .append(" | `")
                    .append(u.rule())
                    .append("` |\n");
        }
        return md.append("\n## Planned, missing from the warehouse\n\n").toString();
    }
}
