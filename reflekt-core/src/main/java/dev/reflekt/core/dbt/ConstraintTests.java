package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dbt data tests a property's JSON Schema constraints imply: {@code required} → {@code not_null},
 * {@code enum} and {@code const} → {@code accepted_values}, {@code minimum}/{@code maximum} and their
 * exclusive forms → {@code dbt_utils.accepted_range}. Array items and {@code null} enum members are not
 * tested (dbt's tests pass NULLs except {@code not_null}).
 */
public final class ConstraintTests {

    private ConstraintTests() {}

    /**
     * @param ownTable whether the column is read from the event's own table, where a required property is
     *     always loaded (not the {@code users} table, which merges many calls)
     */
    public static List<Model.DataTest> of(PropertyColumns.Property property, boolean ownTable) {
        List<Model.DataTest> out = new ArrayList<>();
        JsonNode schema = property.schema();
        if (property.required() && ownTable) {
            out.add(new Model.DataTest("not_null", Map.of()));
        }
        if (schema.path("enum").isArray()) {
            acceptedValues(schema.path("enum"), out);
        }
        if (schema.has("const")) {
            acceptedValues(PackageRenderer.YAML.createArrayNode().add(schema.get("const")), out);
        }
        range(schema, out);
        return out;
    }

    private static void acceptedValues(JsonNode values, List<Model.DataTest> out) {
        List<String> texts = new ArrayList<>();
        boolean allText = true;
        for (JsonNode v : values) {
            if (v.isNull()) {
                continue;
            }
            if (!v.isValueNode()) {
                return; // objects and arrays cannot be compared with a column value
            }
            allText &= v.isTextual();
            texts.add(v.asText());
        }
        if (texts.isEmpty()) {
            return;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("values", texts);
        if (!allText) {
            args.put("quote", false);
        }
        out.add(new Model.DataTest("accepted_values", args));
    }

    /** One accepted_range when both bounds are inclusive or both exclusive, else one per bound. */
    private static void range(JsonNode schema, List<Model.DataTest> out) {
        Bound lower = bound(schema, "minimum", "exclusiveMinimum", true);
        Bound upper = bound(schema, "maximum", "exclusiveMaximum", false);
        if (lower == null && upper == null) {
            return;
        }
        if (lower != null && upper != null && lower.inclusive() != upper.inclusive()) {
            out.add(rangeTest(lower, null));
            out.add(rangeTest(null, upper));
        } else {
            out.add(rangeTest(lower, upper));
        }
    }

    private record Bound(BigDecimal value, boolean inclusive) {}

    /** The tighter of the inclusive and exclusive bound. */
    private static Bound bound(JsonNode schema, String inclusiveKey, String exclusiveKey, boolean lower) {
        Bound inclusive = schema.path(inclusiveKey).isNumber()
                ? new Bound(schema.get(inclusiveKey).decimalValue(), true)
                : null;
        Bound exclusive = schema.path(exclusiveKey).isNumber()
                ? new Bound(schema.get(exclusiveKey).decimalValue(), false)
                : null;
        if (inclusive == null || exclusive == null) {
            return inclusive == null ? exclusive : inclusive;
        }
        int c = exclusive.value().compareTo(inclusive.value());
        return (lower ? c >= 0 : c <= 0) ? exclusive : inclusive;
    }

    private static Model.DataTest rangeTest(Bound lower, Bound upper) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (lower != null) {
            args.put("min_value", number(lower.value()));
        }
        if (upper != null) {
            args.put("max_value", number(upper.value()));
        }
        boolean inclusive = lower != null ? lower.inclusive() : upper.inclusive();
        if (!inclusive) {
            args.put("inclusive", false);
        }
        return new Model.DataTest("dbt_utils.accepted_range", args);
    }

    private static Number number(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= 0 && v.precision() - v.scale() < 19) {
            return v.longValueExact();
        }
        return v;
    }
}
