package dev.reflekt.core.breaking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeSummaryTest {

    @TempDir
    Path dir;

    private static String props(String body) {
        return "{" + body + "}";
    }

    private static final String CART = "\"cart_id\": {\"type\": \"string\", \"description\": \"The cart.\"}";
    private static final String COUPON =
            "\"coupon\": {\"type\": \"string\", \"description\": \"A coupon.\"," + " \"enum\": [\"SPRING\", \"FALL\"]}";

    @Test
    void listsAddedChangedAndDeletedSchemasWithEachChangeAndMarksBreakingOnes() throws Exception {
        Map<String, byte[]> before = new TreeMap<>();
        before.put("shop/Cart_Viewed/1-0.json", bytes("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-0", props(CART)));
        before.put(
                "shop/Order_Completed/1-0.json",
                bytes("shop/Order_Completed/1-0.json", "Order Completed", "1-0", props(COUPON)));
        before.put("shop/Gone/1-0.json", bytes("shop/Gone/1-0.json", "Gone", "1-0", props(CART)));
        before.put("shop/Same/1-0.json", bytes("shop/Same/1-0.json", "Same", "1-0", props(CART)));

        TestProject p = TestProject.create(dir);
        p.schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", props(CART));
        p.write(
                "schemas/shop/Cart_Viewed/2-0.json",
                TestProject.schemaJson(
                                "shop/Cart_Viewed/2-0.json",
                                "Cart Viewed",
                                "2-0",
                                props(CART + ", \"items\": {\"type\": \"integer\", \"description\": \"Items.\"}"))
                        .replace("\"properties\":", "\"required\": [\"items\"], \"properties\":"));
        p.schema(
                "shop/Order_Completed/1-0.json",
                "Order Completed",
                props(COUPON.replace(", \"FALL\"", "") + ", \"x`@everyone<b>\": {\"type\": \"string\","
                        + " \"description\": \"Hostile.\"}"));
        p.schema("shop/New_Event/1-0.json", "New Event", props(CART));
        p.schema("shop/Same/1-0.json", "Same", props(CART));

        String md = ChangeSummary.render(
                p.load(), new GitBaseline("origin/main", "0123456789abcdef", "schemas", before), false);
        assertThat(md).isEqualTo("""
                        # Schema changes against `origin/main` (0123456789ab)

                        2 added, 1 changed, 1 deleted; 3 breaking changes.

                        ## Added

                        - `shop/Cart_Viewed/2-0.json`: a new version after `1-0`
                          - **breaking** required property added `items`
                        - `shop/New_Event/1-0.json`: a new event

                        ## Changed

                        - `shop/Order_Completed/1-0.json`
                          - **breaking** enum values removed `coupon`: `removed ["FALL"]`
                          - optional property added `x'@everyone<b>`

                        ## Deleted

                        - `shop/Gone/1-0.json` **breaking**: a published version was deleted
                        """);
    }

    /** A MAJOR the diff finds no break in (a change of meaning) is marked, and a change not proven compatible too. */
    @Test
    void marksMajorsWithoutAStructuralBreakAndChangesNotProvenCompatible() throws Exception {
        Map<String, byte[]> before = new TreeMap<>();
        before.put("shop/Cart_Viewed/1-0.json", bytes("shop/Cart_Viewed/1-0.json", "Cart Viewed", "1-0", props(CART)));
        TestProject p = TestProject.create(dir);
        p.schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", props(CART));
        p.write(
                "schemas/shop/Cart_Viewed/2-0.json",
                TestProject.schemaJson("shop/Cart_Viewed/2-0.json", "Cart Viewed", "2-0", props(CART)));
        p.write(
                "schemas/shop/Cart_Viewed/2-1.json",
                TestProject.schemaJson(
                        "shop/Cart_Viewed/2-1.json",
                        "Cart Viewed",
                        "2-1",
                        props(CART.replace("\"type\": \"string\"", "\"type\": \"string\", \"format\": \"date\""))));
        String md = ChangeSummary.render(
                p.load(), new GitBaseline("origin/main", "0123456789abcdef", "schemas", before), false);
        assertThat(md)
                .contains(
                        "- `shop/Cart_Viewed/2-0.json`: a new version after `1-0`, MAJOR without a structural break\n")
                .doesNotContain("`2-1`, MAJOR");
    }

    @Test
    void nothingChangedSaysSo() throws Exception {
        TestProject p = TestProject.create(dir).schema("shop/A/1-0.json", "A", props(CART));
        Map<String, byte[]> before = Map.of("shop/A/1-0.json", bytes("shop/A/1-0.json", "A", "1-0", props(CART)));
        assertThat(ChangeSummary.render(p.load(), new GitBaseline("HEAD", "abc", "schemas", before), false))
                .endsWith("No schema changes.\n");
    }

    private static byte[] bytes(String id, String name, String version, String properties) {
        return TestProject.schemaJson(id, name, version, properties).getBytes(StandardCharsets.UTF_8);
    }
}
