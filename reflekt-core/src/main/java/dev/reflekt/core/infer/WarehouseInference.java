package dev.reflekt.core.infer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.dbt.LoadedEvent;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.ArrayList;
import java.util.List;
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
                    "table " + e.table() + ", " + e.columns().size()
                            + (e.columns().size() == 1 ? " column" : " columns")));
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

    /** The JSON type (and format) of a warehouse column type ({@link ColumnType#ofWarehouse}). */
    static String[] jsonType(String dataType) {
        return switch (ColumnType.ofWarehouse(dataType)) {
            case INTEGER -> new String[] {"integer", null};
            case NUMBER -> new String[] {"number", null};
            case BOOLEAN -> new String[] {"boolean", null};
            case TIMESTAMP -> new String[] {"string", "date-time"};
            case DATE -> new String[] {"string", "date"};
            default -> new String[] {"string", null};
        };
    }
}
