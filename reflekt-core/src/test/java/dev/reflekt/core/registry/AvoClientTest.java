package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.registry.RegistryClient.Schema;
import dev.reflekt.core.registry.avo.AvoClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pulling from Avo's export API, as the Python CLI maps it, with its bugs fixed. */
class AvoClientTest {

    private static final String EXPORT = """
            {"events": [
              {"name": "Cart Viewed", "description": "A customer opened their cart.",
               "tags": ["code_owner: web", "product_owner: checkout", "deprecated"],
               "rules": {"properties": {"properties": {
                 "properties": {"cart_id": {"id": "x1", "index": 0, "nameMapping": [], "type": ["string"],
                                            "description": "The cart."}},
                 "required": ["cart_id"], "additionalProperties": false}}}},
              {"name": "Signed Up", "tags": [], "rules": {}}
            ]}
            """;

    private FakeRegistries.Avo avo;
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        avo = new FakeRegistries.Avo("ws1", "svc", "avo-Secret-3");
        avo.branches.put("main", EXPORT);
        avo.branches.put("HqC13KbRJ", "{\"events\": []}");
    }

    @AfterEach
    void stop() {
        avo.close();
    }

    private AvoClient client(String secret) {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("svc:" + secret).getBytes(StandardCharsets.UTF_8));
        return new AvoClient(
                avo.url(),
                "ws1",
                "com.jaffleshop",
                Map.of("staging", "HqC13KbRJ"),
                new HttpTransport(
                        "Avo",
                        RetryPolicy.defaults(),
                        Map.of("Authorization", basic),
                        Json::message,
                        m -> {},
                        d -> {}));
    }

    @Test
    void pullMapsTagsToMetadataDropsAvoKeysAndNeverFailsOnMissingParts() throws Exception {
        List<Schema> pulled = client("avo-Secret-3").pull("avo/main", notes::add);
        assertThat(pulled)
                .extracting(Schema::id)
                .containsExactly("avo/main/Cart_Viewed/1-0.json", "avo/main/Signed_Up/1-0.json");
        Schema cart = pulled.get(0);
        assertThat(cart.json().at("/self/metadata"))
                .hasToString("{\"code_owner\":\"web\",\"product_owner\":\"checkout\",\"deprecated\":\"\"}");
        assertThat(cart.json().at("/properties/cart_id"))
                .hasToString("{\"type\":\"string\",\"description\":\"The cart.\"}");
        assertThat(cart.json().at("/self/vendor").asText()).isEqualTo("com.jaffleshop");
        assertThat(pulled.get(1).json().path("description").asText()).isEmpty();
        assertThat(notes)
                .containsExactly("Avo event 'Cart Viewed': tag 'deprecated' is not 'key: value'; kept as a key"
                        + " with an empty value.");
    }

    @Test
    void branchesMapToIdsFromTheProjectConfig() throws Exception {
        assertThat(client("avo-Secret-3").pull("avo/staging", notes::add)).isEmpty();
        assertThat(avo.requests).containsExactly("GET /workspaces/ws1/branches/HqC13KbRJ/export/v1");
        assertThatThrownBy(() -> client("avo-Secret-3").pull("avo/feature-x", notes::add))
                .hasMessage(
                        "Avo branch 'feature-x' has no id in reflekt_project.yml; add it under registry.avo.branches"
                                + " (configured: [staging]).");
    }

    @Test
    void badCredentialsAndPushAreClearErrors() {
        assertThatThrownBy(() -> client("wrong").pull("", notes::add))
                .hasMessage("Avo refused exporting branch main: HTTP 401 Invalid service account credentials");
        assertThatThrownBy(() -> client("avo-Secret-3").plan(List.of(), Set.of(), false))
                .hasMessageStartingWith("Avo cannot be pushed to");
    }
}
