package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.PullCommand;
import dev.reflekt.core.command.PushCommand;
import dev.reflekt.core.definitions.RefsFixture;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.SchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull of schemas with shared definitions: inlined for Iglu, references for Confluent. */
class SharedDefinitionsRegistryTest {

    private static final String KEY = "iglu-Secret-5d2";

    @TempDir
    Path dir;

    @TempDir
    Path other;

    private final List<String> log = new ArrayList<>();

    private static TestProject withRegistries(TestProject p, String igluUrl, String confluentUrl) {
        return p.write(
                "reflekt_profiles.yml",
                "dev:\n  registry:\n    - {id: schemas, type: confluent, url: '" + confluentUrl + "'}\n"
                        + "    - {id: snowplow, type: iglu, url: '" + igluUrl + "', api_key: '" + KEY + "'}\n");
    }

    private static RegistryRequest request(String registry) {
        return new RegistryRequest("", "", registry, false, false, false, Map.of(), "", Map.of());
    }

    @Test
    void confluentGetsDefinitionsAsSubjectsAndEventsWithReferencesAndPullReproducesTheFiles() throws Exception {
        try (FakeRegistries.Confluent confluent = new FakeRegistries.Confluent();
                FakeRegistries.Iglu iglu = new FakeRegistries.Iglu(KEY)) {
            TestProject p = withRegistries(RefsFixture.create(dir), iglu.url(), confluent.url());
            RegistrySync.PushResult pushed =
                    PushCommand.run(p.load(), request("schemas"), RetryPolicy.defaults(), log::add, d -> {});
            assertThat(pushed.outcomes()).allMatch(PushOutcome::ok);
            assertThat(pushed.plan().changes())
                    .extracting(PushPlan.Change::target)
                    .startsWith("reflekt.definitions.money.v1", "reflekt.definitions.product.v1");
            assertThat(confluent.subjects)
                    .containsOnlyKeys(
                            "reflekt.definitions.money.v1",
                            "reflekt.definitions.product.v1",
                            "com.example.Cart_Viewed.v1",
                            "com.example.Checkout_Started.v1",
                            "com.example.Order_Completed.v1",
                            "com.example.Product_Viewed.v1");
            assertThat(confluent
                            .references
                            .get("reflekt.definitions.product.v1/1")
                            .toString())
                    .isEqualTo("[{\"name\":\"../money/1-0.json\",\"subject\":\"reflekt.definitions.money.v1\","
                            + "\"version\":1}]");
            assertThat(confluent
                            .references
                            .get("com.example.Order_Completed.v1/1")
                            .toString())
                    .isEqualTo("[{\"name\":\"../../.reflekt/definitions/money/1-0.json\","
                            + "\"subject\":\"reflekt.definitions.money.v1\",\"version\":1},"
                            + "{\"name\":\"../../.reflekt/definitions/product/1-0.json\","
                            + "\"subject\":\"reflekt.definitions.product.v1\",\"version\":1}]");
            assertThat(confluent.references).doesNotContainKey("reflekt.definitions.money.v1/1");

            // A second push changes nothing.
            RegistrySync.PushResult again =
                    PushCommand.run(p.load(), request("schemas"), RetryPolicy.defaults(), log::add, d -> {});
            assertThat(again.plan().changes()).allMatch(c -> c.action() == PushPlan.Action.UNCHANGED);

            TestProject empty = withRegistries(TestProject.create(other), iglu.url(), confluent.url());
            RegistrySync.PullResult pulled =
                    PullCommand.run(empty.load(), request("schemas"), RetryPolicy.defaults(), log::add, d -> {});
            assertThat(pulled.refused()).isEmpty();
            assertThat(pulled.findings()).isEmpty();
            assertThat(pulled.written()).hasSize(6);
            LocatedTreeReader reader = new LocatedTreeReader();
            try (Stream<Path> files = Files.walk(RefsFixture.SCHEMAS)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String id = RefsFixture.SCHEMAS.relativize(f).toString().replace('\\', '/');
                    assertThat(reader.readJson(other.resolve("schemas").resolve(id))
                                    .root())
                            .as(id)
                            .isEqualTo(reader.readJson(f).root());
                }
            }
        }
    }

    @Test
    void igluGetsInlinedSchemasThatValidateTheSameEvents() throws Exception {
        try (FakeRegistries.Iglu iglu = new FakeRegistries.Iglu(KEY)) {
            TestProject p = withRegistries(RefsFixture.create(dir), iglu.url(), "http://127.0.0.1:9");
            RegistrySync.PushResult pushed =
                    PushCommand.run(p.load(), request("snowplow"), RetryPolicy.defaults(), log::add, d -> {});
            assertThat(pushed.outcomes()).hasSize(4).allMatch(PushOutcome::ok);
            assertThat(iglu.schemas).hasSize(4);
            iglu.schemas.values().forEach(s -> assertThat(s.toString()).doesNotContain("$ref"));
            // Pulled back, the inlined schemas are recognised as the files that use definitions.
            RegistrySync.PullResult pulled =
                    PullCommand.run(p.load(), request("snowplow"), RetryPolicy.defaults(), log::add, d -> {});
            assertThat(pulled.unchanged()).hasSize(4);
            assertThat(pulled.kept()).isEmpty();
            assertThat(pulled.written()).isEmpty();

            LocatedTreeReader reader = new LocatedTreeReader();
            // networknt resolves the written schema's $refs itself, from the repository's files served at
            // https://schemas.test/<path> (it fetches nothing else). A definition's relative $id is left out of what
            // it is served: a standard resolver takes it relative to the definition's own address, where Reflekt
            // takes it (as an event's $id) relative to schemas/; the refs themselves are plain relative paths.
            Map<String, String> served = new java.util.HashMap<>();
            try (Stream<Path> walk = Files.walk(dir.resolve("schemas"))) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String id = dir.resolve("schemas").relativize(f).toString().replace('\\', '/');
                    com.fasterxml.jackson.databind.node.ObjectNode json =
                            (com.fasterxml.jackson.databind.node.ObjectNode)
                                    reader.readJson(f).root();
                    if (id.startsWith(".reflekt/definitions/")) {
                        json.remove("$id");
                    }
                    served.put("https://schemas.test/" + id, json.toString());
                }
            }
            SchemaRegistry files = SchemaRegistry.withDefaultDialect(
                    Dialects.getDraft7(),
                    b -> b.schemaLoader(l -> l.resourceLoaders(r -> r.resources(served))
                            .block(iri -> !iri.toString().startsWith("https://schemas.test/"))));
            String base = "https://schemas.test/";
            Map<String, String> events = Map.of(
                    "Order_Completed",
                    "{\"order_id\": \"o1\", \"products\": [{\"product_id\": \"p1\", \"price\": {\"amount\": 3,"
                            + " \"currency\": \"EUR\"}}], \"total\": {\"amount\": 3, \"currency\": \"EUR\"}}",
                    "Checkout_Started",
                    "{\"shipping_address\": {\"city\": \"Paris\"}, \"total\": {\"amount\": 1, \"currency\": \"EUR\"}}");
            Map<String, String> bad = Map.of(
                    "Order_Completed",
                    "{\"order_id\": \"o1\", \"products\": [{\"product_id\": \"p1\", \"price\": {\"amount\": 3,"
                            + " \"currency\": \"euro\"}}], \"total\": {\"amount\": -1, \"currency\": \"EUR\"}}",
                    "Checkout_Started",
                    "{\"shipping_address\": {\"postal_code\": \"75001\"}, \"total\": {\"amount\": 1}}");
            for (String event : events.keySet()) {
                com.fasterxml.jackson.databind.node.ObjectNode inlined = iglu.schemas
                        .get("com.example/" + event + "/jsonschema/1-0-0")
                        .deepCopy();
                inlined.remove("$schema"); // Iglu's self-describing meta-schema; the rest is draft-07
                SchemaValidator pushedSchema = SchemaValidator.compile("urn:test:" + event, inlined);
                JsonNode written = reader.readJson(dir.resolve("schemas/shop/" + event + "/1-0.json"))
                        .root();
                Schema original = files.getSchema(SchemaLocation.of(base), written);
                for (String sample : List.of(events.get(event), bad.get(event))) {
                    JsonNode instance = reader.readJson(sample).root();
                    assertThat(pushedSchema.validate(instance).size())
                            .as(event + " " + sample)
                            .isEqualTo(original.validate(instance).size());
                }
                assertThat(pushedSchema.validate(
                                reader.readJson(events.get(event)).root()))
                        .isEmpty();
                assertThat(pushedSchema.validate(reader.readJson(bad.get(event)).root()))
                        .hasSize(2);
            }
        }
    }
}
