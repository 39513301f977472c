package dev.reflekt.core.collector.rudderstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.warehouse.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RudderStack's naming, checked against the examples of rudder-server's own tests
 * ({@code warehouse/transformer/safe_test.go}: {@code TestTransformTableName}, {@code TestSafeTableName},
 * {@code TestSafeColumnName}, {@code TestSafeNamespace}).
 */
class RudderStackNamesTest {

    @ParameterizedTest(name = "{0} → {1} (default) / {2} (underscoreDivideNumbers)")
    @CsvSource(
            delimiter = '|',
            value = {
                "&4yasdfa(84224_fs9##_____*3q | _4yasdfa_84224_fs9_3q | _4_yasdfa_84224_fs_9_3_q",
                "omega                        | omega                 | omega",
                "omega v2                     | omega_v2              | omega_v_2",
                "9mega                        | _9mega                | _9_mega",
                "mega&                        | mega                  | mega",
                "ome$ga                       | ome_ga                | ome_ga",
                "omega$                       | omega                 | omega",
                "ome_ ga                      | ome_ga                | ome_ga",
                "9mega________-________90     | _9mega_90             | _9_mega_90",
                "Cízǔ                         | c_z                   | c_z",
                "CamelCase123Key              | camel_case123_key     | camel_case_123_key",
                "path to $1,00,000            | path_to_1_00_000      | path_to_1_00_000",
                "test123                      | test123               | test_123",
                "abc123def456                 | abc123_def456         | abc_123_def_456",
                "abc_123_def_456              | abc_123_def_456       | abc_123_def_456",
                "__abc_123_def_456            | __abc_123_def_456     | __abc_123_def_456",
                "_abc_123_def_456             | _abc_123_def_456      | _abc_123_def_456",
                "k3_namespace                 | k3_namespace          | k_3_namespace",
            })
    void transformsNamesAsRudderServerDoes(String input, String withNumbers, String dividingNumbers) {
        assertThat(RudderStackNames.transform(input, false)).isEqualTo(withNumbers);
        assertThat(RudderStackNames.transform(input, true)).isEqualTo(dividingNumbers);
    }

    @Test
    void aNameWithNoLetterOrDigitMakesNoName() {
        assertThat(RudderStackNames.transform("@#$%", false)).isEmpty();
        assertThat(names("postgres").eventTable("@#$%")).isEmpty();
    }

    @Test
    void warehousesLowerCaseCutAndEscapeReservedWords() {
        // TestSafeTableName: PostgreSQL cuts at 63 and lower-cases; reserved words get "_" (Snowflake: _SELECT).
        assertThat(names("postgres")
                        .eventTable("ThisIsAReallyLongTableNameThatExceedsThe63CharacterLimitForPostgresTables"))
                .isEqualTo("this_is_a_really_long_table_name_that_exceeds_the63_character_l");
        assertThat(names("snowflake").column("SELECT")).isEqualTo("_select");
        assertThat(names("bigquery").column("MyColumnName")).isEqualTo("my_column_name");
        String longName = "a".repeat(200);
        assertThat(names("redshift").column(longName)).hasSize(127);
        assertThat(names("postgres").column(longName)).hasSize(63);
        assertThat(names("duckdb").column(longName)).hasSize(127);
        // A word reserved in one warehouse only.
        assertThat(names("bigquery").column("struct")).isEqualTo("_struct");
        assertThat(names("postgres").column("struct")).isEqualTo("struct");
    }

    @Test
    void eventTablesNamedLikeRudderStacksOwnTablesGetAnUnderscore() {
        RudderStackNames names = names("postgres");
        assertThat(names.eventTable("pages")).isEqualTo("_pages");
        assertThat(names.eventTable("Tracks")).isEqualTo("_tracks");
        assertThat(names.eventTable("Accounts")).isEqualTo("_accounts");
        assertThat(names.eventTable("Page Viewed")).isEqualTo("page_viewed");
        // "group" is reserved in SQL: the reserved-word rule gives the same "_group" (TestSafeNamespace).
        assertThat(names.eventTable("group")).isEqualTo("_group");
    }

    @Test
    void rulesMapReflektsCallSchemasAndDropPropertiesRudderStackFillsItself() {
        RudderStackRules rules = new RudderStackRules(names("postgres"));
        assertThat(rules.table("Identify")).isEqualTo("identifies");
        assertThat(rules.table("Page Viewed")).isEqualTo("pages");
        assertThat(rules.table("pages")).isEqualTo("_pages");
        assertThat(rules.table("3D Model Viewed")).isEqualTo("_3d_model_viewed");
        assertThat(rules.column(java.util.List.of("address", "zipCode"), "track"))
                .isEqualTo("address_zip_code");
        assertThat(rules.column(java.util.List.of("channel"), "track")).isNull();
        assertThat(rules.column(java.util.List.of("event_text"), "track")).isNull();
        assertThat(rules.column(java.util.List.of("name"), "page")).isNull();
        assertThat(rules.column(java.util.List.of("name"), "track")).isEqualTo("name");
        assertThat(rules.column(java.util.List.of("order"), "track")).isEqualTo("_order");
    }

    private static RudderStackNames names(String dialect) {
        return new RudderStackNames(Dialect.of(dialect).orElseThrow(), false);
    }
}
