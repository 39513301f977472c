package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.PullCommand;
import dev.reflekt.core.command.PushCommand;
import dev.reflekt.core.registry.PushPlan.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySyncTest {

    private static final String KEY = "iglu-Secret-5d2";

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private FakeRegistries.Iglu iglu;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        iglu = new FakeRegistries.Iglu(KEY);
    }

    @AfterEach
    void stop() {
        iglu.close();
    }

    private TestProject project(String extraEntryKeys) {
        return TestProject.create(dir)
                .schema(
                        "shop/Cart_Viewed/1-0.json",
                        "Cart Viewed",
                        "{\"cart_id\": {\"type\": \"string\", \"description\": \"x\"}}")
                .write(
                        "reflekt_profiles.yml",
                        "dev:\n  registry:\n    - {type: confluent, url: 'http://127.0.0.1:9'}\n"
                                + "    - {id: snowplow, type: iglu, url: '" + iglu.url() + "'" + extraEntryKeys
                                + "}\n");
    }

    private RegistryRequest request(boolean dryRun, boolean force, Map<String, String> secrets) {
        return new RegistryRequest(
                "",
                "",
                "snowplow",
                dryRun,
                false,
                force,
                secrets,
                "settings.xml server 'iglu'",
                Map.of("IGLU_KEY", KEY));
    }

    private RegistrySync.PushResult push(TestProject p, RegistryRequest r) throws ReflektException {
        return PushCommand.run(p.load(), r, RetryPolicy.defaults(), log::add, d -> {});
    }

    @Test
    void pushFromTheNamedRegistryWithKeyFromTheEnvironment() throws Exception {
        TestProject p = project(", api_key: \"{{ env_var('IGLU_KEY') }}\"");
        RegistrySync.PushResult result = push(p, request(false, false, Map.of()));
        assertThat(result.registry()).isEqualTo("Iglu Server at " + iglu.url());
        assertThat(result.credentials()).isEqualTo("api_key from environment variable IGLU_KEY");
        assertThat(result.outcomes()).singleElement().matches(PushOutcome::ok);
        assertThat(iglu.schemas).containsOnlyKeys("com.example/Cart_Viewed/jsonschema/1-0-0");
    }

    @Test
    void dryRunSendsNoWriteRequest() throws Exception {
        TestProject p = project(", api_key: \"{{ env_var('IGLU_KEY') }}\"");
        RegistrySync.PushResult result = push(p, request(true, false, Map.of()));
        assertThat(result.plan().changes()).extracting(PushPlan.Change::action).containsExactly(Action.CREATE);
        assertThat(result.outcomes()).isEmpty();
        assertThat(iglu.writes()).isZero();
        assertThat(iglu.requests).allMatch(r -> r.startsWith("GET "));
    }

    @Test
    void settingsXmlCredentialsWorkAndGivingBothIsAnError() throws Exception {
        RegistrySync.PushResult result = push(project(""), request(false, false, Map.of("api_key", KEY)));
        assertThat(result.credentials()).isEqualTo("settings.xml server 'iglu'");
        assertThat(result.outcomes()).allMatch(PushOutcome::ok);
        assertThatThrownBy(() -> push(project(", api_key: other"), request(false, false, Map.of("api_key", KEY))))
                .hasMessageStartingWith(
                        "Registry 'snowplow' gets credentials from both settings.xml server 'iglu' and the"
                                + " profile (api_key from reflekt_profiles.yml:4:")
                .hasMessageEndingWith("); keep one of them.");
    }

    @Test
    void schemasWithLintErrorsAreNotPushed() throws Exception {
        TestProject p =
                project("").schema("shop/Cart_Opened/1-0.json", "Cart Opened", "{\"cartId\": {\"type\": \"string\"}}");
        assertThatThrownBy(() -> push(p, request(false, false, Map.of("api_key", KEY))))
                .isInstanceOfSatisfying(ReflektException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "Refusing to push: 2 lint errors in the selected schemas; fix them (mvn reflekt:lint) and push again.",
                                "schemas/shop/Cart_Opened/1-0.json:13:18: error [property-casing] 'cartId' is not snake case;"
                                        + " rename it to 'cart_id'",
                                "schemas/shop/Cart_Opened/1-0.json:13:18: error [property-description] property 'cartId' has no"
                                        + " description; add \"description\": \"<what it means>\""));
        assertThat(iglu.requests).isEmpty();
    }

    @Test
    void aWrongKeyFailsThatSchemaWithoutPrintingTheKey() throws Exception {
        RegistrySync.PushResult result = push(project(", api_key: wrong-" + KEY), request(false, false, Map.of()));
        assertThat(result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.ok()).isFalse();
            assertThat(o.describe()).contains("HTTP 401 Not authorized").doesNotContain(KEY);
        });
        assertThat(String.join("\n", log)).doesNotContain(KEY);
    }

    @Test
    void pullKeepsADifferingLocalFileUnlessForcedAndLintsWhatItWrites() throws Exception {
        TestProject p = project(", api_key: \"{{ env_var('IGLU_KEY') }}\"");
        push(p, request(false, false, Map.of()));
        Path file = dir.resolve("schemas/shop/Cart_Viewed/1-0.json");
        String pushed = Files.readString(file);
        Files.writeString(file, pushed.replace("Test event.", "Edited locally."));

        RegistrySync.PullResult kept =
                PullCommand.run(p.load(), request(false, false, Map.of()), RetryPolicy.defaults(), log::add, d -> {});
        assertThat(kept.kept()).containsExactly("schemas/shop/Cart_Viewed/1-0.json");
        assertThat(file).content().contains("Edited locally.");

        RegistrySync.PullResult forced =
                PullCommand.run(p.load(), request(false, true, Map.of()), RetryPolicy.defaults(), log::add, d -> {});
        assertThat(forced.written()).containsExactly("schemas/shop/Cart_Viewed/1-0.json");
        assertThat(file).content().contains("Test event.");
        assertThat(forced.findings()).isEmpty();

        RegistrySync.PullResult again =
                PullCommand.run(p.load(), request(false, false, Map.of()), RetryPolicy.defaults(), log::add, d -> {});
        assertThat(again.unchanged()).containsExactly("schemas/shop/Cart_Viewed/1-0.json");
    }

    @Test
    void aPulledIdOutsideSchemasIsSkipped() throws Exception {
        iglu.schemas.put(
                "com.evil/x/jsonschema/1-0-0",
                Json.MAPPER.readTree(
                        "{\"self\": {\"vendor\": \"com.evil\","
                                + " \"name\": \"x\", \"version\": \"1-0-0\"}, \"reflekt\": {\"id\": \"../../etc/evil.json\"}}"));
        RegistrySync.PullResult r = PullCommand.run(
                project("").load(), request(false, false, Map.of()), RetryPolicy.defaults(), log::add, d -> {});
        assertThat(r.written()).isEmpty();
        assertThat(r.notes()).containsExactly("Skipped '../../etc/evil.json': not a path inside schemas/.");
        assertThat(dir.getParent().resolve("etc")).doesNotExist();
    }

    private RegistrySync.PullResult pull(TestProject p) throws Exception {
        return PullCommand.run(p.load(), request(false, false, Map.of()), RetryPolicy.defaults(), log::add, d -> {});
    }

    @Test
    void aPulledNameThatWouldBecomeAPathIsRefusedAndThePullIsNotClean() throws Exception {
        iglu.schemas.put(
                "com.example/Ok/jsonschema/1-0-0",
                Json.MAPPER.readTree("{\"self\": {\"vendor\": \"com.example\", \"name\": \"Ok\", \"version\":"
                        + " \"1-0-0\"}, \"reflekt\": {\"name\": \"a/../../../../tmp/escaped\"}}"));
        iglu.schemas.put(
                "com.example/Dot/jsonschema/1-0-0",
                Json.MAPPER.readTree("{\"self\": {\"vendor\": \"com.example\", \"name\": \"Dot\", \"version\":"
                        + " \"1-0-0\"}, \"reflekt\": {\"id\": \"com.example/./Dot/1-0.json\"}}"));
        RegistrySync.PullResult r = pull(project(""));
        assertThat(r.written()).isEmpty();
        assertThat(r.refused())
                .containsExactly(
                        "Refused 'com.example/./Dot/1-0.json' from Iglu Server at " + iglu.url()
                                + ": its path has a segment '.' that is not a plain folder or file name; fix the schema in"
                                + " the registry.",
                        "Refused 'com.example/Ok/1-0.json' from Iglu Server at " + iglu.url()
                                + ": self.name 'a/../../../../tmp/escaped' holds '/', '..', '\\' or a control"
                                + " character; fix the schema in the registry.");
        assertThat(r.clean()).isFalse();
        assertThat(dir.resolve("schemas/com.example")).doesNotExist();
    }

    @Test
    void aPulledSchemaWithLintErrorsIsWrittenButThePullIsNotClean() throws Exception {
        iglu.schemas.put(
                "com.example/Cart_Viewed/jsonschema/1-0-0",
                Json.MAPPER.readTree("{\"self\": {\"vendor\": \"com.example\", \"name\": \"Cart_Viewed\","
                        + " \"version\": \"1-0-0\"}, \"type\": \"object\", \"properties\": {\"cartId\":"
                        + " {\"type\": \"string\"}}}"));
        RegistrySync.PullResult r = pull(project(""));
        assertThat(r.written()).containsExactly("schemas/com.example/Cart_Viewed/1-0.json");
        assertThat(r.clean()).isFalse();
    }

    /**
     * A registry's odd subjects cost only themselves: two subjects with one {@code $id} and different content are
     * both refused (neither silently wins), a 300-character folder is refused before anything is written, and a
     * subject whose schema is not JSON is skipped with a note; the good subject is still written, and the pull is
     * not clean.
     */
    @Test
    void oddSubjectsAreRefusedOneByOneAndTheRestIsPulled() throws Exception {
        try (FakeRegistries.Confluent confluent = new FakeRegistries.Confluent()) {
            java.util.function.BiFunction<String, String, String> schema =
                    (id, description) -> TestProject.schemaJson(id, id.split("/")[1].replace('_', ' '), "1-0", "{}")
                            .replace("Test event.", description);
            String longId = "shop/" + "L".repeat(300) + "/1-0.json";
            confluent.subjects.put("a-value", List.of(schema.apply("shop/Dup/1-0.json", "One.")));
            confluent.subjects.put("b-value", List.of(schema.apply("shop/Dup/1-0.json", "Another.")));
            confluent.subjects.put("c-value", List.of("{\"$id\": \"shop/Broken/1-0.json\", \"self\": {"));
            confluent.subjects.put("d-value", List.of(schema.apply(longId, "Long.")));
            confluent.subjects.put("e-value", List.of(schema.apply("shop/Good/1-0.json", "Good.")));
            TestProject p = TestProject.create(dir)
                    .write(
                            "reflekt_profiles.yml",
                            "dev:\n  registry:\n    - {type: confluent, url: '" + confluent.url() + "'}\n");
            RegistrySync.PullResult r = PullCommand.run(
                    p.load(),
                    new RegistryRequest("", "", "confluent", false, false, false, Map.of(), "none", Map.of()),
                    RetryPolicy.defaults(),
                    log::add,
                    d -> {});
            String from = " from schema registry at " + confluent.url() + ": ";
            assertThat(r.refused())
                    .containsExactly(
                            "Refused 'shop/Dup/1-0.json'" + from + "the registry holds 2 different schemas with this"
                                    + " $id, and neither is written; keep one of them in the registry.",
                            "Refused '" + longId + "'" + from + "its path has a folder or file name of 300 bytes; file"
                                    + " systems take 255; fix the schema in the registry.");
            assertThat(r.notes())
                    .singleElement()
                    .asString()
                    .isEqualTo("Skipped subject c-value: schema registry at " + confluent.url() + " sent a malformed"
                            + " answer to the schema of c-value: Unexpected end-of-input: expected close marker for"
                            + " Object at 1:42.");
            assertThat(r.written()).containsExactly("schemas/shop/Good/1-0.json");
            assertThat(r.clean()).isFalse();
            assertThat(dir.resolve("schemas/shop/Dup")).doesNotExist();
        }
    }

    @Test
    void aSchemasFolderLinkedOutOfTheProjectIsRefused() throws Exception {
        TestProject p = project("");
        Path outside = Files.createDirectories(elsewhere.resolve("outside"));
        Path schemas = dir.resolve("schemas");
        dev.reflekt.core.internal.FileTrees.delete(schemas);
        Files.createSymbolicLink(schemas, outside);
        assertThatThrownBy(() -> pull(p))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("schemas/ is a link to " + outside.toRealPath() + ", outside the project");
        try (var files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void avoIsPulledThroughItsProfileEntry() throws Exception {
        try (FakeRegistries.Avo avo = new FakeRegistries.Avo("ws1", "svc", "avo-Secret-9")) {
            avo.branches.put("main", """
                    {"events": [{"name": "Cart Viewed", "description": "A customer opened their cart.", "tags": [],
                      "rules": {"properties": {"properties": {"properties": {"cart_id": {"type": ["string"],
                        "description": "The cart."}}, "required": ["cart_id"]}}}}]}
                    """);
            TestProject p = TestProject.create(dir)
                    .write(
                            "reflekt_profiles.yml",
                            "dev:\n  registry:\n    - {type: avo, workspace_id: ws1, service_account_name: svc,"
                                    + " service_account_secret: \"{{ env_var('AVO_SECRET') }}\", api_url: '" + avo.url()
                                    + "'}\n");
            RegistryRequest r = new RegistryRequest(
                    "avo/main", "", "avo", false, false, false, Map.of(), "none", Map.of("AVO_SECRET", "avo-Secret-9"));
            RegistrySync.PullResult result = PullCommand.run(p.load(), r, RetryPolicy.defaults(), log::add, d -> {});
            assertThat(result.registry()).isEqualTo("Avo workspace ws1");
            assertThat(result.written()).containsExactly("schemas/avo/main/Cart_Viewed/1-0.json");
        }
    }

    /**
     * Through the profile entry ({@code type: amplitude}, keys from the environment): a push of a project, then a pull
     * into another writes the event back; the metadata Amplitude has no place for (the owners this project's
     * meta-schema requires) is what lint then reports; a second push of the first project changes nothing.
     */
    @Test
    void amplitudeIsPushedAndPulledThroughItsProfileEntry() throws Exception {
        try (FakeRegistries.Amplitude amplitude = new FakeRegistries.Amplitude("amp-key-1", "amp-Secret-77")) {
            String profiles = "dev:\n  registry:\n    - {type: amplitude, api_key: amp-key-1,"
                    + " secret_key: \"{{ env_var('AMP_SECRET') }}\", url: '" + amplitude.url() + "'}\n";
            TestProject p = TestProject.create(dir)
                    .schema(
                            "shop/Cart_Viewed/1-0.json",
                            "Cart Viewed",
                            "{\"cart_id\": {\"type\": \"string\", \"description\": \"The cart.\"}}")
                    .write("reflekt_profiles.yml", profiles);
            RegistryRequest r = new RegistryRequest(
                    "", "", "", false, false, false, Map.of(), "none", Map.of("AMP_SECRET", "amp-Secret-77"));
            RegistrySync.PushResult pushed = PushCommand.run(p.load(), r, RetryPolicy.defaults(), log::add, d -> {});
            assertThat(pushed.registry()).isEqualTo("Amplitude Taxonomy API at " + amplitude.url());
            assertThat(pushed.outcomes()).singleElement().matches(PushOutcome::ok);
            assertThat(amplitude.properties.get("Cart Viewed")).containsKey("cart_id");

            TestProject q = TestProject.create(elsewhere).write("reflekt_profiles.yml", profiles);
            RegistrySync.PullResult pulled = PullCommand.run(q.load(), r, RetryPolicy.defaults(), log::add, d -> {});
            assertThat(pulled.written()).containsExactly("schemas/test_project/Cart_Viewed/1-0.json");
            assertThat(pulled.findings())
                    .extracting(f -> f.rule().id() + " " + f.message())
                    .allMatch(f -> f.startsWith("meta-schema 'self.metadata': required property"))
                    .hasSize(2);
            RegistrySync.PushResult again = PushCommand.run(p.load(), r, RetryPolicy.defaults(), log::add, d -> {});
            assertThat(again.plan().changes())
                    .extracting(PushPlan.Change::action)
                    .containsExactly(Action.UNCHANGED);
            assertThat(String.join("\n", log)).doesNotContain("amp-Secret-77");
        }
    }
}
