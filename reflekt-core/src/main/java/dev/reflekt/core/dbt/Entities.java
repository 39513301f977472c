package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the entity each event schema declares ({@code self.entity}, or {@code artifacts.dbt.entities} by
 * {@code $id}) and plans its current-state model. Declarations that name no column of the model are
 * errors, reported together with where they are and what the choices are.
 */
final class Entities {

    private static final String CONFIG = "reflekt_project.yml";

    private Entities() {}

    static List<CurrentModel> plan(List<Model> models, List<EventSchema> schemas, DbtConfig dbt)
            throws ReflektException {
        List<CurrentModel> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Model model : models) {
            if (model.schemaId() == null || model.table().equals("users")) {
                continue;
            }
            EventSchema schema = schemas.stream()
                    .filter(s -> s.id().equals(model.schemaId()))
                    .findFirst()
                    .orElseThrow();
            JsonNode declared = schema.json().path("self").path("entity");
            String where;
            DbtConfig.Entity entity;
            if (dbt.entities().containsKey(schema.id())) {
                entity = dbt.entities().get(schema.id());
                where = CONFIG + ": artifacts.dbt.entities.\"" + schema.id() + "\"";
            } else if (declared.isObject()) {
                entity = ReflektProject.entity(declared);
                where = schema.displayPath() + ":" + schema.tree().position("/self/entity") + ": self.entity";
            } else {
                continue;
            }
            Optional<Model.Column> key = property(model, entity.key());
            if (key.isEmpty()) {
                problems.add(where + ".key: '" + entity.key() + "' is not a property loaded into " + model.name()
                        + "; use one of "
                        + model.columns().stream()
                                .map(Model.Column::property)
                                .filter(java.util.Objects::nonNull)
                                .toList()
                        + ".");
                continue;
            }
            Optional<Model.Column> orderBy = entity.orderBy() == null
                    ? model.loadedAt()
                    : model.columns().stream()
                            .filter(c -> c.name().equals(entity.orderBy()))
                            .findFirst();
            if (orderBy.isEmpty()) {
                problems.add(where + ".order_by: '" + entity.orderBy() + "' is not a column of " + model.name()
                        + "; use one of "
                        + model.columns().stream().map(Model.Column::name).toList() + ".");
                continue;
            }
            Model.Column tombstone = null;
            if (entity.tombstone() != null) {
                Optional<Model.Column> t = property(model, entity.tombstone());
                if (t.isEmpty() || t.get().type() != ColumnType.BOOLEAN) {
                    problems.add(where + ".tombstone: '" + entity.tombstone() + "' is not a boolean property"
                            + " loaded into " + model.name() + "; name a property of \"type\": \"boolean\".");
                    continue;
                }
                tombstone = t.get();
            }
            String unplain = plainOrNull(key.get(), tombstone);
            if (unplain != null) {
                problems.add(where + ": the column '" + unplain + "' is written into dbt's config (unique_key,"
                        + " post_hook), which takes plain names only ([A-Za-z_][A-Za-z0-9_]*); rename the property.");
                continue;
            }
            if (model.uniqueKey().isEmpty() || model.loadedAt().isEmpty()) {
                problems.add(where + ": " + model.table() + " has no id or received_at column to replay by.");
                continue;
            }
            out.add(new CurrentModel(model.name() + "__current", model, key.get(), orderBy.get(), tombstone));
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        return out;
    }

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The first of the columns whose name is not a plain name, or null. */
    private static String plainOrNull(Model.Column key, Model.Column tombstone) {
        for (Model.Column c : java.util.Arrays.asList(key, tombstone)) {
            if (c != null && !PLAIN.matcher(c.name()).matches()) {
                return c.name();
            }
        }
        return null;
    }

    /** The model column a property (by JSON path or loaded column name) became. */
    private static Optional<Model.Column> property(Model model, String name) {
        return model.columns().stream()
                .filter(c -> c.property() != null
                        && (c.property().equals(name) || c.raw().equals(name)))
                .findFirst();
    }
}
