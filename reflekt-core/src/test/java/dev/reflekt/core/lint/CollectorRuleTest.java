package dev.reflekt.core.lint;

import static dev.reflekt.core.lint.LintAssertions.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.LintCommand;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collector-load}: what RudderStack and Snowplow would do to a schema on load, as warnings with positions. */
class CollectorRuleTest {

    private static final String PROPERTIES = """
            {"orderId": {"type": "string", "description": "x"},
             "order_id": {"type": "string", "description": "x"},
             "channel": {"type": "string", "description": "x"}}""";

    @TempDir
    Path dir;

    private CheckResult lint(String sdk, String dialect) throws Exception {
        ReflektProject project = TestProject.create(dir.resolve(sdk + "-" + dialect))
                .schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", PROPERTIES)
                .load();
        Optional<Dialect> d = Optional.ofNullable(dialect).flatMap(Dialect::of);
        return new Linter(
                        project,
                        Severities.defaults(),
                        d,
                        Optional.of(LintCommand.loadProblems(
                                sdk, d, project.config().dbt())))
                .lint(project.schemaFiles());
    }

    @Test
    void rudderStackWarnsOfDroppedAndMergedProperties() throws Exception {
        assertThat(lines(lint("rudderstack", "snowflake")))
                .filteredOn(l -> l.contains("[collector-load]"))
                .containsExactly(
                        "schemas/shop/Cart_Viewed/1-0.json:14:2: warning [collector-load] RudderStack loads properties"
                                + " 'orderId' and 'order_id' into one column 'order_id'; the warehouse keeps one value;"
                                + " rename one of them",
                        "schemas/shop/Cart_Viewed/1-0.json:15:2: warning [collector-load] RudderStack does not load"
                                + " property 'channel': it fills column 'channel' of track calls itself; rename the"
                                + " property");
    }

    @Test
    void snowplowWarnsOfSnakeCaseCollisionsExceptOnSnowflake() throws Exception {
        assertThat(lines(lint("snowplow", "bigquery")))
                .filteredOn(l -> l.contains("[collector-load]"))
                .containsExactly("schemas/shop/Cart_Viewed/1-0.json:14:2: warning [collector-load] Snowplow's loader"
                        + " for bigquery put properties 'orderId' and 'order_id' in one column 'order_id'; the warehouse"
                        + " keeps one value per event; rename one of them");
        assertThat(lines(lint("snowplow", "postgres")))
                .filteredOn(l -> l.contains("[collector-load]"))
                .hasSize(1);
        assertThat(lines(lint("snowplow", "snowflake"))).noneMatch(l -> l.contains("[collector-load]")); // JSON names
    }

    @Test
    void amplitudeWarnsOfTruncatedStringsAndUserPropertiesReadAsOperations() throws Exception {
        ReflektProject project = TestProject.create(dir.resolve("amplitude"))
                .schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", """
                        {"note": {"type": "string", "description": "x", "maxLength": 5000},
                         "address": {"type": "object", "description": "x", "properties": {
                             "line": {"type": "string", "description": "x", "maxLength": 2000}}},
                         "short": {"type": "string", "description": "x", "maxLength": 1024}}""")
                .schema("shop/Identify/1-0.json", "Identify", """
                        {"$set": {"type": "string", "description": "x"},
                         "plan": {"type": "string", "description": "x"}}""")
                .load();
        List<String> lines = lines(new Linter(
                        project,
                        Severities.defaults(),
                        Optional.empty(),
                        Optional.of(LintCommand.loadProblems(
                                "amplitude", Optional.empty(), project.config().dbt())))
                .lint(project.schemaFiles()));
        assertThat(lines)
                .filteredOn(l -> l.contains("[collector-load]"))
                .containsExactlyInAnyOrder(
                        "schemas/shop/Cart_Viewed/1-0.json:13:65: warning [collector-load] Amplitude truncates string"
                                + " values to 1024 characters, and maxLength allows 5000; lower maxLength to 1024, or"
                                + " send the text elsewhere",
                        "schemas/shop/Cart_Viewed/1-0.json:15:53: warning [collector-load] Amplitude truncates string"
                                + " values to 1024 characters, and maxLength allows 2000; lower maxLength to 1024, or"
                                + " send the text elsewhere",
                        "schemas/shop/Identify/1-0.json:13:18: warning [collector-load] Amplitude reads a user property"
                                + " named '$set' as an operation ($set, $setOnce, $unset...), not as a property; rename"
                                + " the property");
    }

    @Test
    void segmentKeepsItsRenameRuleAndOtherCollectorsDoNot() throws Exception {
        assertThat(lines(lint("segment", "snowflake"))).anyMatch(l -> l.contains("[cdp-rename]"));
        assertThat(lines(lint("snowplow", "snowflake"))).noneMatch(l -> l.contains("[cdp-rename]"));
    }

    @Test
    void anUnknownCollectorIsAClearError() {
        assertThatThrownBy(() -> LintCommand.loadProblems("mixpanel", Optional.empty(), null))
                .isInstanceOf(ReflektException.class)
                .hasMessage("SDK 'mixpanel' is not known; use -Dreflekt.sdk=segment or -Dreflekt.sdk=rudderstack or"
                        + " -Dreflekt.sdk=snowplow or -Dreflekt.sdk=amplitude.");
    }
}
