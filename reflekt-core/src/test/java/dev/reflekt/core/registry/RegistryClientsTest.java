package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.registry.PushPlan.Action;
import dev.reflekt.core.registry.RegistryClient.Schema;
import dev.reflekt.core.registry.confluent.ConfluentClient;
import dev.reflekt.core.registry.iglu.IgluClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Iglu and Confluent clients against local registries with state. */
class RegistryClientsTest {

    private static final String KEY = "iglu-api-key-7f1e";
    private final List<String> notes = new ArrayList<>();

    static List<Schema> exampleSchemas() throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        List<Schema> out = new ArrayList<>();
        for (SchemaFile f : project.schemaFiles()) {
            out.add(new Schema(
                    f.id(), new LocatedTreeReader().readJson(f.path()).root()));
        }
        return out;
    }

    private static HttpTransport transport(Map<String, String> headers) {
        return new HttpTransport("test", RetryPolicy.defaults(), headers, Json::message, m -> {}, d -> {});
    }

    private static Map<String, JsonNode> byId(List<Schema> schemas) {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        schemas.forEach(s -> out.put(s.id(), s.json()));
        return out;
    }

    @Test
    void igluPushThenPullRoundTripsAndASecondPushChangesNothing() throws Exception {
        try (FakeRegistries.Iglu iglu = new FakeRegistries.Iglu(KEY)) {
            IgluClient client = new IgluClient(iglu.url(), transport(Map.of("apikey", KEY)));
            List<Schema> local = exampleSchemas();
            PushPlan plan = client.plan(local, java.util.Set.of(), false);
            assertThat(plan.count(Action.CREATE)).isEqualTo(6);
            assertThat(plan.changes())
                    .extracting(PushPlan.Change::target)
                    .contains(
                            "com.jaffleshop/Order_Completed/jsonschema/1-0-0",
                            "com.jaffleshop/Product_Added/jsonschema/2-0-0");
            assertThat(client.apply(plan)).allMatch(PushOutcome::ok);
            assertThat(iglu.schemas
                            .get("com.jaffleshop/Order_Completed/jsonschema/1-0-0")
                            .at("/self/name")
                            .asText())
                    .isEqualTo("Order_Completed");

            assertThat(byId(client.pull("", notes::add))).isEqualTo(byId(local));
            assertThat(client.plan(local, java.util.Set.of(), false).count(Action.UNCHANGED))
                    .isEqualTo(6);
        }
    }

    @Test
    void igluDryRunPlanningWritesNothingAndDeleteStaysWithinTheVendor() throws Exception {
        try (FakeRegistries.Iglu iglu = new FakeRegistries.Iglu(KEY)) {
            IgluClient client = new IgluClient(iglu.url(), transport(Map.of("apikey", KEY)));
            List<Schema> local = exampleSchemas();
            client.apply(client.plan(local, java.util.Set.of(), false));
            iglu.schemas.put("com.other/Thing/jsonschema/1-0-0", Json.MAPPER.readTree("{\"self\":{}}"));
            long writes = iglu.writes();
            PushPlan plan = client.plan(local.subList(0, 5), java.util.Set.of(), true);
            assertThat(iglu.writes()).isEqualTo(writes);
            assertThat(plan.changes())
                    .filteredOn(c -> c.action() == Action.DELETE)
                    .extracting(PushPlan.Change::target)
                    .containsExactly("com.jaffleshop/Product_Added/jsonschema/2-0-0");
        }
    }

    @Test
    void igluWithoutTheApiKeyIsRefusedWithTheServersMessage() throws Exception {
        try (FakeRegistries.Iglu iglu = new FakeRegistries.Iglu(KEY)) {
            IgluClient client = new IgluClient(iglu.url(), transport(Map.of("apikey", "wrong")));
            List<PushOutcome> outcomes =
                    client.apply(client.plan(exampleSchemas().subList(0, 1), java.util.Set.of(), false));
            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.error())
                    .isEqualTo("test refused pushing jaffle_shop/Cart_Viewed/1-0.json as"
                            + " com.jaffleshop/Cart_Viewed/jsonschema/1-0-0: HTTP 401 Not authorized"));
        }
    }

    @Test
    void igluSchemaWithARevisionIsSkippedOnPull() throws Exception {
        try (FakeRegistries.Iglu iglu = new FakeRegistries.Iglu(KEY)) {
            iglu.schemas.put(
                    "com.acme/ad_click/jsonschema/1-1-0",
                    Json.MAPPER.readTree(
                            "{\"self\":{\"vendor\":\"com.acme\",\"name\":\"ad_click\",\"format\":\"jsonschema\",\"version\":\"1-1-0\"}}"));
            iglu.schemas.put(
                    "com.acme/ad_view/jsonschema/1-0-2",
                    Json.MAPPER.readTree(
                            "{\"self\":{\"vendor\":\"com.acme\",\"name\":\"ad_view\",\"format\":\"jsonschema\",\"version\":\"1-0-2\"},"
                                    + " \"properties\": {}}"));
            List<Schema> pulled = new IgluClient(iglu.url(), transport(Map.of())).pull("", notes::add);
            assertThat(pulled).extracting(Schema::id).containsExactly("com.acme/ad_view/1-2.json");
            assertThat(pulled.get(0).json().at("/self/name").asText()).isEqualTo("ad view");
            assertThat(notes)
                    .containsExactly("Skipped iglu:com.acme/ad_click/jsonschema/1-1-0: its SchemaVer has a"
                            + " REVISION, which Reflekt's MAJOR-MINOR versions cannot express.");
        }
    }

    @Test
    void confluentRegistersSubjectsPerMajorChecksCompatibilityAndRoundTrips() throws Exception {
        try (FakeRegistries.Confluent registry = new FakeRegistries.Confluent()) {
            ConfluentClient client = new ConfluentClient(registry.url(), null, transport(Map.of()));
            List<Schema> local = new ArrayList<>(exampleSchemas());
            local.sort(Comparator.comparing(Schema::id));
            PushPlan plan = client.plan(local, java.util.Set.of(), false);
            assertThat(plan.changes())
                    .extracting(PushPlan.Change::target)
                    .contains("com.jaffleshop.Product_Added.v1", "com.jaffleshop.Product_Added.v2");
            assertThat(client.apply(plan)).allMatch(PushOutcome::ok);
            assertThat(registry.subjects).hasSize(6);
            assertThat(byId(client.pull("", notes::add))).isEqualTo(byId(local));
            assertThat(client.plan(local, java.util.Set.of(), false).count(Action.UNCHANGED))
                    .isEqualTo(6);

            // A breaking edit of 1-0 is refused with the registry's messages, and nothing is written.
            Schema cart = local.get(0);
            com.fasterxml.jackson.databind.node.ObjectNode broken = cart.json().deepCopy();
            ((com.fasterxml.jackson.databind.node.ArrayNode) broken.withArray("required")).add("item_count");
            long writes = registry.writes();
            PushPlan refused = client.plan(List.of(new Schema(cart.id(), broken)), java.util.Set.of(), false);
            assertThat(refused.changes()).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(Action.REFUSED);
                assertThat(c.detail())
                        .contains("PROPERTY_MADE_REQUIRED", "optional property made required 'item_count'");
            });
            assertThat(client.apply(refused))
                    .singleElement()
                    .extracting(PushOutcome::ok)
                    .isEqualTo(false);
            assertThat(registry.writes()).isEqualTo(writes);
        }
    }

    @Test
    void confluentSubjectTemplateIsConfigurable() throws Exception {
        Schema s = exampleSchemas().get(0);
        assertThat(new ConfluentClient("http://x", "{event}-value", transport(Map.of())).subject(s))
                .isEqualTo("Cart_Viewed-value");
        assertThat(new ConfluentClient("http://x", null, transport(Map.of())).subject(s))
                .isEqualTo("com.jaffleshop.Cart_Viewed.v1");
    }

    @Test
    void aMalformedAnswerIsOneClearError() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(ScriptedServer.Reply.of(200, "<html>proxy error</html>"));
            String url = server.uri("").toString();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new IgluClient(url, transport(Map.of())).pull("", notes::add))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith("Iglu Server at " + url + " sent a malformed answer to GET /api/schemas:");
        }
    }
}
