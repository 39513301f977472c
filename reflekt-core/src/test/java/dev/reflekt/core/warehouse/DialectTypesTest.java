package dev.reflekt.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.warehouse.dialect.ColumnType;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each dialect's mapping table, and how JSON Schema types choose a row of it. */
class DialectTypesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "snowflake| varchar        | number(38,0) | float            | boolean | timestamp_ntz | date | variant",
                "redshift | varchar(65535) | bigint       | double precision | boolean | timestamp     | date | super",
                "bigquery | string         | int64        | float64          | bool    | timestamp     | date | json",
                "postgres | text           | bigint       | double precision | boolean | timestamptz   | date | jsonb",
                "duckdb   | varchar        | bigint       | double           | boolean | timestamp     | date | json"
            })
    void everyColumnTypeHasTheDialectsType(
            String dialect,
            String string,
            String integer,
            String number,
            String bool,
            String timestamp,
            String date,
            String json) {
        Dialect d = Dialect.of(dialect).orElseThrow();
        List<String> actual = new ArrayList<>();
        for (ColumnType t : ColumnType.values()) {
            actual.add(d.typeName(t));
        }
        assertThat(actual).containsExactly(string, integer, number, bool, timestamp, date, json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\": \"string\"}                           | STRING",
                "{\"type\": [\"integer\", \"null\"]}              | INTEGER",
                "{\"type\": \"number\"}                           | NUMBER",
                "{\"type\": \"boolean\"}                          | BOOLEAN",
                "{\"type\": \"string\", \"format\": \"date-time\"} | TIMESTAMP",
                "{\"type\": \"string\", \"format\": \"date\"}      | DATE",
                "{\"type\": \"array\", \"items\": {}}             | JSON",
                "{\"type\": \"object\"}                           | JSON",
                "{\"type\": [\"string\", \"integer\"]}            | STRING",
                "{}                                               | STRING",
                "{\"$ref\": \"http://json-schema.org/draft-04/schema#\"} | JSON",
                "{\"$ref\": \"https://x.test/a.json\", \"type\": \"string\"} | JSON"
            })
    void jsonSchemaTypesChooseTheColumnType(String schema, ColumnType expected) throws Exception {
        assertThat(ColumnType.of(new ObjectMapper().readTree(schema))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "snowflake| parse_json(x)          | dateadd(hour, -{{ n }}, t)",
                "redshift | json_parse(x)          | t - interval '{{ n }} hours'",
                "bigquery | parse_json(x)          | timestamp_sub(t, interval {{ n }} hour)",
                "postgres | cast(x as jsonb)       | t - interval '{{ n }} hours'",
                "duckdb   | cast(x as json)        | t - interval '{{ n }} hours'"
            })
    void jsonTextIsParsedAndTimeArithmeticIsTheDialects(String dialect, String json, String hours) {
        Dialect d = Dialect.of(dialect).orElseThrow();
        assertThat(d.cast("x", ColumnType.JSON)).isEqualTo(json);
        assertThat(d.hoursBefore("t", "{{ n }}")).isEqualTo(hours);
        assertThat(d.cast("x", ColumnType.INTEGER)).isEqualTo("cast(x as " + d.typeName(ColumnType.INTEGER) + ")");
    }
}
