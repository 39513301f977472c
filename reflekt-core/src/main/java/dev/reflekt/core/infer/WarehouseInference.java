package dev.reflekt.core.infer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.dbt.LoadedEvent;
import dev.reflekt.core.warehouse.TableColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Draft schemas from a warehouse schema in a collector's layout: one per event table the collector names
 * ({@link LoadedEvent}), a property per column its properties loaded into (the column's name, which the collector's
 * loader makes again), typed from the column's type, nullable where the column is.
 */
public final class WarehouseInference {

    private WarehouseInference() {}

    /**
     * The drafts of {@code events}, as {@code folder/<Event_Name>/1-0.json} with {@code vendor}; {@code skipped} gets
     * the tables whose event name cannot be a folder.
     */
    public static List<Draft> drafts(
            List<LoadedEvent> events, TableColumns warehouse, String folder, String vendor, Consumer<String> skipped) {
        List<Draft> out = new ArrayList<>();
        for (LoadedEvent e : events) {
            Optional<String> problem = Drafts.folderProblem(e.name());
            if (problem.isPresent()) {
                skipped.accept("table " + dev.reflekt.core.internal.LogText.line(e.table()) + ": its event name makes "
                        + problem.get());
                continue;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ObjectNode properties = body.putObject("properties");
            for (String column : e.columns()) {
                properties.set(
                        column,
                        property(warehouse.column(e.table(), column).orElse(new TableColumns.Column(null, true))));
            }
            out.add(Drafts.event(
                    folder,
                    vendor,
                    e.name(),
                    "1-0",
                    false,
                    body,
                    "table " + e.table() + ", " + e.columns().size() + " columns"));
        }
        return out;
    }

    /** A property for a column: its type from the column's, with {@code null} when the column is nullable. */
    static ObjectNode property(TableColumns.Column column) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("description", Drafts.PLACEHOLDER);
        String[] typeAndFormat = jsonType(column.dataType());
        if (column.nullable()) {
            ArrayNode types = p.putArray("type");
            types.add(typeAndFormat[0]);
            types.add("null");
        } else {
            p.put("type", typeAndFormat[0]);
        }
        if (typeAndFormat[1] != null) {
            p.put("format", typeAndFormat[1]);
        }
        return p;
    }

    /**
     * The JSON type (and format) of a warehouse column type as {@code information_schema} names it, on any of the
     * six warehouses: integers, decimals and floats, booleans, timestamps ({@code date-time}), dates, and the rest
     * (text, JSON text, unknown) as strings, which is what the collectors load objects and arrays into when they do not
     * flatten them.
     */
    static String[] jsonType(String dataType) {
        String t = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT).strip();
        if (t.matches(
                "(big|small|tiny)?int(eger)?(\\d+)?|int[248]|long|short|byte|hugeint|u?bigint|number\\(\\d+,\\s*0\\)")) {
            return new String[] {"integer", null};
        }
        if (t.startsWith("double")
                || t.startsWith("float")
                || t.equals("real")
                || t.startsWith("numeric")
                || t.startsWith("decimal")
                || t.startsWith("number")
                || t.startsWith("bignumeric")) {
            return new String[] {"number", null};
        }
        if (t.startsWith("bool")) {
            return new String[] {"boolean", null};
        }
        if (t.startsWith("timestamp") || t.startsWith("datetime")) {
            return new String[] {"string", "date-time"};
        }
        if (t.equals("date")) {
            return new String[] {"string", "date"};
        }
        return new String[] {"string", null};
    }
}
