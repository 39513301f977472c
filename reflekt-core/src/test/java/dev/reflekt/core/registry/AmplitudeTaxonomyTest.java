package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reflekt.core.registry.PushPlan.Action;
import dev.reflekt.core.registry.RegistryClient.Schema;
import dev.reflekt.core.registry.amplitude.AmplitudeTaxonomy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Amplitude registry against a local server speaking the Taxonomy API: the example project pushed, pulled back
 * and pushed again to a second project gives the same tracking plan (and nothing to change on the first); refusals
 * to edit events with data are reported per schema while the rest is written; rate limits are waited out; a wrong
 * key is an error that does not show it.
 */
class AmplitudeTaxonomyTest {

    private static final String KEY = "amp-Key-41c";
    private static final String SECRET = "amp-Secret-9f2";

    private FakeRegistries.Amplitude amplitude;
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        amplitude = new FakeRegistries.Amplitude(KEY, SECRET);
    }

    @AfterEach
    void stop() {
        amplitude.close();
    }

    private AmplitudeTaxonomy client(FakeRegistries.Amplitude server, String secret) {
        return new AmplitudeTaxonomy(
                server.url(),
                "jaffle_shop",
                "com.jaffleshop",
                new HttpTransport(
                        "Amplitude",
                        RetryPolicy.defaults(),
                        Map.of("Authorization", dev.reflekt.core.registry.RegistryType.Access.basic(KEY, secret)),
                        AmplitudeTaxonomy::errorMessage,
                        log::add,
                        waits::add));
    }

    private static Set<String> ids(List<Schema> schemas) {
        Set<String> out = new HashSet<>();
        schemas.forEach(s -> out.add(s.id()));
        return out;
    }

    private static List<PushOutcome> push(AmplitudeTaxonomy client, List<Schema> schemas) throws Exception {
        return client.apply(client.plan(schemas, ids(schemas), false));
    }

    @Test
    void theExamplePushedAndPulledBackIsTheSamePlanEverywhere() throws Exception {
        List<Schema> local = RegistryClientsTest.exampleSchemas();
        AmplitudeTaxonomy client = client(amplitude, SECRET);
        PushPlan plan = client.plan(local, ids(local), false);
        assertThat(plan.changes())
                .extracting(c -> c.id() + " " + c.action())
                .containsExactlyInAnyOrder(
                        "jaffle_shop/Cart_Viewed/1-0.json CREATE",
                        "jaffle_shop/Identify/1-0.json CREATE",
                        "jaffle_shop/Order_Completed/1-0.json CREATE",
                        "jaffle_shop/Page_Viewed/1-0.json CREATE",
                        "jaffle_shop/Product_Added/1-0.json UNCHANGED",
                        "jaffle_shop/Product_Added/2-0.json CREATE");
        PushPlan.Change order = plan.changes().stream()
                .filter(c -> c.id().startsWith("jaffle_shop/Order_Completed"))
                .findFirst()
                .orElseThrow();
        assertThat(order.detail())
                .contains(
                        "'products' is an object array, pushed as Amplitude's any: its Taxonomy API has no type for it");
        assertThat(client.apply(plan)).allMatch(PushOutcome::ok);
        assertThat(amplitude.events).containsOnlyKeys("Cart Viewed", "Order Completed", "Page Viewed", "Product Added");
        assertThat(amplitude.properties.get("Order Completed").get("currency"))
                .containsEntry("type", "enum")
                .containsEntry("enum_values", "USD,EUR,GBP")
                .containsEntry("is_required", "true")
                .containsEntry("description", "ISO 4217 currency code.");
        assertThat(amplitude.userProperties).containsKey("email");

        // nothing to change when pushed again
        assertThat(client.plan(local, ids(local), false).changes())
                .extracting(PushPlan.Change::action)
                .containsOnly(Action.UNCHANGED);

        List<Schema> pulled = client.pull("", notes::add);
        assertThat(ids(pulled))
                .containsExactlyInAnyOrder(
                        "jaffle_shop/Cart_Viewed/1-0.json",
                        "jaffle_shop/Order_Completed/1-0.json",
                        "jaffle_shop/Page_Viewed/1-0.json",
                        "jaffle_shop/Product_Added/1-0.json",
                        "jaffle_shop/Identify/1-0.json");
        JsonNode pulledOrder = pulled.stream()
                .filter(s -> s.id().equals("jaffle_shop/Order_Completed/1-0.json"))
                .findFirst()
                .orElseThrow()
                .json();
        JsonNode localOrder = local.stream()
                .filter(s -> s.id().equals("jaffle_shop/Order_Completed/1-0.json"))
                .findFirst()
                .orElseThrow()
                .json();
        for (String scalar : List.of("order_id", "revenue", "currency")) {
            assertThat(pulledOrder.path("properties").path(scalar))
                    .as(scalar)
                    .isEqualTo(localOrder.path("properties").path(scalar));
        }
        // required is a set: Amplitude lists properties in its own order
        assertThat(pulledOrder.path("required")).containsExactlyInAnyOrderElementsOf(localOrder.path("required"));
        assertThat(pulledOrder.path("description")).isEqualTo(localOrder.path("description"));

        // the pulled plan is what Amplitude holds: nothing to change here, and the same plan in another project
        assertThat(client.plan(pulled, ids(pulled), false).changes())
                .extracting(PushPlan.Change::action)
                .containsOnly(Action.UNCHANGED);
        try (FakeRegistries.Amplitude other = new FakeRegistries.Amplitude(KEY, SECRET)) {
            assertThat(push(client(other, SECRET), pulled)).allMatch(PushOutcome::ok);
            assertThat(other.events).isEqualTo(amplitude.events);
            assertThat(other.properties).isEqualTo(amplitude.properties);
            assertThat(other.userProperties).isEqualTo(amplitude.userProperties);
        }
        assertThat(String.join("\n", log)).doesNotContain(SECRET);
    }

    @Test
    void editsOfEventsWithDataAreRefusedAndReportedWhileTheRestIsWritten() throws Exception {
        List<Schema> local = RegistryClientsTest.exampleSchemas();
        AmplitudeTaxonomy client = client(amplitude, SECRET);
        push(client, local);
        amplitude.withData.add("Order Completed");
        List<Schema> changed = new ArrayList<>();
        for (Schema s : local) {
            ObjectNode json = s.json().deepCopy();
            if (s.id().startsWith("jaffle_shop/Order_Completed") || s.id().startsWith("jaffle_shop/Cart_Viewed")) {
                json.put("description", "Changed.");
                ((ObjectNode) json.path("properties"))
                        .putObject("coupon")
                        .put("type", "string")
                        .put("description", "A coupon.");
            }
            changed.add(new Schema(s.id(), json));
        }
        amplitude.bodies.clear();
        List<PushOutcome> outcomes = push(client, changed);
        PushOutcome order = outcomes.stream()
                .filter(o -> o.change().id().startsWith("jaffle_shop/Order_Completed"))
                .findFirst()
                .orElseThrow();
        assertThat(order.ok()).isFalse();
        assertThat(order.error())
                .startsWith("Amplitude refused update event type 'Order Completed': HTTP 400 Event type 'Order"
                        + " Completed' has data in the project")
                .doesNotContain("create event property");
        // the rest of that schema and the other schemas were written
        assertThat(amplitude.properties.get("Order Completed")).containsKey("coupon");
        assertThat(amplitude.events.get("Cart Viewed")).containsEntry("description", "Changed.");
        assertThat(outcomes).filteredOn(o -> !o.ok()).hasSize(1);
    }

    @Test
    void rateLimitsAreWaitedOutAndAWrongKeyIsNotShown() throws Exception {
        amplitude.rateLimitNext = 1;
        List<Schema> local = RegistryClientsTest.exampleSchemas();
        assertThat(push(client(amplitude, SECRET), local)).allMatch(PushOutcome::ok);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(log).singleElement().asString().contains("HTTP 429");

        assertThatThrownBy(() -> client(amplitude, "wrong-" + SECRET).plan(local, ids(local), false))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("Invalid API key or secret key")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void deleteRemovesThePlannedEventTypesOnly() throws Exception {
        List<Schema> local = RegistryClientsTest.exampleSchemas();
        AmplitudeTaxonomy client = client(amplitude, SECRET);
        push(client, local);
        List<Schema> cart = local.stream()
                .filter(s -> s.id().startsWith("jaffle_shop/Cart_Viewed"))
                .toList();
        List<PushOutcome> outcomes = client.apply(client.plan(cart, ids(local), true));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.change().action()).isEqualTo(Action.DELETE);
        });
        assertThat(amplitude.events).containsOnlyKeys("Order Completed", "Page Viewed", "Product Added");
    }
}
