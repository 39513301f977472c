package dev.reflekt.core.collector.snowplow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snowplow's naming, checked against the examples of Snowplow's schema-ddl: {@code StringUtils.getTableName}'s
 * documented example and {@code parquet/FieldSpec.scala} ("normalName handles camel case and disallowed
 * characters").
 */
class SnowplowNamesTest {

    @Test
    void baseNamesAreGetTableNames() {
        // "iglu:com.acme/PascalCase/jsonschema/13-0-0" -> "com_acme_pascal_case_13"
        assertThat(SnowplowNames.base("com.acme", "PascalCase", 13)).isEqualTo("com_acme_pascal_case_13");
        assertThat(SnowplowNames.base("com.my-company", "link_click", 1)).isEqualTo("com_my_company_link_click_1");
        assertThat(SnowplowNames.base("com.acme", "HTMLParser-v2", 2)).isEqualTo("com_acme_html_parser_v2_2");
        // What no loader keeps never reaches SQL as a name.
        assertThat(SnowplowNames.base("com.acme'; drop", "a b", 1)).isEqualTo("com_acme___drop_a_b_1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "test1                                | test1",
                "test1Test2Test3                      | test1_test2_test3",
                "Test1Test2TEST3                      | test1_test2_test3",
                "'test1,test2.test3;test4'            | test1_test2_test3_test4",
                "'1test1,test2.test3;test4'           | 1test1_test2_test3_test4",
                "'_50test1,test2.test3;test4'         | _50test1_test2_test3_test4",
                "'_.test1,test2.test3;test4'          | __test1_test2_test3_test4",
                "',.;:'                               | ____",
                "'1test1,Test2Test3Test4.test5;test6' | 1test1_test2_test3_test4_test5_test6",
            })
    void fieldNamesAreNormalizeName(String key, String field) {
        assertThat(SnowplowNames.field(key)).isEqualTo(field);
    }

    @Test
    void shreddedColumnsJoinSnakeCasedKeysWithDots() {
        assertThat(SnowplowNames.shreddedColumn(List.of("aField", "bField"))).isEqualTo("a_field.b_field");
        assertThat(SnowplowNames.shreddedColumn(List.of("myURLValue"))).isEqualTo("my_url_value");
    }
}
