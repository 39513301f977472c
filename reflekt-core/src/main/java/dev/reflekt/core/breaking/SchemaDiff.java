package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.internal.json.LocatedTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Classifies every difference between two versions of an event schema as breaking or compatible, for
 * the schema itself and for every property, nested ones included.
 *
 * <p>Breaking: a required property added or removed (a rename is both), optional made required, a type
 * narrowed or changed (dropping {@code null} included), enum values removed or an enum added,
 * {@code additionalProperties} closed, a tighter minimum/maximum/length/items/pattern/format.
 * Compatible: optional properties added or removed, required made optional (breaking when
 * {@code requiredToOptionalBreaks}, as for Redshift), widened types, enum values added, looser
 * constraints, description and metadata changes.
 */
public final class SchemaDiff {

    private static final List<String> LOWER_BOUNDS =
            List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final List<String> UPPER_BOUNDS =
            List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    private static final List<String> EXACT = List.of("pattern", "format", "const");

    private final boolean requiredToOptionalBreaks;
    private final List<Change> changes = new ArrayList<>();

    private SchemaDiff(boolean requiredToOptionalBreaks) {
        this.requiredToOptionalBreaks = requiredToOptionalBreaks;
    }

    /**
     * The changes from {@code older} to {@code newer}, in document order.
     *
     * @param requiredToOptionalBreaks treat required → optional as breaking (Redshift targets)
     */
    public static List<Change> diff(JsonNode older, JsonNode newer, boolean requiredToOptionalBreaks) {
        SchemaDiff d = new SchemaDiff(requiredToOptionalBreaks);
        d.compareSchema("", "", older, newer);
        JsonNode oldMeta = older.path("self").path("metadata");
        JsonNode newMeta = newer.path("self").path("metadata");
        if (!oldMeta.equals(newMeta)) {
            d.add(ChangeKind.METADATA_CHANGED, newMeta.isMissingNode() ? "/self" : "/self/metadata", "", "");
        }
        return List.copyOf(d.changes);
    }

    private void add(ChangeKind kind, String pointer, String path, String detail) {
        boolean breaking = kind.breaking() || (kind == ChangeKind.PROPERTY_MADE_OPTIONAL && requiredToOptionalBreaks);
        changes.add(new Change(kind, breaking, pointer, path, detail));
    }

    /** Compares two (sub)schemas at {@code pointer} in the newer document. */
    private void compareSchema(String pointer, String path, JsonNode o, JsonNode n) {
        if (!path.isEmpty() || !pointer.isEmpty()) {
            compareKeywords(pointer, path, o, n);
        } else if (!o.path("description").equals(n.path("description"))) {
            add(ChangeKind.DESCRIPTION_CHANGED, "/description", "", "");
        }
        compareProperties(pointer, path, o, n);
        JsonNode oi = o.get("items");
        JsonNode ni = n.get("items");
        if (oi != null && ni != null && oi.isObject() && ni.isObject()) {
            compareSchema(pointer + "/items", path + "[]", oi, ni);
        }
    }

    private void compareKeywords(String pointer, String path, JsonNode o, JsonNode n) {
        compareTypes(pointer, path, o, n);
        compareEnums(pointer, path, o, n);
        for (String key : LOWER_BOUNDS) {
            compareBound(pointer, path, key, o.get(key), n.get(key), true);
        }
        for (String key : UPPER_BOUNDS) {
            compareBound(pointer, path, key, o.get(key), n.get(key), false);
        }
        for (String key : EXACT) {
            JsonNode ov = o.get(key);
            JsonNode nv = n.get(key);
            if (nv != null && !nv.equals(ov)) {
                add(
                        ChangeKind.CONSTRAINT_TIGHTENED,
                        pointer + "/" + key,
                        path,
                        key + (ov == null ? " added: " : " changed: ") + (ov == null ? "" : ov + " -> ") + nv);
            } else if (nv == null && ov != null) {
                add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, key + " removed");
            }
        }
        if (!o.path("description").equals(n.path("description"))) {
            add(ChangeKind.DESCRIPTION_CHANGED, pointer, path, "");
        }
    }

    private void compareTypes(String pointer, String path, JsonNode o, JsonNode n) {
        Set<String> ot = types(o);
        Set<String> nt = types(n);
        if (ot.equals(nt)) {
            return;
        }
        String detail = (ot.isEmpty() ? "any" : ot) + " -> " + (nt.isEmpty() ? "any" : nt);
        boolean narrowed = !nt.isEmpty() && (ot.isEmpty() || !ot.stream().allMatch(t -> covers(nt, t)));
        add(
                narrowed ? ChangeKind.TYPE_NARROWED : ChangeKind.TYPE_WIDENED,
                pointer + (n.has("type") ? "/type" : ""),
                path,
                detail);
    }

    /** An integer is a number: {@code integer -> number} widens. */
    private static boolean covers(Set<String> types, String type) {
        return types.contains(type) || (type.equals("integer") && types.contains("number"));
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> out = new TreeSet<>();
        if (type != null && type.isTextual()) {
            out.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        }
        out.remove("any");
        return out;
    }

    private void compareEnums(String pointer, String path, JsonNode o, JsonNode n) {
        JsonNode oe = o.get("enum");
        JsonNode ne = n.get("enum");
        if (ne == null || !ne.isArray()) {
            if (oe != null && oe.isArray()) {
                add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, "enum removed: any value allowed");
            }
            return;
        }
        if (oe == null || !oe.isArray()) {
            add(ChangeKind.CONSTRAINT_TIGHTENED, pointer + "/enum", path, "enum added: only " + ne + " allowed");
            return;
        }
        Set<JsonNode> before = new LinkedHashSet<>();
        oe.forEach(before::add);
        Set<JsonNode> after = new LinkedHashSet<>();
        ne.forEach(after::add);
        Set<JsonNode> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        Set<JsonNode> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        if (!removed.isEmpty()) {
            add(ChangeKind.ENUM_VALUES_REMOVED, pointer + "/enum", path, "removed " + removed);
        }
        if (!added.isEmpty()) {
            add(ChangeKind.ENUM_VALUES_ADDED, pointer + "/enum", path, "added " + added);
        }
    }

    private void compareBound(String pointer, String path, String key, JsonNode ov, JsonNode nv, boolean lower) {
        if (nv != null && nv.isNumber() && (ov == null || !ov.isNumber())) {
            add(ChangeKind.CONSTRAINT_TIGHTENED, pointer + "/" + key, path, key + " added: " + nv);
        } else if (nv == null && ov != null && ov.isNumber()) {
            add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, key + " removed");
        } else if (nv != null && ov != null && nv.isNumber()) {
            int cmp = nv.decimalValue().compareTo(ov.decimalValue());
            if (cmp != 0) {
                boolean tighter = lower ? cmp > 0 : cmp < 0;
                add(
                        tighter ? ChangeKind.CONSTRAINT_TIGHTENED : ChangeKind.CONSTRAINT_LOOSENED,
                        pointer + "/" + key,
                        path,
                        key + " " + ov + " -> " + nv);
            }
        }
    }

    private void compareProperties(String pointer, String path, JsonNode o, JsonNode n) {
        JsonNode op = o.path("properties");
        JsonNode np = n.path("properties");
        Set<String> oreq = strings(o.path("required"));
        Set<String> nreq = strings(n.path("required"));
        String prefix = path.isEmpty() ? "" : path + ".";
        String propsPointer = pointer + "/properties";

        boolean oldClosed = isFalse(o.get("additionalProperties"));
        boolean newClosed = isFalse(n.get("additionalProperties"));
        if (!oldClosed && newClosed) {
            add(ChangeKind.ADDITIONAL_PROPERTIES_CLOSED, pointer + "/additionalProperties", path, "");
        } else if (oldClosed && !newClosed) {
            add(ChangeKind.ADDITIONAL_PROPERTIES_OPENED, pointer, path, "");
        }

        np.fieldNames().forEachRemaining(name -> {
            String at = propsPointer + "/" + LocatedTree.escape(name);
            JsonNode before = op.get(name);
            if (before == null) {
                add(
                        nreq.contains(name) ? ChangeKind.REQUIRED_PROPERTY_ADDED : ChangeKind.OPTIONAL_PROPERTY_ADDED,
                        at,
                        prefix + name,
                        "");
                return;
            }
            if (!oreq.contains(name) && nreq.contains(name)) {
                add(ChangeKind.PROPERTY_MADE_REQUIRED, at, prefix + name, "");
            } else if (oreq.contains(name) && !nreq.contains(name)) {
                add(ChangeKind.PROPERTY_MADE_OPTIONAL, at, prefix + name, "");
            }
            JsonNode after = np.get(name);
            if (before.isObject() && after.isObject()) {
                compareSchema(at, prefix + name, before, after);
            }
        });
        op.fieldNames().forEachRemaining(name -> {
            if (!np.has(name)) {
                add(
                        oreq.contains(name)
                                ? ChangeKind.REQUIRED_PROPERTY_REMOVED
                                : ChangeKind.OPTIONAL_PROPERTY_REMOVED,
                        np.isObject() ? propsPointer : pointer,
                        prefix + name,
                        "");
            }
        });
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.booleanValue();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
