package dev.reflekt.core.lint;

import static dev.reflekt.core.lint.LintAssertions.lines;
import static dev.reflekt.core.lint.LintAssertions.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyRuleTest {

    @TempDir
    Path dir;

    private CheckResult lint(String properties) throws Exception {
        return TestProject.create(dir)
                .schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", properties)
                .lint();
    }

    @Test
    void cleanPropertiesHaveNoFindings() throws Exception {
        assertThat(lint("{\"cart_id\": {\"type\": [\"string\", \"null\"], \"description\": \"The cart.\"}}")
                        .findings())
                .isEmpty();
    }

    @Test
    void casingFindingNamesTheFileLineColumnAndTheFix() throws Exception {
        CheckResult r = lint("{\n    \"cartId\": {\"type\": \"string\", \"description\": \"The cart.\"}\n  }");
        assertThat(lines(r))
                .containsExactly("schemas/shop/Cart_Viewed/1-0.json:14:5: error [property-casing]"
                        + " 'cartId' is not snake case; rename it to 'cart_id'");
    }

    @Test
    void aNameWithPointerCharactersIsLocatedAtItsOwnKey() throws Exception {
        // the finding's place is the JSON Pointer /properties/cart~1id~0x: '/' and '~' must be escaped in it
        CheckResult r = lint("{\n    \"ok\": {\"type\": \"string\", \"description\": \"x\"},\n"
                + "    \"cart/id~x\": {\"description\": \"x\"}\n  }");
        assertThat(lines(r))
                .singleElement()
                .asString()
                .startsWith("schemas/shop/Cart_Viewed/1-0.json:15:5: error [property-type]"
                        + " property 'cart/id~x' has no type;");
    }

    @Test
    void digitsAreFlaggedOnlyWhenNumbersIsFalse() throws Exception {
        String props = "{\"item2\": {\"type\": \"string\", \"description\": \"x\"}}";
        assertThat(rules(lint(props))).containsExactly("property-numbers");
        TestProject p = TestProject.create(dir.resolve("numbers-allowed"));
        p.config(TestProject.defaultConfig("")
                .replace(
                        "      numbers: false\n      reserved: [forbidden]",
                        "      numbers: true\n      reserved: [forbidden]"));
        p.schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", props);
        assertThat(p.lint().findings()).isEmpty();
    }

    @Test
    void reservedName() throws Exception {
        assertThat(lines(lint("{\"forbidden\": {\"type\": \"string\", \"description\": \"x\"}}")))
                .singleElement()
                .asString()
                .contains("[property-reserved] 'forbidden' is a reserved property name; choose another name");
    }

    @Test
    void missingOrEmptyDescriptionIsAFindingNotACrash() throws Exception {
        CheckResult r = lint("{\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"string\", \"description\": \"  \"}}");
        assertThat(rules(r)).containsExactly("property-description", "property-description");
        assertThat(r.findings().get(0).text())
                .isEqualTo("property 'a' has no description; add \"description\":" + " \"<what it means>\"");
    }

    @Test
    void missingTypeAndDisallowedTypes() throws Exception {
        CheckResult r = lint(
                "{\"a\": {\"description\": \"x\"}, \"b\": {\"type\": [\"string\", \"date\"], \"description\": \"x\"},"
                        + " \"c\": {\"type\": 5, \"description\": \"x\"}}");
        assertThat(rules(r)).containsExactly("property-type", "data-type", "property-type");
        assertThat(r.findings().get(1).text())
                .startsWith("property 'b' has type 'date', which is not allowed; use one of");
    }

    @Test
    void propertyThatIsNotAnObjectIsAStructureFinding() throws Exception {
        assertThat(rules(lint("{\"a\": \"string\"}"))).containsExactly("schema-structure");
    }

    @Test
    void nestedObjectAndArrayItemPropertiesAreLinted() throws Exception {
        String props = """
                {"products": {"type": "array", "description": "x", "items": {"type": "object", "properties": {
                    "productId": {"type": "string", "description": "x"},
                    "dims": {"type": "object", "description": "x", "properties": {"Width": {"type": "number"}}}
                }}}}
                """;
        CheckResult r = lint(props);
        assertThat(r.findings())
                .extracting(Finding::message)
                .containsExactly(
                        "'products[].productId' is not snake case",
                        "'products[].dims.Width' is not snake case",
                        "property 'products[].dims.Width' has no description");
    }

    @Test
    void nestedLintingCanBeTurnedOff() throws Exception {
        String props = "{\"o\": {\"type\": \"object\", \"description\": \"x\", \"properties\": {\"Bad\": {}}}}";
        TestProject p = TestProject.create(dir).schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", props);
        assertThat(p.lint().findings()).hasSize(3);
        assertThat(p.lint(Severities.of(Map.of("nested-properties", "off"), LintRule.all()))
                        .findings())
                .isEmpty();
    }

    @Test
    void lintFalseOnAPropertySkipsItAndEverythingInside() throws Exception {
        String props = "{\"legacyID\": {\"lint\": false, \"type\": \"object\", \"properties\": {\"X\": {}}}}";
        assertThat(lint(props).findings()).isEmpty();
    }

    @Test
    void tupleItemsAreLintedWithTheirIndex() throws Exception {
        String props = "{\"pair\": {\"type\": \"array\", \"description\": \"x\", \"items\": [{\"properties\":"
                + " {\"a\": {\"type\": \"string\", \"description\": \"x\"}}}, {\"properties\": {\"B\":"
                + " {\"type\": \"string\", \"description\": \"x\"}}}]}}";
        assertThat(lint(props).findings())
                .extracting(Finding::message)
                .containsExactly("'pair[1].B' is not snake case");
    }
}
