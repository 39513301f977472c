package dev.reflekt.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.json.SchemaViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the events apps sent against the plan, one at a time (nothing is kept of an event but counts): a
 * self-describing event against the schema its Iglu URI names; a Segment-style call against every version of its
 * event name, valid when one version accepts it, else reported against the version with the fewest violations.
 * Findings name the payload file, the document's line and column, the JSON pointer and the rule; never a value sent
 * (payloads are personal data) unless {@code showValues}.
 */
public final class EventCheck {

    /** Longest event name or property key shown (they are strangers' text). */
    static final int MAX_SHOWN = 80;
    /** Findings listed per event name; past it they are counted only (the counts are in events.md). */
    public static final int MAX_LISTED = 100;
    /** Distinct event names kept apart; past it the rest are counted together (names are strangers' text). */
    static final int MAX_EVENTS = 10_000;
    /** Distinct findings (rule and path) counted per event name for the report's top list. */
    static final int MAX_TOP = 50;

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("/[0-9]+(?=/|$)");

    /** Where the events past {@link #MAX_EVENTS} names are counted. */
    public static final String OTHER_EVENTS = "(other event names)";
    /** Where findings of no event (an unreadable document) are grouped. */
    public static final String NO_EVENT = "(unreadable payloads)";

    /**
     * How events are checked.
     *
     * @param requireAll a planned event never seen is an error, not a warning
     * @param showValues findings show the values sent (off by default: payloads are personal data)
     */
    public record Options(boolean requireAll, boolean showValues) {}

    /**
     * What was seen of one event (by its name or Iglu URI as sent).
     *
     * @param seen how many
     * @param valid how many a schema accepted
     * @param versions the versions that accepted them
     * @param rules how many findings of each rule
     * @param top how many findings of each rule at each path ({@code type /properties/price}, array indexes as
     *     {@code *}): the {@value #MAX_TOP} smallest such keys, each counted whole
     */
    public record Seen(
            int seen, int valid, Set<String> versions, Map<String, Integer> rules, Map<String, Integer> top) {}

    /**
     * The outcome.
     *
     * @param findings every finding, in {@link Finding#ORDER}
     * @param events per event name or URI as sent, what was seen
     * @param unseen the planned events never sent (schema ids)
     * @param byEvent the findings listed, per event name as sent (unseen events by their planned name; unreadable
     *     documents under {@link #NO_EVENT})
     * @param unlisted findings counted but not listed (past {@value #MAX_LISTED} for one event name)
     * @param unexplained invalid events counted but not explained: once {@value #MAX_LISTED} findings of an event
     *     name are listed, its later invalid events are only counted (the quick validator proves them invalid; the
     *     full one, which says why, costs ten times as much); {@link Seen#rules} and {@link Seen#top} count the
     *     explained ones
     */
    public record Result(
            List<Finding> findings,
            Map<String, Seen> events,
            List<String> unseen,
            Map<String, List<Finding>> byEvent,
            long unlisted,
            long unexplained) {}

    private final Plan plan;
    private final Severities severities;
    private final Options options;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, Set<String>> versions = new TreeMap<>();
    private final Map<String, Map<String, Integer>> rules = new TreeMap<>();
    private final Map<String, TreeMap<String, Integer>> top = new TreeMap<>();
    private final Map<String, List<Finding>> byEvent = new TreeMap<>();
    private long unlisted;
    private long unexplained;
    private final Set<String> matched = new HashSet<>();

    public EventCheck(Plan plan, Severities severities, Options options) {
        this.plan = plan;
        this.severities = severities;
        this.options = options;
    }

    /** Checks one event (and its contexts). */
    public void accept(SentEvent e) {
        switch (e.call()) {
            case "unknown", "unreadable" -> {
                report(
                        EventRule.UNREADABLE_PAYLOAD,
                        e.where(),
                        e.where().pointer(),
                        e.where().pointer() + ": " + e.name()
                                + " that cannot be read (not JSON, or not base64 of JSON)",
                        "",
                        null);
                e.contexts().forEach(this::accept);
                return;
            }
            default -> {}
        }
        if (e.selfDescribing()) {
            selfDescribing(e);
        } else if (e.data() != null) {
            named(e);
        }
        e.contexts().forEach(this::accept);
    }

    /** Reports a document no format could read. */
    public void problem(EventFiles.Problem p) {
        report(EventRule.UNREADABLE_PAYLOAD, p.where(), "", p.message(), "", null);
    }

    /** Checks one event (and its contexts) and returns its findings (the local collector's console shows them). */
    public List<Finding> check(SentEvent e) {
        int before = findings.size();
        accept(e);
        return List.copyOf(findings.subList(before, findings.size()));
    }

    /**
     * Adds what {@code other} (a check of other events against the same plan) found to this one: counts summed,
     * findings listed joined. The result of {@link #finish} is the same whatever order checks are merged in.
     */
    public void merge(EventCheck other) {
        other.counts.forEach((name, c) -> {
            int[] mine = counts.computeIfAbsent(name, k -> new int[2]);
            mine[0] += c[0];
            mine[1] += c[1];
        });
        other.versions.forEach((name, v) ->
                versions.computeIfAbsent(name, k -> new TreeSet<>()).addAll(v));
        other.rules.forEach((name, r) -> r.forEach(
                (rule, n) -> rules.computeIfAbsent(name, k -> new TreeMap<>()).merge(rule, n, Integer::sum)));
        other.top.forEach((name, t) -> {
            TreeMap<String, Integer> mine = top.computeIfAbsent(name, k -> new TreeMap<>());
            t.forEach((what, n) -> mine.merge(what, n, Integer::sum));
            while (mine.size() > MAX_TOP) {
                mine.pollLastEntry();
            }
        });
        other.byEvent.forEach((name, list) -> listed(name).addAll(list));
        findings.addAll(other.findings);
        unlisted += other.unlisted;
        unexplained += other.unexplained;
        matched.addAll(other.matched);
    }

    /** The findings so far and the planned events never seen. */
    public Result finish() {
        // each event name's findings listed: the first MAX_LISTED in output order (merged checks may hold more)
        findings.clear();
        for (List<Finding> list : byEvent.values()) {
            list.sort(Finding.ORDER);
            if (list.size() > MAX_LISTED) {
                unlisted += list.size() - MAX_LISTED;
                list.subList(MAX_LISTED, list.size()).clear();
            }
            findings.addAll(list);
        }
        List<String> unseen = new ArrayList<>();
        for (Plan.Planned p : plan.all().values()) {
            if (!matched.contains(p.igluUri())) {
                unseen.add(p.file().id());
                Severity severity = options.requireAll() ? Severity.ERROR : severities.severity(EventRule.UNSEEN_EVENT);
                if (severity != Severity.OFF) {
                    Finding f = new Finding(
                            EventRule.UNSEEN_EVENT,
                            severity,
                            p.file().displayPath(),
                            1,
                            1,
                            (p.entity() ? "entity '" : "event '") + p.name() + "' " + p.version()
                                    + " was never sent in the recorded events",
                            "send it in a test, or leave it out with reflekt.select");
                    listed(p.name()).add(f);
                    findings.add(f);
                }
            }
        }
        findings.sort(Finding.ORDER);
        Map<String, Seen> events = new TreeMap<>();
        counts.forEach((name, c) -> events.put(
                name,
                new Seen(
                        c[0],
                        c[1],
                        versions.getOrDefault(name, new TreeSet<>()),
                        rules.getOrDefault(name, new TreeMap<>()),
                        top.getOrDefault(name, new TreeMap<>()))));
        Map<String, List<Finding>> groups = new TreeMap<>();
        byEvent.forEach((name, list) ->
                groups.put(name, list.stream().sorted(Finding.ORDER).toList()));

        return new Result(List.copyOf(findings), events, unseen, groups, unlisted, unexplained);
    }

    private void selfDescribing(SentEvent e) {
        var exact = plan.byUri(e.name());
        if (exact.isPresent()) {
            check(e, List.of(exact.get()));
            return;
        }
        count(e, false);
        List<Plan.Planned> others = plan.versionsOf(e.name());
        if (!others.isEmpty()) {
            report(
                    EventRule.WRONG_VERSION,
                    e.where(),
                    e.where().pointer(),
                    e.where().pointer() + ": " + shown(e.name())
                            + " names a version the plan does not have (it has "
                            + String.join(
                                    ", ",
                                    others.stream().map(Plan.Planned::version).toList()) + ")",
                    "send a version of the plan, or add the schema",
                    e.name());
        } else {
            report(
                    EventRule.UNPLANNED_EVENT,
                    e.where(),
                    e.where().pointer(),
                    e.where().pointer() + ": " + e.call() + " " + shown(e.name()) + " has no schema in the plan",
                    "add a schema, or stop sending it",
                    e.name());
        }
    }

    private void named(SentEvent e) {
        List<Plan.Planned> versions =
                plan.byName(e.name()).stream().filter(p -> !p.entity()).toList();
        if (versions.isEmpty()) {
            count(e, false);
            if (e.call().equals("track")) {
                report(
                        EventRule.UNPLANNED_EVENT,
                        e.where(),
                        e.where().pointer(),
                        e.where().pointer() + ": track '" + shown(e.name()) + "' has no schema in the plan",
                        "add a schema, or stop sending it",
                        e.name());
            }
            return; // identify, page... without a schema of theirs: not planned, not checked
        }
        check(e, versions);
    }

    /**
     * Checked against the version that fits it best: the fewest violations and undeclared properties together, then
     * the fewest undeclared properties, then the newest. (An open schema accepts any extra key, so validity alone
     * would match an event of 1-0 to a 2-0 that shares no property with it.)
     */
    private void check(SentEvent e, List<Plan.Planned> candidates) {
        // what each version says cheaply: valid or not (the quick validator), and what it does not declare
        int n = candidates.size();
        boolean[] valid = new boolean[n];
        List<List<String[]>> unplanned = new ArrayList<>(n);
        int bestValid = -1;
        for (int i = 0; i < n; i++) {
            Plan.Planned p = candidates.get(i);
            valid[i] = p.validator().isValid(e.data());
            List<String[]> u = new ArrayList<>();
            unplannedProperties(p.schema(), e.data(), "", u);
            unplanned.add(u);
            if (valid[i]
                    && (bestValid < 0 || u.size() < unplanned.get(bestValid).size())) {
                bestValid = i;
            }
        }
        // an invalid version has at least one violation: it can only fit better than the best valid one when that
        // one leaves at least as many properties undeclared as it leaves plus one
        boolean explain = bestValid < 0;
        for (int i = 0; i < n && !explain; i++) {
            explain = !valid[i]
                    && unplanned.get(i).size() + 1 <= unplanned.get(bestValid).size();
        }
        if (bestValid < 0 && listed(key(e.name())).size() >= MAX_LISTED) {
            // invalid under every version, and this name's findings listed already: counted, not explained
            count(e, false);
            unexplained++;
            return;
        }
        Plan.Planned best = null;
        List<SchemaViolation> bestViolations = null;
        List<String[]> bestUnplanned = null;
        for (int i = 0; i < n; i++) {
            if (!explain && i != bestValid) {
                continue;
            }
            Plan.Planned p = candidates.get(i);
            List<SchemaViolation> violations =
                    valid[i] ? List.of() : p.validator().validate(e.data());
            List<String[]> u = unplanned.get(i);
            if (best == null
                    || violations.size() + u.size() < bestViolations.size() + bestUnplanned.size()
                    || (violations.size() + u.size() == bestViolations.size() + bestUnplanned.size()
                            && u.size() < bestUnplanned.size())) {
                best = p;
                bestViolations = violations;
                bestUnplanned = u;
            }
        }
        count(e, bestViolations.isEmpty());
        matched.add(best.igluUri());
        if (bestViolations.isEmpty()) {
            versions.computeIfAbsent(key(e.name()), k -> new TreeSet<>()).add(best.version());
        }
        for (SchemaViolation v : bestViolations) {
            EventRule rule = EventRule.of(v.keyword());
            report(rule, e.where(), e.where().pointer() + v.pointer(), message(e, best, v), hint(rule), e.name());
        }
        for (String[] u : bestUnplanned) {
            report(
                    EventRule.UNPLANNED_PROPERTY,
                    e.where(),
                    e.where().pointer() + u[0],
                    e.where().pointer() + u[0] + ": " + event(e, best) + ": '" + shown(u[1])
                            + "' is not declared in the schema",
                    hint(EventRule.UNPLANNED_PROPERTY),
                    e.name());
        }
    }

    private static String event(SentEvent e, Plan.Planned p) {
        return (e.selfDescribing() ? "" : e.call() + " ") + "'" + shown(e.name()) + "' ("
                + p.file().id() + ")";
    }

    private String message(SentEvent e, Plan.Planned p, SchemaViolation v) {
        String at = e.where().pointer() + v.pointer();
        String event = event(e, p);
        String what =
                switch (v.keyword()) {
                    case "required" -> "'" + shown(v.property()) + "' is required and was not sent";
                    case "additionalProperties" ->
                        "'" + shown(v.property()) + "' is not in the schema, which allows no" + " other properties";
                    case "type" -> "is " + jsonType(e.data().at(v.pointer())) + ", not the type the schema declares";
                    case "enum" -> "is not one of the values the schema lists";
                    case "const" -> "is not the schema's constant";
                    case "pattern" -> "does not match the schema's pattern";
                    case "format" -> "does not have the schema's format";
                    default -> "fails the schema's '" + v.keyword() + "'";
                };
        String value = options.showValues() && !e.data().at(v.pointer()).isMissingNode()
                ? " (sent: " + shown(e.data().at(v.pointer()).toString()) + ")"
                : "";
        boolean root = v.pointer().isEmpty() && !v.keyword().equals("required");
        return at + ": " + event + ": " + (root ? "the event " : "") + what + value;
    }

    private static String hint(EventRule rule) {
        return rule == EventRule.UNPLANNED_PROPERTY
                ? "declare it in the schema, or stop sending it"
                : "fix the app, or the schema if the plan is wrong";
    }

    /**
     * Properties sent that an open schema does not declare, in objects the schema describes: {pointer, key} each (a
     * closed schema's extra keys are its {@code additionalProperties} violations).
     */
    private static void unplannedProperties(JsonNode schema, JsonNode data, String pointer, List<String[]> out) {
        JsonNode declared = schema.path("properties");
        if (!data.isObject() || !declared.isObject()) {
            return;
        }
        boolean open = !schema.path("additionalProperties").isBoolean()
                && schema.path("patternProperties").isMissingNode();
        var names = data.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String at = pointer + "/" + dev.reflekt.core.internal.json.LocatedTree.escape(name);
            if (declared.has(name)) {
                unplannedProperties(declared.get(name), data.get(name), at, out);
            } else if (open) {
                out.add(new String[] {at, name});
            }
        }
    }

    private void count(SentEvent e, boolean valid) {
        int[] c = counts.computeIfAbsent(key(e.name()), k -> new int[2]);
        c[0]++;
        c[1] += valid ? 1 : 0;
    }

    private void report(
            EventRule rule, SentEvent.Location where, String pointer, String message, String hint, String event) {
        Severity severity = severities.severity(rule);
        String key = event == null ? NO_EVENT : key(event);
        rules.computeIfAbsent(key, k -> new TreeMap<>()).merge(rule.id(), 1, Integer::sum);
        TreeMap<String, Integer> counted = top.computeIfAbsent(key, k -> new TreeMap<>());
        counted.merge(rule.id() + " " + shown(INDEX.matcher(pointer).replaceAll("/*")), 1, Integer::sum);
        if (counted.size() > MAX_TOP) {
            // the smallest keys are kept: a key once dropped never comes back, so every count kept is whole, and
            // checks merged in any order keep the same keys
            counted.pollLastEntry();
        }
        if (severity == Severity.OFF) {
            return;
        }
        List<Finding> listed = listed(key);
        // past the cap, the rest of the document under way is still listed: a document is listed whole, so that
        // merged checks list the same first findings as one check (finish() cuts to the cap in output order)
        if (listed.size() >= MAX_LISTED && !sameDocument(listed.get(listed.size() - 1), where)) {
            unlisted++;
            return;
        }
        Finding f = new Finding(rule, severity, where.file(), where.line(), where.column(), message, hint);
        listed.add(f);
        findings.add(f);
    }

    private static boolean sameDocument(Finding f, SentEvent.Location where) {
        return f.file().equals(where.file()) && f.line() == where.line() && f.column() == where.column();
    }

    private List<Finding> listed(String key) {
        return byEvent.computeIfAbsent(key, k -> new ArrayList<>());
    }

    /** The name an event is counted under: as sent, until {@value #MAX_EVENTS} names are kept apart. */
    private String key(String name) {
        return counts.containsKey(name) || counts.size() < MAX_EVENTS ? name : OTHER_EVENTS;
    }

    /** Strangers' text, cut to {@value #MAX_SHOWN} characters (sinks escape it). */
    public static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    private static String jsonType(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isIntegralNumber()) {
            return "an integer";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isArray() ? "an array" : "an object";
    }
}
