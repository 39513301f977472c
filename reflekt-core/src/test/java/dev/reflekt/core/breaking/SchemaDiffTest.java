package dev.reflekt.core.breaking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.project.SchemaVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A schema with the given {@code properties} and {@code required} bodies. */
    private static JsonNode schema(String properties, String required) throws Exception {
        return JSON.readTree("{\"description\": \"d\", \"self\": {\"metadata\": {\"owner\": \"a\"}}, \"properties\": {"
                + properties + "}, \"required\": [" + required + "]}");
    }

    private static List<Change> diff(JsonNode older, JsonNode newer) {
        return SchemaDiff.diff(older, newer, false);
    }

    private static List<Change> diffProperty(String older, String newer) throws Exception {
        return diff(schema("\"p\": " + older, ""), schema("\"p\": " + newer, ""));
    }

    @Test
    void identicalSchemasHaveNoChanges() throws Exception {
        assertThat(diff(
                        schema("\"a\": {\"type\": \"string\"}", "\"a\""),
                        schema("\"a\": {\"type\": \"string\"}", "\"a\"")))
                .isEmpty();
    }

    @Test
    void addingAndRemovingRequiredPropertiesBreaks() throws Exception {
        JsonNode before = schema("\"a\": {\"type\": \"string\"}", "\"a\"");
        JsonNode after = schema("\"b\": {\"type\": \"string\"}", "\"b\"");
        List<Change> changes = diff(before, after);
        assertThat(changes)
                .extracting(Change::kind)
                .containsExactly(ChangeKind.REQUIRED_PROPERTY_ADDED, ChangeKind.REQUIRED_PROPERTY_REMOVED);
        assertThat(changes).allMatch(Change::breaking);
        assertThat(changes.get(0).pointer()).isEqualTo("/properties/b");
        assertThat(changes.get(1).pointer()).isEqualTo("/properties");
        assertThat(changes.get(1).describe()).isEqualTo("required property removed 'a'");
    }

    @Test
    void addingAndRemovingOptionalPropertiesIsCompatible() throws Exception {
        List<Change> changes =
                diff(schema("\"a\": {\"type\": \"string\"}", ""), schema("\"b\": {\"type\": \"string\"}", ""));
        assertThat(changes)
                .extracting(Change::kind)
                .containsExactly(ChangeKind.OPTIONAL_PROPERTY_ADDED, ChangeKind.OPTIONAL_PROPERTY_REMOVED);
        assertThat(changes).noneMatch(Change::breaking);
    }

    @Test
    void requiredness() throws Exception {
        JsonNode optional = schema("\"a\": {\"type\": \"string\"}", "");
        JsonNode required = schema("\"a\": {\"type\": \"string\"}", "\"a\"");
        assertThat(diff(optional, required)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.PROPERTY_MADE_REQUIRED);
            assertThat(c.breaking()).isTrue();
        });
        assertThat(diff(required, optional)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.PROPERTY_MADE_OPTIONAL);
            assertThat(c.breaking()).isFalse();
        });
        assertThat(SchemaDiff.diff(required, optional, true)).singleElement().matches(Change::breaking);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\": [\"string\", \"null\"]} | {\"type\": \"string\"}           | TYPE_NARROWED     | true",
                "{\"type\": \"string\"}             | {\"type\": \"integer\"}          | TYPE_NARROWED     | true",
                "{\"type\": \"number\"}             | {\"type\": \"integer\"}          | TYPE_NARROWED     | true",
                "{}                                 | {\"type\": \"string\"}           | TYPE_NARROWED     | true",
                "{\"type\": \"string\"}             | {\"type\": [\"string\", \"null\"]} | TYPE_WIDENED    | false",
                "{\"type\": \"integer\"}            | {\"type\": \"number\"}           | TYPE_WIDENED      | false",
                "{\"type\": \"string\"}             | {}                               | TYPE_WIDENED      | false",
                "{\"enum\": [\"a\", \"b\"]}         | {\"enum\": [\"a\"]}              | ENUM_VALUES_REMOVED | true",
                "{\"enum\": [\"a\"]}                | {\"enum\": [\"a\", \"b\"]}       | ENUM_VALUES_ADDED | false",
                "{}                                 | {\"enum\": [\"a\"]}              | CONSTRAINT_TIGHTENED | true",
                "{\"enum\": [\"a\"]}                | {}                               | CONSTRAINT_LOOSENED | false",
                "{\"maxLength\": 10}                | {\"maxLength\": 5}               | CONSTRAINT_TIGHTENED | true",
                "{\"maxLength\": 5}                 | {\"maxLength\": 10}              | CONSTRAINT_LOOSENED | false",
                "{\"minimum\": 0}                   | {\"minimum\": 1}                 | CONSTRAINT_TIGHTENED | true",
                "{\"minimum\": 1}                   | {\"minimum\": 0.5}               | CONSTRAINT_LOOSENED | false",
                "{}                                 | {\"maximum\": 100}               | CONSTRAINT_TIGHTENED | true",
                "{\"exclusiveMaximum\": 3}          | {}                               | CONSTRAINT_LOOSENED | false",
                "{\"minItems\": 1}                  | {\"minItems\": 2}                | CONSTRAINT_TIGHTENED | true",
                "{}                                 | {\"pattern\": \"^a\"}            | CONSTRAINT_TIGHTENED | true",
                "{\"pattern\": \"^a\"}              | {\"pattern\": \"^b\"}            | NOT_PROVEN_COMPATIBLE | true",
                "{\"format\": \"email\"}            | {}                               | CONSTRAINT_LOOSENED | false",
                "{\"description\": \"x\"}           | {\"description\": \"y\"}         | DESCRIPTION_CHANGED | false",
                "{\"type\": \"object\"}             | {\"type\": \"object\", \"additionalProperties\": false} | ADDITIONAL_PROPERTIES_CLOSED | true",
                "{\"additionalProperties\": false}  | {\"additionalProperties\": true} | ADDITIONAL_PROPERTIES_OPENED | false",
            })
    void propertyChanges(String older, String newer, ChangeKind kind, boolean breaking) throws Exception {
        assertThat(diffProperty(older, newer)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(kind);
            assertThat(c.breaking()).isEqualTo(breaking);
            assertThat(c.path()).isEqualTo("p");
        });
    }

    @Test
    void nestedPropertiesInObjectsAndArrayItemsAreCompared() throws Exception {
        String before =
                "\"o\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}, \"required\": [\"x\"]},"
                        + " \"l\": {\"type\": \"array\", \"items\": {\"properties\": {\"sku\": {\"type\": [\"string\", \"null\"]}}}}";
        String after = "\"o\": {\"type\": \"object\", \"properties\": {}, \"required\": []},"
                + " \"l\": {\"type\": \"array\", \"items\": {\"properties\": {\"sku\": {\"type\": \"string\"}}}}";
        List<Change> changes = diff(schema(before, ""), schema(after, ""));
        assertThat(changes)
                .extracting(Change::describe)
                .containsExactly(
                        "required property removed 'o.x'",
                        "type changed or narrowed 'l[].sku' ([null, string] -> [string])");
        assertThat(changes)
                .extracting(Change::pointer)
                .containsExactly("/properties/o/properties", "/properties/l/items/properties/sku/type");
    }

    @Test
    void schemaDescriptionAndMetadataChangesAreCompatible() throws Exception {
        JsonNode before = schema("", "");
        JsonNode after = JSON.readTree("{\"description\": \"new\", \"self\": {\"metadata\": {\"owner\": \"b\"}},"
                + " \"properties\": {}, \"required\": []}");
        assertThat(diff(before, after))
                .extracting(Change::kind)
                .containsExactly(ChangeKind.DESCRIPTION_CHANGED, ChangeKind.METADATA_CHANGED);
    }

    @Test
    void versionsOrderAndBump() {
        assertThat(SchemaVersion.ofFileName("2-10.json")).contains(new SchemaVersion(2, 10));
        assertThat(SchemaVersion.ofFileName("1.0.json")).isEmpty();
        assertThat(SchemaVersion.ofFileName("0-1.json")).isEmpty();
        assertThat(new SchemaVersion(1, 10)).isGreaterThan(new SchemaVersion(1, 9));
        assertThat(new SchemaVersion(1, 3).nextMajor()).hasToString("2-0");
        assertThat(new SchemaVersion(1, 3).nextMinor()).hasToString("1-4");
    }

    /**
     * Combinators compare branches pairwise: 1,000 changed branches would be a million sub-comparisons of schema text
     * from strangers. A step budget ends it with a verdict that says why.
     */
    @Test
    void hugeCombinatorsEndWithinTheBudgetAndSaySo() throws Exception {
        StringBuilder older = new StringBuilder("{\"oneOf\": [");
        StringBuilder newer = new StringBuilder("{\"oneOf\": [");
        for (int i = 0; i < 1000; i++) {
            String sep = i == 0 ? "" : ", ";
            older.append(sep)
                    .append("{\"type\": \"string\", \"pattern\": \"^a")
                    .append(i)
                    .append("\"}");
            newer.append(sep)
                    .append("{\"type\": \"string\", \"pattern\": \"^b")
                    .append(i)
                    .append("\"}");
        }
        older.append("]}");
        newer.append("]}");
        List<Change> changes = diffProperty(older.toString(), newer.toString());
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.NOT_PROVEN_COMPATIBLE);
            assertThat(c.detail()).contains("too large to compare within " + SchemaDiff.BUDGET + " steps");
        });
        assertThat(changes).allMatch(c -> !c.breaking() || !c.proven() || c.kind() != ChangeKind.DESCRIPTION_CHANGED);
    }
}
