package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Models of Segment Profiles Sync: the current identity graph from its {@code *_updates} history tables —
 * {@code id_graph}, {@code external_id_mapping} and {@code profile_traits} — incremental with an overlap
 * window on {@code uuid_ts}, or tables, or views. Incremental runs recompute exactly the rows the new
 * updates can change, from the whole history of those rows, so they equal a full refresh.
 */
final class ProfilesSync {

    /** The dbt source name of the Profiles Sync schema. */
    static final String SOURCE = "profiles_sync";

    static final String ID_GRAPH = "id_graph";
    static final String EXTERNAL_ID_MAPPING = "external_id_mapping";
    static final String PROFILE_TRAITS = "profile_traits";

    /** How deep chains of merges are followed in one run. */
    static final int HOPS = 6;

    /** Columns of {@code profile_traits_updates} that are not traits (Segment's list, plus its keys). */
    private static final Set<String> SYSTEM = Set.of(
            "segment_id",
            "canonical_segment_id",
            "merged_to",
            "seq",
            "timestamp",
            "uuid_ts",
            "received_at",
            "sent_at",
            "original_timestamp",
            "id",
            "user_id",
            "anonymous_id",
            "event",
            "event_text",
            "triggering_event_type",
            "triggering_event_id");

    private final Dialect dialect;
    private final DbtConfig.ProfilesSync config;
    private final DbtConfig dbt;
    private final PackageRenderer renderer;

    ProfilesSync(Dialect dialect, DbtConfig dbt, PackageRenderer renderer) {
        this.dialect = dialect;
        this.dbt = dbt;
        this.config = dbt.profilesSync();
        this.renderer = renderer;
    }

    /**
     * The trait columns: those of {@code profile_traits_updates} in the warehouse, without Segment's
     * system columns, in name order; offline, the properties of the project's Identify schema, as the collector's
     * {@code rules} name them.
     */
    static List<String> traits(Optional<TableColumns> warehouse, List<EventSchema> schemas, CallTableRules rules) {
        Set<String> out = new TreeSet<>();
        if (warehouse.isPresent()) {
            warehouse.get().columns("profile_traits_updates").orElse(Set.of()).forEach(out::add);
        } else {
            schemas.stream()
                    .filter(s -> rules.table(s.json().path("self").path("name").asText(""))
                            .equals("identifies"))
                    .forEach(s -> out.addAll(
                            s.properties(keys -> rules.column(keys, "identify")).keySet()));
        }
        out.removeIf(c -> SYSTEM.contains(c.toLowerCase(Locale.ROOT))
                || c.startsWith("_")
                || c.toLowerCase(Locale.ROOT).startsWith("context_"));
        return List.copyOf(out);
    }

    /** Generated file (relative to the package) → content. */
    /** The deletes of incremental Profiles Sync models: rows whose keys Segment deleted from the updates. */
    void deletions(Deletions deletions) {
        if (!config.materialization().equals("incremental")) {
            return;
        }
        deletions.profilesSync(
                ID_GRAPH, "segment_id", List.<String[]>of(new String[] {"id_graph_updates", "segment_id"}));
        deletions.profilesSync(EXTERNAL_ID_MAPPING, "external_id_hash", List.<String[]>of(new String[] {
            "external_id_mapping_updates", "external_id_hash"
        }));
        deletions.profilesSync(
                PROFILE_TRAITS,
                "canonical_segment_id",
                List.of(
                        new String[] {"id_graph_updates", "segment_id"},
                        new String[] {"profile_traits_updates", "segment_id"}));
    }

    Map<String, String> files(List<String> traits) {
        Map<String, String> out = new LinkedHashMap<>();
        String dir = "models/" + SOURCE + "/";
        out.put(dir + ID_GRAPH + ".sql", idGraph());
        out.put(dir + EXTERNAL_ID_MAPPING + ".sql", externalIdMapping());
        out.put(dir + PROFILE_TRAITS + ".sql", profileTraits(traits));
        out.put(dir + "_" + SOURCE + "__models.yml", docs(traits));
        return out;
    }

    private Map<String, Object> common(String uniqueKey) {
        Map<String, Object> v = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("materialized = '" + config.materialization() + "'");
        lines.addAll(dialect.adapterConfig(config.materialization(), false));
        if (config.materialization().equals("incremental")) {
            lines.add("unique_key = '" + uniqueKey + "'");
            lines.add("on_schema_change = 'append_new_columns'");
        }
        v.put("configLines", "    " + String.join(",\n    ", lines));
        v.put("source", SOURCE);
        v.put("idGraph", ID_GRAPH);
        v.put("timestamp", dialect.identifier("timestamp"));
        v.put(
                "window",
                dialect.hoursBefore(
                        "(select max(uuid_ts) from {{ this }})",
                        "{{ var('etl_overlap', " + config.etlOverlap() + ") }}"));
        return v;
    }

    String idGraph() {
        Map<String, Object> v = common("segment_id");
        List<String> coalesce = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        for (int i = 1; i <= HOPS; i++) {
            joins.append("left join latest as l")
                    .append(i)
                    .append("\n    on l")
                    .append(i)
                    .append(".segment_id = l")
                    .append(i - 1)
                    .append(".canonical_segment_id and l")
                    .append(i)
                    .append(".segment_id <> l")
                    .append(i - 1)
                    .append(".segment_id\n");
            coalesce.add(0, "l" + i + ".canonical_segment_id");
        }
        coalesce.add("l0.canonical_segment_id");
        v.put("hops", HOPS);
        v.put("coalesce", String.join(", ", coalesce));
        v.put("joins", joins.toString());
        return PackageRenderer.template("id_graph.sql.vm", v);
    }

    String externalIdMapping() {
        return PackageRenderer.template("external_id_mapping.sql.vm", common("external_id_hash"));
    }

    String profileTraits(List<String> traits) {
        Map<String, Object> v = common("canonical_segment_id");
        StringBuilder columns = new StringBuilder();
        StringBuilder lastValues = new StringBuilder();
        StringBuilder select = new StringBuilder();
        StringBuilder nulls = new StringBuilder();
        for (String t : traits) {
            String id = renderer.identifier(t);
            columns.append(",\n        u.").append(id);
            lastValues.append("\n        ").append(id).append(',');
            select.append("\n    traits.").append(id).append(',');
            nulls.append("\n    null as ").append(id).append(',');
        }
        v.put("traitColumns", columns.toString());
        v.put("lastValues", lastValues.toString());
        v.put("traitSelect", select.toString());
        v.put("nullTraits", nulls.toString());
        v.put("nullString", "cast(null as " + dialect.typeName(ColumnType.STRING) + ")");
        return PackageRenderer.template("profile_traits.sql.vm", v);
    }

    private String docs(List<String> traits) {
        ObjectNode root = PackageRenderer.YAML.createObjectNode();
        root.put("version", 2);
        ArrayNode models = root.putArray("models");
        model(
                models,
                ID_GRAPH,
                "The canonical profile of every segment_id, from id_graph_updates: the latest by seq, merges"
                        + " followed.",
                "segment_id",
                Map.of(
                        "segment_id", "A profile id Segment assigned.",
                        "canonical_segment_id", "The profile it belongs to now: itself unless it was merged."));
        model(
                models,
                EXTERNAL_ID_MAPPING,
                "Every external id (user_id, email, anonymous_id, ...) with the canonical profile it belongs to.",
                "external_id_hash",
                Map.of(
                        "external_id_hash", "Hash of the external id's type and value.",
                        "canonical_segment_id", "The canonical profile the external id belongs to."));
        Map<String, String> traitDocs = new LinkedHashMap<>();
        traitDocs.put("canonical_segment_id", "The profile: a canonical one, or a merged-away one.");
        traits.forEach(t -> traitDocs.put(t, "The trait in the profile's newest update; null when cleared."));
        traitDocs.put("merged_to", "For a merged-away profile, the profile it was merged into; else null.");
        model(
                models,
                PROFILE_TRAITS,
                "One row per profile with the traits of its newest update (an explicit null clears a trait);"
                        + " merged-away profiles have their traits null and merged_to set.",
                "canonical_segment_id",
                traitDocs);
        return PackageRenderer.yaml(root);
    }

    private void model(ArrayNode models, String name, String description, String key, Map<String, String> columns) {
        ObjectNode m = models.addObject().put("name", name).put("description", description);
        ArrayNode cols = m.putArray("columns");
        List<String> order = new ArrayList<>(columns.keySet());
        order.remove(key);
        order.add(0, key);
        for (String c : order) {
            ObjectNode col = cols.addObject().put("name", c).put("description", columns.get(c));
            if (c.equals(key)) {
                col.putArray(dbt.dataTests() ? "data_tests" : "tests")
                        .add("unique")
                        .add("not_null");
            }
        }
    }

    /** The {@code profiles_sync} source: its three tables, loaded_at_field uuid_ts, the configured freshness. */
    String sources(String database) {
        ObjectNode root = PackageRenderer.YAML.createObjectNode();
        root.put("version", 2);
        ObjectNode source = root.putArray("sources").addObject();
        source.put("name", SOURCE);
        source.put("database", database);
        source.put("schema", config.schema());
        source.put("description", "Segment Profiles Sync: the history of the identity graph and of profile traits.");
        ArrayNode tables = source.putArray("tables");
        for (String t : List.of("id_graph_updates", "external_id_mapping_updates", "profile_traits_updates")) {
            ObjectNode table = tables.addObject().put("name", t);
            renderer.freshness(table, "uuid_ts");
        }
        return PackageRenderer.yaml(root);
    }
}
