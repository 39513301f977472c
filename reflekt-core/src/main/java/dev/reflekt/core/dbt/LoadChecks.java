package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a collector would do to an event schema on load that the schema does not say: properties it drops, two
 * properties it loads into one column, names it refuses. {@code reflekt:lint -Dreflekt.sdk=...} reports them
 * ({@code collector-load}); each collector owns its checks ({@link Collector#loadProblems}).
 */
public final class LoadChecks {

    /**
     * One finding.
     *
     * @param pointer where in the schema (a JSON Pointer)
     * @param message what the collector does
     * @param fix how to change the schema
     */
    public record Finding(String pointer, String message, String fix) {}

    private final Collector collector;
    private final Optional<Dialect> dialect;
    private final DbtConfig dbt;

    private LoadChecks(Collector collector, Optional<Dialect> dialect, DbtConfig dbt) {
        this.collector = collector;
        this.dialect = dialect;
        this.dbt = dbt;
    }

    /**
     * The checks of the collector {@code sdk} ({@code -Dreflekt.sdk}), for the warehouse {@code dialect} when
     * known.
     *
     * @throws ReflektException when no collector has that name
     */
    public static LoadChecks of(String sdk, Optional<Dialect> dialect, DbtConfig dbt) throws ReflektException {
        Collector c = KnownCollectors.require(sdk);
        return new LoadChecks(c, dialect, dbt);
    }

    /** The collector's name as its users write it ({@code Segment}). */
    public String product() {
        return collector.product();
    }

    /** The column the collector's loader writes a property called {@code property} into when it renames it. */
    public Optional<String> renamed(String property) {
        return collector.renamed(property);
    }

    /** The findings for one event schema, its {@code $ref}s resolved. */
    public List<Finding> check(JsonNode schema) {
        return collector.loadProblems(schema, dialect, dbt);
    }

    /** A leaf property: its keys from the top, its JSON Pointer, its schema. */
    public record Leaf(List<String> keys, String pointer, JsonNode schema) {}

    /** Every leaf property of {@code schema} (objects with properties are walked into), in file order. */
    public static List<Leaf> leaves(JsonNode schema) {
        List<Leaf> out = new ArrayList<>();
        walk(schema, List.of(), "", out);
        return out;
    }

    private static void walk(JsonNode object, List<String> keys, String pointer, List<Leaf> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        object.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> here = new ArrayList<>(keys);
            here.add(e.getKey());
            String at = pointer + "/properties/" + LocatedTree.escape(e.getKey());
            JsonNode p = e.getValue();
            if (p.path("properties").isObject() && p.path("properties").size() > 0) {
                walk(p, List.copyOf(here), at, out);
            } else {
                out.add(new Leaf(List.copyOf(here), at, p));
            }
        }
    }

    /**
     * Reports each leaf whose {@code column} another leaf already has: {@code collision} gets the later leaf, the
     * earlier one's dotted path, and the column.
     */
    public static void collisions(
            List<Leaf> leaves, java.util.function.Function<Leaf, String> column, Collision collision) {
        Map<String, Leaf> first = new LinkedHashMap<>();
        for (Leaf leaf : leaves) {
            String c = column.apply(leaf);
            if (c == null) {
                continue;
            }
            Leaf earlier = first.putIfAbsent(c, leaf);
            if (earlier != null) {
                collision.accept(leaf, String.join(".", earlier.keys()), c);
            }
        }
    }

    /** A collision of two leaves on one column. */
    @FunctionalInterface
    public interface Collision {
        void accept(Leaf later, String earlierPath, String column);
    }
}
