package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.internal.json.EcmaRegex;
import dev.reflekt.core.internal.json.LocatedTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Classifies every difference between two versions of an event schema as breaking or compatible, for the schema
 * itself and for every subschema, by every draft-07 keyword.
 *
 * <p>The rule is backward compatibility: the new version must accept every event the old one accepted, with
 * Reflekt's one exception that an optional property may be added to or removed from an open model (properties the
 * old schema did not declare are not events it planned). Where a change cannot be decided exactly (two arbitrary
 * {@code oneOf} lists, a {@code not} of a complex schema, an {@code if} changed), it is breaking unless proven
 * compatible: {@link ChangeKind#NOT_PROVEN_COMPATIBLE}, told apart from proven breaks.
 *
 * <p>Breaking: a required property added or removed (a rename is both), optional made required, a type narrowed or
 * changed (dropping {@code null} included; the types an {@code allOf}, {@code anyOf}, {@code oneOf}, {@code const} or
 * {@code enum} allow count), enum values removed or an enum added, {@code additionalProperties} closed or narrowed, a
 * tighter bound, a new or changed {@code pattern}/{@code format}/{@code const}, {@code multipleOf} added or changed to
 * other than a divisor, {@code uniqueItems} added, a dependency added, {@code contains} added, a combinator's branch
 * removed ({@code anyOf}, {@code oneOf}) or added ({@code allOf}), {@code items} added or narrowed (tuples per
 * position). Compatible: optional properties added or removed (to and from open models), required made optional
 * (breaking when {@code requiredToOptionalBreaks}, as for Redshift), widened types, enum values added, looser
 * constraints, a branch added to {@code anyOf}, a disjoint branch added to {@code oneOf}, a branch removed from
 * {@code allOf}, {@code not} narrowed, description and metadata changes.
 */
public final class SchemaDiff {

    private static final List<String> LOWER_BOUNDS =
            List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final List<String> UPPER_BOUNDS =
            List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    private static final List<String> EXACT = List.of("pattern", "format", "const");
    private static final List<String> COMBINATORS = List.of("allOf", "anyOf", "oneOf");

    /** Format changes that accept every value the old format did ({@code old>new}). */
    private static final Set<String> WIDER_FORMATS = Set.of(
            "email>idn-email",
            "hostname>idn-hostname",
            "uri>iri",
            "uri-reference>iri-reference",
            "uri>uri-reference",
            "iri>iri-reference");

    /**
     * Subschema comparisons and disjointness tests one diff may make: combinators compare branches pairwise, so
     * schema text from strangers could ask for millions. The most a diff of the Iglu Central history takes is far
     * below (see the note of issue 31).
     */
    static final int BUDGET = 100_000;

    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final boolean requiredToOptionalBreaks;
    private final List<Change> changes = new ArrayList<>();
    private final int[] budget;

    private SchemaDiff(boolean requiredToOptionalBreaks, int[] budget) {
        this.requiredToOptionalBreaks = requiredToOptionalBreaks;
        this.budget = budget;
    }

    /**
     * The changes from {@code older} to {@code newer}, in document order.
     *
     * @param requiredToOptionalBreaks treat required → optional as breaking (Redshift targets)
     */
    public static List<Change> diff(JsonNode older, JsonNode newer, boolean requiredToOptionalBreaks) {
        SchemaDiff d = new SchemaDiff(requiredToOptionalBreaks, new int[] {BUDGET});
        if (!older.path("description").equals(newer.path("description"))) {
            d.add(ChangeKind.DESCRIPTION_CHANGED, "/description", "", "");
        }
        d.compareSchema("", "", older, newer, true);
        if (d.budget[0] < 0) {
            d.add(
                    ChangeKind.NOT_PROVEN_COMPATIBLE,
                    "",
                    "",
                    "the schemas are too large to compare within " + BUDGET + " steps; the rest was not compared");
        }
        JsonNode oldMeta = older.path("self").path("metadata");
        JsonNode newMeta = newer.path("self").path("metadata");
        if (!oldMeta.equals(newMeta)) {
            d.add(ChangeKind.METADATA_CHANGED, newMeta.isMissingNode() ? "/self" : "/self/metadata", "", "");
        }
        return List.copyOf(d.changes);
    }

    /** How many of the {@link #BUDGET} steps comparing two schemas takes (for measurements). */
    static int steps(JsonNode older, JsonNode newer) {
        SchemaDiff d = new SchemaDiff(false, new int[] {BUDGET});
        d.compareSchema("", "", older, newer, true);
        return BUDGET - Math.max(d.budget[0], 0);
    }

    private void add(ChangeKind kind, String pointer, String path, String detail) {
        boolean breaking = kind.breaking() || (kind == ChangeKind.PROPERTY_MADE_OPTIONAL && requiredToOptionalBreaks);
        changes.add(new Change(kind, breaking, pointer, path, detail));
    }

    // ---------------------------------------------------------------------------------------------------------
    // One (sub)schema against another

    /**
     * Compares two (sub)schemas at {@code pointer} in the newer document; {@code root} for the event schema itself,
     * whose description is compared by {@link #diff}.
     */
    private void compareSchema(String pointer, String path, JsonNode o, JsonNode n, boolean root) {
        if (--budget[0] < 0) {
            return; // out of steps: diff() says so
        }
        if (o == null || n == null || o.equals(n)) {
            return;
        }
        if (isFalse(o) || constrainsTypes(o) && Types.of(o).map(Set::isEmpty).orElse(false)) {
            return; // nothing was valid (false, or types no value has): every new schema accepts all of it
        }
        if (isFalse(n)) {
            add(ChangeKind.CONSTRAINT_TIGHTENED, pointer, path, "no value allowed (false)");
            return;
        }
        JsonNode os = o.isObject() ? o : EMPTY;
        JsonNode ns = n.isObject() ? n : EMPTY;
        compareKeywords(pointer, path, os, ns, root);
        compareProperties(pointer, path, os, ns);
        compareItems(pointer, path, os, ns);
        compareObjectKeywords(pointer, path, os, ns);
        compareArrayKeywords(pointer, path, os, ns);
        for (String key : COMBINATORS) {
            compareCombinator(key, pointer, path, os, ns);
        }
        compareNot(pointer, path, os, ns);
        compareConditional(pointer, path, os, ns);
    }

    private void compareKeywords(String pointer, String path, JsonNode o, JsonNode n, boolean root) {
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
            if (nv != null
                    && ov != null
                    && !nv.equals(ov)
                    && key.equals("format")
                    && WIDER_FORMATS.contains(ov.asText() + ">" + nv.asText())) {
                add(ChangeKind.CONSTRAINT_LOOSENED, pointer + "/" + key, path, key + " widened: " + ov + " -> " + nv);
            } else if (nv != null && ov != null && !nv.equals(ov) && !key.equals("const")) {
                // two regular expressions or two formats: which values each accepts cannot be compared here
                add(
                        ChangeKind.NOT_PROVEN_COMPATIBLE,
                        pointer + "/" + key,
                        path,
                        "cannot prove that " + key + " " + nv + " accepts every string " + key + " " + ov + " did");
            } else if (nv != null && !nv.equals(ov)) {
                add(
                        ChangeKind.CONSTRAINT_TIGHTENED,
                        pointer + "/" + key,
                        path,
                        key + (ov == null ? " added: " : " changed: ") + (ov == null ? "" : ov + " -> ") + nv);
            } else if (nv == null && ov != null) {
                add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, key + " removed");
            }
        }
        compareMultipleOf(pointer, path, o.get("multipleOf"), n.get("multipleOf"));
        if (!root && !o.path("description").equals(n.path("description"))) {
            add(ChangeKind.DESCRIPTION_CHANGED, pointer, path, "");
        }
    }

    private void compareTypes(String pointer, String path, JsonNode o, JsonNode n) {
        boolean values = Types.listsValues(o) && Types.listsValues(n);
        Optional<Set<String>> ot = Types.of(o, values);
        Optional<Set<String>> nt = Types.of(n, values);
        if (ot.equals(nt)) {
            return;
        }
        String detail = Types.show(ot) + " -> " + Types.show(nt);
        boolean narrowed =
                nt.isPresent() && (ot.isEmpty() || !ot.get().stream().allMatch(t -> Types.covers(nt.get(), t)));
        add(
                narrowed ? ChangeKind.TYPE_NARROWED : ChangeKind.TYPE_WIDENED,
                pointer + (n.has("type") ? "/type" : ""),
                path,
                detail);
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

    /** {@code multipleOf}: compatible when the new one divides the old one (every multiple of 10 is one of 5). */
    private void compareMultipleOf(String pointer, String path, JsonNode ov, JsonNode nv) {
        boolean was = ov != null && ov.isNumber() && ov.decimalValue().signum() > 0;
        boolean is = nv != null && nv.isNumber() && nv.decimalValue().signum() > 0;
        if (is && !was) {
            add(ChangeKind.CONSTRAINT_TIGHTENED, pointer + "/multipleOf", path, "multipleOf added: " + nv);
        } else if (was && !is) {
            add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, "multipleOf removed");
        } else if (was && ov.decimalValue().compareTo(nv.decimalValue()) != 0) {
            boolean divisor = ov.decimalValue().remainder(nv.decimalValue()).signum() == 0;
            add(
                    divisor ? ChangeKind.CONSTRAINT_LOOSENED : ChangeKind.CONSTRAINT_TIGHTENED,
                    pointer + "/multipleOf",
                    path,
                    "multipleOf " + ov + " -> " + nv + (divisor ? " (a divisor)" : " (not a divisor of " + ov + ")"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Objects

    private void compareProperties(String pointer, String path, JsonNode o, JsonNode n) {
        JsonNode op = o.path("properties");
        JsonNode np = n.path("properties");
        Set<String> oreq = strings(o.path("required"));
        Set<String> nreq = strings(n.path("required"));
        String prefix = path.isEmpty() ? "" : path + ".";
        String propsPointer = pointer + "/properties";
        JsonNode oldAdditional = o.get("additionalProperties");
        JsonNode newAdditional = n.get("additionalProperties");

        boolean oldClosed = isFalse(oldAdditional);
        boolean newClosed = isFalse(newAdditional);
        if (!oldClosed && newClosed) {
            add(ChangeKind.ADDITIONAL_PROPERTIES_CLOSED, pointer + "/additionalProperties", path, "");
        } else if (oldClosed && !newClosed) {
            add(ChangeKind.ADDITIONAL_PROPERTIES_OPENED, pointer, path, "");
        } else if (!oldClosed && !newClosed) {
            compareAdditional(pointer, prefix, oldAdditional, newAdditional);
        }

        np.fieldNames().forEachRemaining(name -> {
            String at = propsPointer + "/" + LocatedTree.escape(name);
            JsonNode before = op.get(name);
            JsonNode after = np.get(name);
            if (before == null) {
                add(
                        nreq.contains(name) ? ChangeKind.REQUIRED_PROPERTY_ADDED : ChangeKind.OPTIONAL_PROPERTY_ADDED,
                        at,
                        prefix + name,
                        "");
                // a partially open model planned the property already: through patternProperties or a schema
                // in additionalProperties
                planned(o, name).ifPresent(old -> compareSchema(at, prefix + name, old, after, false));
                return;
            }
            if (!oreq.contains(name) && nreq.contains(name)) {
                add(ChangeKind.PROPERTY_MADE_REQUIRED, at, prefix + name, "");
            } else if (oreq.contains(name) && !nreq.contains(name)) {
                add(ChangeKind.PROPERTY_MADE_OPTIONAL, at, prefix + name, "");
            }
            compareSchema(at, prefix + name, before, after, false);
        });
        op.fieldNames().forEachRemaining(name -> {
            if (!np.has(name)) {
                String at = np.isObject() ? propsPointer : pointer;
                add(
                        oreq.contains(name)
                                ? ChangeKind.REQUIRED_PROPERTY_REMOVED
                                : ChangeKind.OPTIONAL_PROPERTY_REMOVED,
                        at,
                        prefix + name,
                        "");
                // what the new version says of such a property now: a pattern's schema, a schema in
                // additionalProperties, or nothing at all when it is closed
                Optional<JsonNode> now = planned(n, name);
                if (now.isPresent()) {
                    compareSchema(at, prefix + name, op.get(name), now.get(), false);
                } else if (newClosed && !oreq.contains(name)) {
                    add(
                            ChangeKind.CONSTRAINT_TIGHTENED,
                            pointer + "/additionalProperties",
                            prefix + name,
                            "no longer allowed: the model is closed (additionalProperties: false)");
                }
            }
        });
        // names required without a property of that name (dependencies, combinator branches)
        for (String name : nreq) {
            if (!oreq.contains(name) && !np.has(name)) {
                add(ChangeKind.PROPERTY_MADE_REQUIRED, pointer + "/required", prefix + name, "");
            }
        }
        for (String name : oreq) {
            if (!nreq.contains(name) && !np.has(name) && !op.has(name)) {
                add(ChangeKind.PROPERTY_MADE_OPTIONAL, pointer, prefix + name, "");
            }
        }
    }

    /**
     * The schema a model applies to an undeclared property {@code name}: its first matching
     * {@code patternProperties} schema, else a schema in {@code additionalProperties}; empty when the model leaves
     * such properties open ({@code true} or absent) or closes them.
     */
    private static Optional<JsonNode> planned(JsonNode model, String name) {
        JsonNode patterns = model.path("patternProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = patterns.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (matches(e.getKey(), name)) {
                return Optional.of(e.getValue());
            }
        }
        JsonNode additional = model.get("additionalProperties");
        return additional != null && additional.isObject() ? Optional.of(additional) : Optional.empty();
    }

    /** Schema-valued {@code additionalProperties} (a {@code true} or absent one planned nothing). */
    private void compareAdditional(String pointer, String prefix, JsonNode o, JsonNode n) {
        boolean oldSchema = o != null && o.isObject();
        boolean newSchema = n != null && n.isObject();
        if (newSchema) {
            compareSchema(pointer + "/additionalProperties", prefix + "*", oldSchema ? o : EMPTY, n, false);
        } else if (oldSchema) {
            add(ChangeKind.ADDITIONAL_PROPERTIES_OPENED, pointer, prefix + "*", "additionalProperties schema removed");
        }
    }

    /** {@code patternProperties}, {@code propertyNames}, {@code dependencies}. */
    private void compareObjectKeywords(String pointer, String path, JsonNode o, JsonNode n) {
        String prefix = path.isEmpty() ? "" : path + ".";
        JsonNode op = o.path("patternProperties");
        JsonNode np = n.path("patternProperties");
        np.fieldNames().forEachRemaining(regex -> {
            String at = pointer + "/patternProperties/" + LocatedTree.escape(regex);
            String where = prefix + "/" + regex + "/";
            JsonNode before = op.get(regex);
            if (before != null) {
                compareSchema(at, where, before, np.get(regex), false);
                return;
            }
            JsonNode additional = o.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                compareSchema(at, where, additional, np.get(regex), false);
            } else {
                add(ChangeKind.OPTIONAL_PROPERTY_ADDED, at, where, "properties matching the pattern");
            }
            // declared properties whose names match the new pattern must now match its schema too
            o.path("properties").fieldNames().forEachRemaining(name -> {
                if (matches(regex, name)) {
                    compareSchema(at, prefix + name, o.path("properties").get(name), np.get(regex), false);
                }
            });
        });
        op.fieldNames().forEachRemaining(regex -> {
            if (np.has(regex)) {
                return;
            }
            // such properties now fall to the new additionalProperties
            JsonNode additional = n.get("additionalProperties");
            String where = prefix + "/" + regex + "/";
            if (isFalse(additional)) {
                add(
                        ChangeKind.CONSTRAINT_TIGHTENED,
                        pointer + "/additionalProperties",
                        where,
                        "properties matching the pattern are no longer allowed (additionalProperties: false)");
            } else if (additional != null && additional.isObject()) {
                compareSchema(pointer + "/additionalProperties", where, op.get(regex), additional, false);
            } else {
                add(ChangeKind.CONSTRAINT_LOOSENED, pointer, where, "patternProperties removed");
            }
        });
        JsonNode on = o.get("propertyNames");
        JsonNode nn = n.get("propertyNames");
        if (nn != null) {
            compareSchema(pointer + "/propertyNames", prefix + "(property names)", on == null ? EMPTY : on, nn, false);
        } else if (on != null) {
            add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, "propertyNames removed");
        }
        JsonNode od = o.path("dependencies");
        JsonNode nd = n.path("dependencies");
        nd.fieldNames().forEachRemaining(key -> {
            String at = pointer + "/dependencies/" + LocatedTree.escape(key);
            String when = path + "(when '" + key + "' is present)";
            JsonNode before = od.get(key);
            compareSchema(at, when, before == null ? EMPTY : dependency(before), dependency(nd.get(key)), false);
        });
        od.fieldNames().forEachRemaining(key -> {
            if (!nd.has(key)) {
                add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, "dependencies of '" + key + "' removed");
            }
        });
    }

    /** A dependency as a schema: the array form {@code ["b"]} is {@code {"required": ["b"]}}. */
    private static JsonNode dependency(JsonNode value) {
        if (value.isArray()) {
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.set("required", value);
            return schema;
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Arrays

    /** {@code items} (one schema, or a tuple with {@code additionalItems}). */
    private void compareItems(String pointer, String path, JsonNode o, JsonNode n) {
        JsonNode oi = o.get("items");
        JsonNode ni = n.get("items");
        JsonNode oa = o.has("additionalItems") ? o.get("additionalItems") : EMPTY;
        JsonNode na = n.has("additionalItems") ? n.get("additionalItems") : EMPTY;
        if (ni == null) {
            if (oi != null && !(oi.isBoolean() && oi.booleanValue())) {
                add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path + "[]", "items removed");
            }
            return;
        }
        boolean oldTuple = oi != null && oi.isArray();
        boolean newTuple = ni.isArray();
        if (!oldTuple && !newTuple) {
            compareSchema(pointer + "/items", path + "[]", oi == null ? EMPTY : oi, ni, false);
            return;
        }
        int length = Math.max(oldTuple ? oi.size() : 0, newTuple ? ni.size() : 0);
        for (int i = 0; i < length; i++) {
            JsonNode before = oldTuple ? (i < oi.size() ? oi.get(i) : oa) : (oi == null ? EMPTY : oi);
            JsonNode after = newTuple ? (i < ni.size() ? ni.get(i) : na) : ni;
            String at = newTuple && i < ni.size() ? pointer + "/items/" + i : pointer + "/additionalItems";
            compareSchema(at, path + "[" + i + "]", before, after, false);
        }
        JsonNode restBefore = oldTuple ? oa : (oi == null ? EMPTY : oi);
        JsonNode restAfter = newTuple ? na : ni;
        compareSchema(
                newTuple ? pointer + "/additionalItems" : pointer + "/items",
                path + "[" + length + "..]",
                restBefore,
                restAfter,
                false);
    }

    /** {@code uniqueItems}, {@code contains}. */
    private void compareArrayKeywords(String pointer, String path, JsonNode o, JsonNode n) {
        boolean ou = o.path("uniqueItems").asBoolean(false);
        boolean nu = n.path("uniqueItems").asBoolean(false);
        if (nu && !ou) {
            add(ChangeKind.CONSTRAINT_TIGHTENED, pointer + "/uniqueItems", path, "uniqueItems added");
        } else if (ou && !nu) {
            add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, "uniqueItems removed");
        }
        JsonNode oc = o.get("contains");
        JsonNode nc = n.get("contains");
        if (nc != null && oc == null) {
            add(ChangeKind.CONSTRAINT_TIGHTENED, pointer + "/contains", path, "contains added: " + nc);
        } else if (nc == null && oc != null) {
            add(ChangeKind.CONSTRAINT_LOOSENED, pointer, path, "contains removed");
        } else if (nc != null) {
            // an item matching the old contains must match the new one: the old one must be within the new
            compareSchema(pointer + "/contains", path + "[contains]", oc, nc, false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Combinators

    private void compareCombinator(String key, String pointer, String path, JsonNode o, JsonNode n) {
        JsonNode ol = o.get(key);
        JsonNode nl = n.get(key);
        if (nl == null || !nl.isArray()) {
            if (ol != null && ol.isArray()) {
                add(ChangeKind.COMBINATOR_WIDENED, pointer, path, key + " removed");
            }
            return;
        }
        String at = pointer + "/" + key;
        if (ol == null || !ol.isArray()) {
            added(key, at, path, o, nl);
            return;
        }
        if (key.equals("allOf")) {
            compareAllOf(at, path, o, ol, nl);
        } else {
            compareAnyOf(key, at, path, n, ol, nl);
        }
    }

    /** A combinator the old schema did not have: every value the old schema accepted must pass it. */
    private void added(String key, String at, String path, JsonNode o, JsonNode branches) {
        List<Proof> proofs = new ArrayList<>();
        for (JsonNode b : branches) {
            proofs.add(prove(o, b));
        }
        if (spent()) {
            return;
        }
        if (key.equals("allOf")) {
            for (int i = 0; i < proofs.size(); i++) {
                Proof p = proofs.get(i);
                if (p.verdict() == Verdict.BREAKING) {
                    add(
                            ChangeKind.COMBINATOR_NARROWED,
                            at + "/" + i,
                            path,
                            "allOf added: branch " + (i + 1) + " rejects values the old schema accepted (" + p.first()
                                    + ")");
                } else if (p.verdict() == Verdict.UNPROVEN) {
                    add(
                            ChangeKind.NOT_PROVEN_COMPATIBLE,
                            at + "/" + i,
                            path,
                            "cannot prove that branch " + (i + 1)
                                    + " of the new allOf accepts every value the old schema did");
                }
            }
            if (proofs.stream().allMatch(p -> p.verdict() == Verdict.COMPATIBLE)) {
                add(ChangeKind.COMBINATOR_WIDENED, at, path, "allOf added: accepts every value the old schema did");
            }
            return;
        }
        int covering = firstCompatible(proofs);
        if (covering >= 0 && (key.equals("anyOf") || disjointFromOthers(branches, covering, o))) {
            add(
                    ChangeKind.COMBINATOR_WIDENED,
                    at,
                    path,
                    key + " added: branch " + (covering + 1) + " accepts every value the old schema did");
            return;
        }
        List<Integer> overlapping = overlapping(o, branches, o);
        if (covering < 0 && overlapping.isEmpty()) {
            add(
                    ChangeKind.COMBINATOR_NARROWED,
                    at,
                    path,
                    key + " added: no branch accepts a value of type " + Types.show(Types.of(o)));
        } else if (covering < 0
                && overlapping.size() == 1
                && proofs.get(overlapping.get(0)).verdict() == Verdict.BREAKING) {
            add(
                    ChangeKind.COMBINATOR_NARROWED,
                    at,
                    path,
                    key + " added: its only branch for these values rejects" + " some the old schema accepted ("
                            + proofs.get(overlapping.get(0)).first() + ")");
        } else {
            add(
                    ChangeKind.NOT_PROVEN_COMPATIBLE,
                    at,
                    path,
                    "cannot prove that the new " + key
                            + " accepts every value the old schema did"
                            + (covering >= 0 ? " exactly once (its branches may overlap)" : ""));
        }
    }

    /** {@code allOf} in both: every new branch must accept every old value. */
    private void compareAllOf(String at, String path, JsonNode o, JsonNode ol, JsonNode nl) {
        List<JsonNode> olds = list(ol);
        Set<Integer> usedOld = new TreeSet<>();
        for (int j = 0; j < nl.size() && !spent(); j++) {
            JsonNode branch = nl.get(j);
            int same = olds.indexOf(branch);
            if (same >= 0) {
                usedOld.add(same);
                continue;
            }
            if (j < olds.size() && !contains(nl, olds.get(j))) {
                usedOld.add(j);
                compareSchema(at + "/" + j, path, olds.get(j), branch, false);
                continue;
            }
            Proof p = prove(o, branch);
            if (p.verdict() == Verdict.BREAKING) {
                add(
                        ChangeKind.COMBINATOR_NARROWED,
                        at + "/" + j,
                        path,
                        "allOf branch " + (j + 1) + " added, rejecting values the old schema accepted (" + p.first()
                                + ")");
            } else if (p.verdict() == Verdict.UNPROVEN) {
                add(
                        ChangeKind.NOT_PROVEN_COMPATIBLE,
                        at + "/" + j,
                        path,
                        "cannot prove that the new allOf branch " + (j + 1)
                                + " accepts every value the old schema did");
            } else {
                add(
                        ChangeKind.COMBINATOR_WIDENED,
                        at + "/" + j,
                        path,
                        "allOf branch " + (j + 1) + " added, accepting every value the old schema did");
            }
        }
        for (int i = 0; i < olds.size(); i++) {
            if (!usedOld.contains(i)) {
                add(ChangeKind.COMBINATOR_WIDENED, at, path, "allOf branch removed: " + olds.get(i));
            }
        }
    }

    /**
     * {@code anyOf} or {@code oneOf} in both: each old branch must be within a new one; for {@code oneOf}, the new
     * branch that takes an old one's values must stay apart from the branches that are new.
     */
    private void compareAnyOf(String key, String at, String path, JsonNode n, JsonNode ol, JsonNode nl) {
        List<JsonNode> news = list(nl);
        List<JsonNode> olds = list(ol);
        Set<JsonNode> newSet = new java.util.HashSet<>(news);
        Set<JsonNode> oldSet = new java.util.HashSet<>(olds);
        for (int i = 0; i < olds.size() && !spent(); i++) {
            JsonNode branch = olds.get(i);
            if (newSet.contains(branch)) {
                continue;
            }
            int covering = -1;
            boolean unproven = false;
            for (int j = 0; j < news.size() && covering < 0 && !spent(); j++) {
                Verdict v = prove(branch, news.get(j)).verdict();
                if (v == Verdict.COMPATIBLE) {
                    covering = j;
                }
                unproven |= v == Verdict.UNPROVEN;
            }
            if (covering >= 0) {
                add(
                        ChangeKind.COMBINATOR_WIDENED,
                        at + "/" + covering,
                        path,
                        key + " branch " + (i + 1) + " widened or merged into branch " + (covering + 1));
                continue;
            }
            List<Integer> overlapping = overlapping(branch, nl, n);
            if (overlapping.isEmpty()) {
                add(
                        ChangeKind.COMBINATOR_NARROWED,
                        at,
                        path,
                        key + " branch removed: " + branch + " (no new branch accepts its values)");
            } else if (overlapping.size() == 1 && !unproven) {
                int j = overlapping.get(0);
                add(
                        ChangeKind.COMBINATOR_NARROWED,
                        at + "/" + j,
                        path,
                        key + " branch " + (i + 1) + " narrowed ("
                                + prove(branch, news.get(j)).first() + ")");
            } else {
                add(
                        ChangeKind.NOT_PROVEN_COMPATIBLE,
                        at,
                        path,
                        "cannot prove that the new " + key + " accepts every value of the old branch " + (i + 1));
            }
        }
        for (int j = 0; j < news.size() && !spent(); j++) {
            if (oldSet.contains(news.get(j))) {
                continue;
            }
            if (key.equals("oneOf") && !disjointFromOthers(nl, j, n)) {
                add(
                        ChangeKind.NOT_PROVEN_COMPATIBLE,
                        at + "/" + j,
                        path,
                        "cannot prove that the new oneOf branch " + (j + 1)
                                + " is apart from the others: a value the old schema accepted may now match two");
            } else if (!coversOld(news.get(j), olds)) {
                add(ChangeKind.COMBINATOR_WIDENED, at + "/" + j, path, key + " branch " + (j + 1) + " added");
            }
        }
    }

    /** Whether a new branch is an old one widened (reported with the old one), not one added. */
    private boolean coversOld(JsonNode branch, List<JsonNode> olds) {
        for (JsonNode old : olds) {
            if (spent()) {
                return true;
            }
            if (prove(old, branch).verdict() == Verdict.COMPATIBLE) {
                return true;
            }
        }
        return false;
    }

    private void compareNot(String pointer, String path, JsonNode o, JsonNode n) {
        JsonNode on = o.get("not");
        JsonNode nn = n.get("not");
        if (nn == null) {
            if (on != null) {
                add(ChangeKind.COMBINATOR_WIDENED, pointer, path, "not removed");
            }
            return;
        }
        String at = pointer + "/not";
        if (on != null && prove(nn, on).verdict() == Verdict.COMPATIBLE) {
            add(ChangeKind.COMBINATOR_WIDENED, at, path, "not narrowed: it excludes no value it did not exclude");
            return;
        }
        if (Disjoint.test(o, nn, 3)) {
            add(
                    ChangeKind.COMBINATOR_WIDENED,
                    at,
                    path,
                    "not " + (on == null ? "added" : "changed") + ": it excludes no value the old schema accepted");
            return;
        }
        if (prove(o, nn).verdict() == Verdict.COMPATIBLE) {
            add(
                    ChangeKind.COMBINATOR_NARROWED,
                    at,
                    path,
                    "not " + (on == null ? "added" : "changed") + ": it excludes every value the old schema accepted");
            return;
        }
        add(
                ChangeKind.NOT_PROVEN_COMPATIBLE,
                at,
                path,
                "cannot prove that the new not excludes no value the old" + " schema accepted");
    }

    /** {@code if}/{@code then}/{@code else}. */
    private void compareConditional(String pointer, String path, JsonNode o, JsonNode n) {
        JsonNode oif = o.get("if");
        JsonNode nif = n.get("if");
        JsonNode othen = o.has("then") ? o.get("then") : EMPTY;
        JsonNode nthen = n.has("then") ? n.get("then") : EMPTY;
        JsonNode oelse = o.has("else") ? o.get("else") : EMPTY;
        JsonNode nelse = n.has("else") ? n.get("else") : EMPTY;
        boolean had = oif != null && (o.has("then") || o.has("else"));
        boolean has = nif != null && (n.has("then") || n.has("else"));
        if (!has) {
            if (had) {
                add(ChangeKind.COMBINATOR_WIDENED, pointer, path, "if/then/else removed");
            }
            return;
        }
        if (had && oif.equals(nif)) {
            compareSchema(pointer + "/then", path + "(then)", othen, nthen, false);
            compareSchema(pointer + "/else", path + "(else)", oelse, nelse, false);
            return;
        }
        // the condition is new or changed: safe when both outcomes accept every value the old schema did
        Verdict then = prove(o, nthen).verdict();
        Verdict otherwise = prove(o, nelse).verdict();
        if (then == Verdict.COMPATIBLE && otherwise == Verdict.COMPATIBLE) {
            add(
                    ChangeKind.COMBINATOR_WIDENED,
                    pointer + "/if",
                    path,
                    "if/then/else " + (had ? "changed" : "added")
                            + ": both outcomes accept every value the old schema did");
        } else {
            add(
                    ChangeKind.NOT_PROVEN_COMPATIBLE,
                    pointer + "/if",
                    path,
                    "cannot prove that the new if/then/else" + " accepts every value the old schema did");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Proofs

    /** Whether every value of {@code older} is a value of {@code newer}, as far as the comparison can tell. */
    private enum Verdict {
        COMPATIBLE,
        BREAKING,
        UNPROVEN
    }

    /** A verdict and the first breaking change that decided it. */
    private record Proof(Verdict verdict, String first) {}

    /** Compares {@code older} with {@code newer} on their own (Redshift's rule plays no part in a proof). */
    private Proof prove(JsonNode older, JsonNode newer) {
        SchemaDiff sub = new SchemaDiff(false, budget);
        sub.compareSchema("", "", older, newer, false);
        Optional<Change> proven = sub.changes.stream()
                .filter(c -> c.breaking() && c.kind() != ChangeKind.NOT_PROVEN_COMPATIBLE)
                .findFirst();
        if (proven.isPresent()) {
            return new Proof(Verdict.BREAKING, proven.get().describe());
        }
        Optional<Change> unproven =
                sub.changes.stream().filter(Change::breaking).findFirst();
        return unproven.map(c -> new Proof(Verdict.UNPROVEN, c.describe())).orElse(new Proof(Verdict.COMPATIBLE, ""));
    }

    /** Whether the diff ran out of steps (then it stops: {@link #diff} reports it once). */
    private boolean spent() {
        return budget[0] < 0;
    }

    private static int firstCompatible(List<Proof> proofs) {
        for (int i = 0; i < proofs.size(); i++) {
            if (proofs.get(i).verdict() == Verdict.COMPATIBLE) {
                return i;
            }
        }
        return -1;
    }

    /** The branches a value of {@code schema} might match (those not provably apart from it). */
    private List<Integer> overlapping(JsonNode schema, JsonNode branches, JsonNode parent) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < branches.size() && --budget[0] >= 0; j++) {
            if (!Disjoint.test(schema, branches.get(j), 3, Types.of(parent, false))) {
                out.add(j);
            }
        }
        return out;
    }

    /** Whether branch {@code j} is provably apart from every other branch (under {@code parent}'s types). */
    private boolean disjointFromOthers(JsonNode branches, int j, JsonNode parent) {
        for (int k = 0; k < branches.size(); k++) {
            if (--budget[0] < 0) {
                return false;
            }
            if (k != j && !Disjoint.test(branches.get(j), branches.get(k), 3, Types.of(parent, false))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static boolean matches(String regex, String name) {
        try {
            return EcmaRegex.find(EcmaRegex.compile(regex), regex, name);
        } catch (RuntimeException e) {
            return false; // not a pattern Java runs, or too slow: lint reports it
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode v : array) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Whether anything besides {@code type} narrows a schema's types (only then can none be left). */
    private static boolean constrainsTypes(JsonNode schema) {
        return schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf") || Types.listsValues(schema);
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
