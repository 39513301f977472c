package dev.reflekt.core.registry.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.project.SchemaSelector;
import dev.reflekt.core.registry.HttpTransport;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.registry.PushOutcome;
import dev.reflekt.core.registry.PushPlan;
import dev.reflekt.core.registry.PushPlan.Action;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Segment Protocols through Segment's Public API ({@code Authorization: Bearer}). Push creates the
 * tracking plan if missing, replaces its rules ({@code PUT …/rules}) when all of its schemas are pushed,
 * upserts them ({@code PATCH …/rules}) when some are, removes them ({@code DELETE …/rules}) with delete.
 * Lists follow {@code pagination.next} to the end.
 */
public final class SegmentClient implements RegistryClient {

    /** Segment's Public API. */
    public static final String API = "https://api.segmentapis.com";

    private static final int PAGE = 200;

    private final String api;
    private final String vendor;
    private final HttpTransport http;
    /** The writes {@link #plan} decided, per tracking plan name, for {@link #apply}. */
    private final Map<String, PlanWrite> writes = new HashMap<>();

    private record PlanWrite(String planId, String method, List<JsonNode> rules) {}

    /** @param vendor the project's default vendor, for pulled schemas */
    public SegmentClient(String api, String vendor, HttpTransport http) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.vendor = vendor == null ? "" : vendor;
        this.http = http;
    }

    @Override
    public String name() {
        return "Segment Protocols at " + api;
    }

    private URI uri(String path) {
        return URI.create(api + path);
    }

    /** Every item of a paginated list, following {@code pagination.next}. */
    private List<JsonNode> all(String path, String field) throws RegistryException {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?pagination.count=" + PAGE
                    + (cursor == null ? "" : "&pagination.cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpTransport.Response r = http.expectOk(http.send("GET", uri(path + query), null), "GET " + path);
            JsonNode data = Json.parse(r.body(), "Segment", "GET " + path).path("data");
            data.path(field).forEach(out::add);
            JsonNode next = data.path("pagination").path("next");
            cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        } while (cursor != null);
        return out;
    }

    private Map<String, String> planIds() throws RegistryException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode plan : all("/tracking-plans", "trackingPlans")) {
            ids.putIfAbsent(plan.path("name").asText(), plan.path("id").asText());
        }
        return ids;
    }

    @Override
    public String check() throws RegistryException {
        int n = planIds().size();
        return n + " tracking plan" + (n == 1 ? "" : "s");
    }

    @Override
    public PushPlan plan(List<Schema> schemas, Set<String> allIds, boolean delete) throws RegistryException {
        writes.clear();
        Map<String, String> ids = planIds();
        Map<String, List<Schema>> byPlan = new LinkedHashMap<>();
        schemas.forEach(s -> byPlan.computeIfAbsent(SegmentRules.plan(s), p -> new ArrayList<>())
                .add(s));
        List<PushPlan.Change> changes = new ArrayList<>();
        for (Map.Entry<String, List<Schema>> group : byPlan.entrySet()) {
            String plan = group.getKey();
            String planId = ids.get(plan);
            Map<String, JsonNode> existing = new HashMap<>();
            if (planId != null) {
                for (JsonNode rule : all("/tracking-plans/" + planId + "/rules", "rules")) {
                    existing.put(SegmentRules.ruleId(rule), SegmentRules.comparable(rule));
                }
            }
            long inPlan =
                    allIds.stream().filter(id -> id.startsWith(plan + "/")).count();
            boolean whole =
                    !delete && planId != null && inPlan == group.getValue().size();
            List<JsonNode> rules = new ArrayList<>();
            for (Schema s : group.getValue()) {
                ObjectNode rule = SegmentRules.toRule(s);
                String target = plan + ": " + rule.path("type").asText()
                        + (rule.path("key").isNull()
                                ? ""
                                : " '" + rule.path("key").asText() + "'") + " v"
                        + rule.path("version").asInt();
                if (SegmentRules.minor(s) != 0) {
                    changes.add(new PushPlan.Change(
                            s.id(),
                            Action.REFUSED,
                            target,
                            "Segment keeps MAJOR versions only;"
                                    + " a MINOR version ("
                                    + s.json().at("/self/version").asText() + ") cannot be pushed. Push"
                                    + " MAJOR-0 versions (1-0, 2-0), or bump MAJOR for this change.",
                            null));
                    continue;
                }
                JsonNode before = existing.get(SegmentRules.ruleId(rule));
                Action action;
                if (delete) {
                    if (before == null) {
                        continue;
                    }
                    action = Action.DELETE;
                } else {
                    action = before == null
                            ? Action.CREATE
                            : before.equals(SegmentRules.comparable(rule)) ? Action.UNCHANGED : Action.UPDATE;
                }
                changes.add(new PushPlan.Change(
                        s.id(), action, target, planId == null ? "new tracking plan " + plan : "", Json.write(rule)));
                if (delete) {
                    ObjectNode ref = Json.MAPPER.createObjectNode();
                    ref.set("type", rule.get("type"));
                    ref.set("key", rule.get("key"));
                    ref.set("version", rule.get("version"));
                    rules.add(ref);
                } else if (whole || action != Action.UNCHANGED) {
                    rules.add(rule);
                }
            }
            if (!rules.isEmpty()) {
                writes.put(plan, new PlanWrite(planId, delete ? "DELETE" : whole ? "PUT" : "PATCH", rules));
            }
        }
        return new PushPlan(name(), changes);
    }

    @Override
    public List<PushOutcome> apply(PushPlan plan) {
        Map<String, String> errors = new HashMap<>();
        for (Map.Entry<String, PlanWrite> w : writes.entrySet()) {
            try {
                String planId = w.getValue().planId();
                if (planId == null) {
                    ObjectNode create = Json.MAPPER
                            .createObjectNode()
                            .put("name", w.getKey())
                            .put("type", "LIVE");
                    HttpTransport.Response r = http.expectOk(
                            http.send("POST", uri("/tracking-plans"), Json.write(create)),
                            "creating tracking plan " + w.getKey());
                    planId = Json.parse(r.body(), "Segment", "POST /tracking-plans")
                            .at("/data/trackingPlan/id")
                            .asText();
                }
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.set("rules", SegmentRules.array(w.getValue().rules()));
                http.expectOk(
                        http.send(w.getValue().method(), uri("/tracking-plans/" + planId + "/rules"), Json.write(body)),
                        w.getValue().method() + " the rules of tracking plan " + w.getKey());
            } catch (RegistryException e) {
                errors.put(w.getKey(), e.getMessage());
            }
        }
        writes.clear();
        List<PushOutcome> out = new ArrayList<>();
        for (PushPlan.Change c : plan.changes()) {
            String plan2 = c.id().substring(0, Math.max(0, c.id().indexOf('/')));
            out.add(new PushOutcome(c, c.action() == Action.REFUSED ? c.detail() : errors.get(plan2)));
        }
        return out;
    }

    @Override
    public List<Schema> pull(String select, Consumer<String> notes) throws RegistryException {
        Map<String, String> ids = planIds();
        String wanted = select == null ? "" : SchemaSelector.normalize(select.split(",")[0]);
        if (!wanted.isEmpty()) {
            String planName = wanted.split("/")[0];
            if (!ids.containsKey(planName)) {
                throw new RegistryException(
                        "Segment has no tracking plan named '" + planName + "'; it has " + ids.keySet()
                                + ". Select plan_name[/event_name[/version]].",
                        404);
            }
            ids.keySet().retainAll(Set.of(planName));
        }
        List<Schema> out = new ArrayList<>();
        for (Map.Entry<String, String> plan : ids.entrySet()) {
            for (JsonNode rule : all("/tracking-plans/" + plan.getValue() + "/rules", "rules")) {
                String type = rule.path("type").asText();
                if (type.equals("COMMON") || type.equals("ALIAS")) {
                    notes.accept("Skipped the " + type + " rule of tracking plan " + plan.getKey() + ".");
                    continue;
                }
                out.add(SegmentRules.fromRule(plan.getKey(), rule, vendor));
            }
        }
        return out;
    }

    /** Segment's error bodies: {@code {"errors": [{"type": ..., "message": ...}]}}. */
    public static String errorMessage(String body) {
        return Json.errorsMessage(body);
    }
}
