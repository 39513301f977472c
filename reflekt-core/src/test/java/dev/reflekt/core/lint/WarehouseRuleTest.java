package dev.reflekt.core.lint;

import static dev.reflekt.core.lint.LintAssertions.lines;
import static dev.reflekt.core.lint.LintAssertions.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.LintCommand;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseRuleTest {

    @TempDir
    Path dir;

    private CheckResult lint(String dialect, String properties) throws Exception {
        ReflektProject project = TestProject.create(dir.resolve(dialect == null ? "none" : dialect))
                .schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", properties)
                .load();
        // as the goal lints: with no -Dreflekt.sdk, for the collector build uses by default
        return LintCommand.run(project, new LintCommand.Request("", Severities.defaults(), dialect, ""));
    }

    @Test
    void redshiftRefusesVarcharsAbove65535Bytes() throws Exception {
        String props = "{\n    \"note\": {\"type\": \"string\", \"description\": \"x\", \"maxLength\": 70000}\n  }";
        assertThat(lines(lint("redshift", props)))
                .containsExactly("schemas/shop/Cart_Viewed/1-0.json:14:52: error [warehouse-varchar-length]"
                        + " maxLength 70000 is above redshift's longest varchar, 65535 bytes; longer values cannot be"
                        + " loaded; lower maxLength to 65535 or less");
        assertThat(lint("snowflake", props).findings()).isEmpty();
        assertThat(lint(null, props).findings()).isEmpty();
    }

    @Test
    void bigQueryColumnRulesApplyToTheFlattenedColumn() throws Exception {
        String props = """
                {"address": {"type": "object", "description": "x", "properties": {
                    "zip#": {"type": "string", "description": "x"}}},
                 "_TABLE_suffix": {"type": "string", "description": "x"}}""";
        CheckResult r = lint("bigquery", props);
        assertThat(lines(r))
                .filteredOn(l -> l.contains("[warehouse-column-name]"))
                .containsExactly(
                        "schemas/shop/Cart_Viewed/1-0.json:14:5: error [warehouse-column-name] column"
                                + " 'address_zip#' for property 'zip#': BigQuery column names contain only"
                                + " letters, digits and underscores and do not start with a digit; rename the property"
                                + " so that its column is a plain name of letters, digits and '_'",
                        "schemas/shop/Cart_Viewed/1-0.json:15:2: error [warehouse-column-name] column"
                                + " '_table_suffix' for property '_TABLE_suffix': BigQuery reserves column names"
                                + " starting with _TABLE_; rename the property so that its column is a plain name of"
                                + " letters, digits and '_'");
        assertThat(rules(lint("postgres", props))).doesNotContain("warehouse-column-name");
    }

    @Test
    void databricksRefusesColumnsDeltaCannotStore() throws Exception {
        String props = """
                {"price(eur)": {"type": "number", "description": "x"},
                 "plain_name": {"type": "string", "description": "x"}}""";
        assertThat(lines(lint("databricks", props)))
                .filteredOn(l -> l.contains("[warehouse-column-name]"))
                .containsExactly("schemas/shop/Cart_Viewed/1-0.json:13:18: error [warehouse-column-name] column"
                        + " 'price(eur)' for property 'price(eur)': Delta tables refuse column names containing spaces,"
                        + " tabs, newlines or any of ,;{}()= unless the table enables column mapping"
                        + " (delta.columnMapping.mode = 'name'); rename the property so that its column is a plain name"
                        + " of letters, digits and '_'");
        assertThat(rules(lint("snowflake", props))).doesNotContain("warehouse-column-name");
    }

    @Test
    void segmentSnakeCasesCamelCaseAndLongNamesExceedTheDialectsLimit() throws Exception {
        String longName = "a".repeat(64);
        String props = "{\"orderId\": {\"type\": \"string\", \"description\": \"x\"}, \"" + longName
                + "\": {\"type\": \"string\", \"description\": \"x\"}}";
        CheckResult postgres = lint("postgres", props);
        assertThat(lines(postgres))
                .filteredOn(l -> l.contains("[cdp-rename]"))
                .singleElement()
                .asString()
                .endsWith("Segment loads property 'orderId' into column 'order_id', so the schema and the warehouse"
                        + " disagree; rename it to 'order_id'");
        assertThat(lines(postgres))
                .filteredOn(l -> l.contains("[warehouse-name-length]"))
                .singleElement()
                .asString()
                .contains("is 64 bytes long; postgres allows 63");
        assertThat(rules(lint("snowflake", props))).contains("cdp-rename").doesNotContain("warehouse-name-length");
    }
}
