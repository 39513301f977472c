package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.registry.PushPlan.Action;
import dev.reflekt.core.registry.RegistryClient.Schema;
import dev.reflekt.core.registry.segment.SegmentClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Segment client against a local Segment workspace behind the Public API. */
class SegmentClientTest {

    private static final String TOKEN = "sgp_Token-8d1";

    private FakeRegistries.Segment segment;
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        segment = new FakeRegistries.Segment(TOKEN);
    }

    @AfterEach
    void stop() {
        segment.close();
    }

    private SegmentClient client(String token) {
        return new SegmentClient(
                segment.url(),
                "com.jaffleshop",
                new HttpTransport(
                        "Segment",
                        RetryPolicy.defaults(),
                        Map.of("Authorization", "Bearer " + token),
                        SegmentClient::errorMessage,
                        log::add,
                        waits::add));
    }

    private static Set<String> ids(List<Schema> schemas) {
        Set<String> out = new HashSet<>();
        schemas.forEach(s -> out.add(s.id()));
        return out;
    }

    private static Map<String, JsonNode> byId(List<Schema> schemas) {
        Map<String, JsonNode> out = new TreeMap<>();
        schemas.forEach(s -> out.put(s.id(), s.json()));
        return out;
    }

    @Test
    void pushCreatesThePlanThenPullRoundTripsTheSchemas() throws Exception {
        List<Schema> local = RegistryClientsTest.exampleSchemas();
        SegmentClient client = client(TOKEN);
        PushPlan plan = client.plan(local, ids(local), false);
        assertThat(plan.count(Action.CREATE)).isEqualTo(6);
        assertThat(plan.changes())
                .extracting(PushPlan.Change::target)
                .contains(
                        "jaffle_shop: TRACK 'Order Completed' v1",
                        "jaffle_shop: IDENTIFY v1",
                        "jaffle_shop: PAGE v1",
                        "jaffle_shop: TRACK 'Product Added' v2");
        assertThat(client.apply(plan)).allMatch(PushOutcome::ok);
        assertThat(segment.plans).containsValue("jaffle_shop");
        JsonNode identify = segment.rules.get("tp_1").stream()
                .filter(r -> r.path("type").asText().equals("IDENTIFY"))
                .findFirst()
                .orElseThrow();
        assertThat(identify.at("/jsonSchema/properties/traits/properties/email/type")
                        .asText())
                .isEqualTo("string");
        assertThat(identify.at("/jsonSchema/labels/code_owner").asText()).isEqualTo("web");

        assertThat(byId(client.pull("", notes::add))).isEqualTo(byId(local));
        PushPlan again = client.plan(local, ids(local), false);
        assertThat(again.count(Action.UNCHANGED)).isEqualTo(6);
    }

    @Test
    void wholePlanIsReplacedWithPutSelectedEventsArePatched() throws Exception {
        List<Schema> local = RegistryClientsTest.exampleSchemas();
        SegmentClient client = client(TOKEN);
        client.apply(client.plan(local, ids(local), false));
        segment.bodies.clear();
        client.apply(client.plan(local, ids(local), false));
        assertThat(segment.bodies).singleElement().asString().startsWith("PUT /tracking-plans/tp_1/rules ");

        ObjectNode changed = local.get(0).json().deepCopy();
        changed.put("description", "A customer looked at their cart.");
        segment.bodies.clear();
        PushPlan one = client.plan(List.of(new Schema(local.get(0).id(), changed)), ids(local), false);
        assertThat(one.changes())
                .singleElement()
                .extracting(PushPlan.Change::action)
                .isEqualTo(Action.UPDATE);
        client.apply(one);
        assertThat(segment.bodies)
                .singleElement()
                .asString()
                .startsWith("PATCH /tracking-plans/tp_1/rules ")
                .contains("A customer looked at their cart.");
        assertThat(segment.rules.get("tp_1")).hasSize(6);
    }

    @Test
    void dryRunPlanningSendsNoWriteAndMinorVersionsAreRefused() throws Exception {
        List<Schema> local = new ArrayList<>(RegistryClientsTest.exampleSchemas());
        ObjectNode minor = local.get(0).json().deepCopy();
        ((ObjectNode) minor.get("self")).put("version", "1-1");
        local.add(new Schema("jaffle_shop/Cart_Viewed/1-1.json", minor));
        PushPlan plan = client(TOKEN).plan(local, ids(local), false);
        assertThat(segment.requests).allMatch(r -> r.startsWith("GET "));
        assertThat(plan.changes())
                .filteredOn(c -> c.action() == Action.REFUSED)
                .singleElement()
                .extracting(PushPlan.Change::detail)
                .asString()
                .startsWith("Segment keeps MAJOR versions only; a MINOR version (1-1) cannot be pushed.");
    }

    @Test
    void pullFollowsPaginationOver450Rules() throws Exception {
        String id = segment.addPlan("big_plan");
        for (int i = 0; i < 450; i++) {
            ObjectNode rule = Json.MAPPER
                    .createObjectNode()
                    .put("type", "TRACK")
                    .put("key", "Event " + i)
                    .put("version", 1);
            rule.putObject("jsonSchema")
                    .putObject("properties")
                    .putObject("properties")
                    .putObject("properties");
            segment.rules.get(id).add(rule);
        }
        ObjectNode common = Json.MAPPER.createObjectNode().put("type", "COMMON").put("version", 1);
        segment.rules.get(id).add(common);
        List<Schema> pulled = client(TOKEN).pull("big_plan", notes::add);
        assertThat(pulled).hasSize(450);
        assertThat(segment.requests).filteredOn(r -> r.contains("/rules")).hasSize(3);
        // An event without a description does not fail (Reflekt bug #99).
        assertThat(pulled.get(0).json().path("description").asText()).isEmpty();
        assertThat(notes).containsExactly("Skipped the COMMON rule of tracking plan big_plan.");
    }

    @Test
    void rateLimitsAreWaitedOutAndAWrongTokenIsOneClearError() throws Exception {
        segment.addPlan("p");
        segment.rateLimitNext = 1;
        assertThat(client(TOKEN).pull("", notes::add)).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(log)
                .singleElement()
                .asString()
                .contains("HTTP 429 Too many requests")
                .doesNotContain(TOKEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client("wrong").pull("", notes::add))
                .hasMessage("Segment refused GET /tracking-plans: HTTP 401 Unauthorized");
    }

    @Test
    void deleteRemovesTheSelectedEventsFromThePlan() throws Exception {
        List<Schema> local = RegistryClientsTest.exampleSchemas();
        SegmentClient client = client(TOKEN);
        client.apply(client.plan(local, ids(local), false));
        PushPlan delete = client.plan(local.subList(0, 1), ids(local), true);
        assertThat(delete.changes())
                .singleElement()
                .extracting(PushPlan.Change::action)
                .isEqualTo(Action.DELETE);
        assertThat(client.apply(delete)).allMatch(PushOutcome::ok);
        assertThat(segment.rules.get("tp_1"))
                .hasSize(5)
                .noneMatch(r -> r.path("key").asText().equals("Cart Viewed"));
    }
}
