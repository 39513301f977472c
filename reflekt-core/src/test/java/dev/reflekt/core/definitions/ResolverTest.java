package dev.reflekt.core.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.project.ReflektProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverTest {

    @TempDir
    Path dir;

    private static LocatedTree tree(String json) throws Exception {
        return new LocatedTreeReader().readJson(json);
    }

    private static Definitions definitions(String... idAndJson) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < idAndJson.length; i += 2) {
            files.put(idAndJson[i], idAndJson[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return Definitions.of(files);
    }

    @Test
    void theFixtureResolvesEveryFormAndKeepsWhereEachPartCameFrom() throws Exception {
        ReflektProject project = RefsFixture.create(dir).load();
        Definitions defs = Definitions.of(project);
        LocatedTree order =
                new LocatedTreeReader().readJson(project.schemasDir().resolve("shop/Order_Completed/1-0.json"));
        Resolved r = defs.resolveOrThrow("shop/Order_Completed/1-0.json", order);
        JsonNode item = r.json().at("/properties/products/items");
        assertThat(item.at("/properties/price/properties/currency/pattern").asText())
                .isEqualTo("^[A-Z]{3}$");
        assertThat(item.at("/properties/price/description").asText()).isEqualTo("The unit price.");
        assertThat(r.json().at("/properties/total/description").asText()).isEqualTo("What the customer paid.");
        assertThat(r.origin(item)).isEqualTo("definitions/product/1-0");
        assertThat(r.origin(item.at("/properties/price"))).isEqualTo("definitions/money/1-0");
        assertThat(r.uses())
                .containsExactly(".reflekt/definitions/money/1-0.json", ".reflekt/definitions/product/1-0.json");
        assertThat(r.json().toString()).doesNotContain("$ref");
        assertThat(order.root().toString()).contains("$ref");

        for (String event : new String[] {"Cart_Viewed", "Product_Viewed", "Checkout_Started"}) {
            String id = "shop/" + event + "/1-0.json";
            Resolved other = defs.resolveOrThrow(
                    id, new LocatedTreeReader().readJson(project.schemasDir().resolve(id)));
            assertThat(other.json().toString()).as(id).doesNotContain("$ref");
        }
        Resolved checkout = defs.resolveOrThrow(
                "shop/Checkout_Started/1-0.json",
                new LocatedTreeReader().readJson(project.schemasDir().resolve("shop/Checkout_Started/1-0.json")));
        assertThat(r.origin(checkout.json().at("/properties/billing_address"))).isNull();
        assertThat(checkout.origin(checkout.json().at("/properties/billing_address")))
                .isEqualTo("#/definitions/address");
    }

    @Test
    void aSchemaWithoutRefsIsReturnedAsIs() throws Exception {
        LocatedTree t = tree("{\"properties\": {\"a\": {\"type\": \"string\", \"enum\": [{\"$ref\": \"x\"}]}}}");
        Resolved r = Definitions.none().resolve("a/B/1-0.json", t);
        assertThat(r.ok()).isTrue();
        assertThat(r.json()).isSameAs(t.root());
    }

    @Test
    void exponentialExpansionIsRefusedNotComputed() throws Exception {
        StringBuilder defs = new StringBuilder("{\"definitions\": {\"d0\": {\"type\": \"string\"}");
        for (int i = 1; i <= 30; i++) {
            defs.append(", \"d")
                    .append(i)
                    .append("\": {\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/definitions/d")
                    .append(i - 1)
                    .append("\"}, \"b\": {\"$ref\": \"#/definitions/d")
                    .append(i - 1)
                    .append("\"}}}");
        }
        defs.append("}, \"properties\": {\"x\": {\"$ref\": \"#/definitions/d30\"}}}");
        Resolved r = Definitions.none().resolve("a/B/1-0.json", tree(defs.toString()));
        assertThat(r.ok()).isFalse();
        assertThat(r.problems().get(0).message()).contains("more than 250000 nodes");
    }

    @Test
    void percentEscapesAndPointerEscapesAreDecoded() throws Exception {
        Definitions defs = definitions(
                ".reflekt/definitions/a b/1-0.json", "{\"definitions\": {\"x/y\": {\"type\": \"integer\"}}}");
        Resolved r = defs.resolve(
                "p/E/1-0.json",
                tree(
                        "{\"properties\": {\"n\": {\"$ref\": \"../../.reflekt/definitions/a%20b/1-0.json#/definitions/x~1y\"}}}"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.json().at("/properties/n/type").asText()).isEqualTo("integer");
        assertThat(Resolver.decode("%2")).isNull();
        assertThat(Resolver.decode("a%00b")).isNull();
        assertThat(Resolver.decode("%C3%A9t%C3%A9")).isEqualTo("été");
        assertThat(Resolver.normalize("a/../../b")).isNull();
        assertThat(Resolver.normalize("a//b")).isNull();
        assertThat(Resolver.normalize("a/./b/../c")).isEqualTo("a/c");
    }

    @Test
    void percentEncodedDotsCannotLeaveSchemas() throws Exception {
        Resolved r = Definitions.none()
                .resolve(
                        "p/E/1-0.json",
                        tree("{\"properties\": {\"n\": {\"$ref\": \"%2e%2e/%2e%2e/%2e%2e/pom.xml\"}}}"));
        assertThat(r.problems())
                .singleElement()
                .extracting(RefProblem::message)
                .asString()
                .contains("leads outside");
    }

    @Test
    void goalsThatNeedEveryRefGetAllProblemsLocated() throws Exception {
        assertThatThrownBy(() -> Definitions.none()
                        .resolveOrThrow(
                                "p/E/1-0.json", tree("{\n\"properties\": {\n\"n\": {\"$ref\": \"../../../x.json\"}}}")))
                .isInstanceOfSatisfying(ReflektException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .asString()
                        .startsWith("schemas/p/E/1-0.json:3:7: $ref \"../../../x.json\" leads outside schemas/"));
    }

    /** The Python CLI demands a type on every property, so every $ref it wrote has one beside it. */
    @Test
    void aTypeBesideALocalRefThatAgreesWithTheTargetIsAccepted() throws Exception {
        LocatedTree t = tree("""
                {"definitions": {"d": {"type": ["string", "null"], "maxLength": 3}},
                 "properties": {"a": {"$ref": "#/definitions/d", "type": ["null", "string"], "description": "A."}}}""");
        Resolved r = Definitions.none().resolveOrThrow("a/B/1-0.json", t);
        assertThat(r.json().at("/properties/a/maxLength").asInt()).isEqualTo(3);
        assertThat(r.json().at("/properties/a/description").asText()).isEqualTo("A.");
        assertThat(r.urls()).isEmpty();
    }

    @Test
    void aTypeBesideARefThatContradictsTheTargetOrCannotBeCheckedIsAnError() throws Exception {
        LocatedTree contradicts = tree("""
                {"definitions": {"d": {"type": "string"}},
                 "properties": {"a": {"$ref": "#/definitions/d", "type": "integer"}}}""");
        assertThat(Definitions.none().resolve("a/B/1-0.json", contradicts).problems())
                .singleElement()
                .extracting(RefProblem::message)
                .asString()
                .contains(
                        "'type' \"integer\" beside \"$ref\" contradicts the type \"string\" of schemas/a/B/1-0.json#/definitions/d");
        LocatedTree untyped = tree("""
                {"definitions": {"d": {"enum": ["x"]}},
                 "properties": {"a": {"$ref": "#/definitions/d", "type": "string"}}}""");
        assertThat(Definitions.none().resolve("a/B/1-0.json", untyped).problems())
                .singleElement()
                .extracting(RefProblem::message)
                .asString()
                .contains("declares no type");
        LocatedTree other = tree("""
                {"definitions": {"d": {"type": "string"}},
                 "properties": {"a": {"$ref": "#/definitions/d", "minLength": 2}}}""");
        assertThat(Definitions.none().resolve("a/B/1-0.json", other).problems())
                .singleElement()
                .extracting(RefProblem::message)
                .asString()
                .contains("'minLength' beside \"$ref\" is ignored");
    }

    @Test
    void aRefToAUrlIsNeverReadAndStaysAsWrittenWithAWarning() throws Exception {
        LocatedTree t = tree("""
                {"properties": {
                  "meta": {"$ref": "http://json-schema.org/draft-07/schema#"},
                  "env": {"$ref": "https://iglucentral.com/schemas/x/1-0-0#", "type": "object", "description": "E."},
                  "file": {"$ref": "file:///etc/passwd"}}}""");
        Resolved r = Definitions.none().resolveOrThrow("a/B/1-0.json", t);
        assertThat(r.ok()).isTrue();
        assertThat(r.urls())
                .extracting(RefProblem::pointer)
                .containsExactly("/properties/meta", "/properties/env", "/properties/file");
        assertThat(r.urls().get(0).message()).contains("meta-schema", "never reads it");
        assertThat(r.urls().get(1).message()).doesNotContain("meta-schema");
        assertThat(r.urls().get(1).hint()).contains("schemas/.reflekt/definitions/");
        for (String p : new String[] {"meta", "env", "file"}) {
            assertThat(Resolved.isUrlRef(r.json().at("/properties/" + p))).as(p).isTrue();
        }
        assertThat(Resolved.isUrlRef(tree("{\"$ref\": \"#/definitions/d\"}").root()))
                .isFalse();
    }
}
