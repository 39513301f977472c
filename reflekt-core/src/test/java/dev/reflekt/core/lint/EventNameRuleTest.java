package dev.reflekt.core.lint;

import static dev.reflekt.core.lint.LintAssertions.lines;
import static dev.reflekt.core.lint.LintAssertions.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventNameRuleTest {

    @TempDir
    Path dir;

    @Test
    void eventNameNotInTitleCase() throws Exception {
        CheckResult r = TestProject.create(dir)
                .schema("shop/order_completed/1-0.json", "order_completed", "{}")
                .lint();
        assertThat(lines(r))
                .containsExactly("schemas/shop/order_completed/1-0.json:7:5: error [event-casing]"
                        + " 'order_completed' is not title case; rename it to 'Order Completed'");
    }

    @Test
    void digitsAndReservedNames() throws Exception {
        TestProject p = TestProject.create(dir)
                .schema("shop/Step_2_Viewed/1-0.json", "Step 2 Viewed", "{}")
                .schema("shop/Reserved_Event/1-0.json", "Reserved Event", "{}");
        assertThat(rules(p.lint())).containsExactly("event-reserved", "event-numbers");
    }

    @Test
    void snakeCaseEvents() throws Exception {
        TestProject p = TestProject.create(dir);
        p.config(TestProject.defaultConfig("").replace("casing: title", "casing: snake"));
        p.schema("shop/order_completed/1-0.json", "order_completed", "{}");
        p.schema("shop/OrderCompleted/1-0.json", "OrderCompleted", "{}");
        assertThat(p.lint().findings())
                .extracting(Finding::text)
                .containsExactly("'OrderCompleted' is not snake case; rename it to 'order_completed'");
    }

    @Test
    void lintFalseOnSelfSkipsEventNameRules() throws Exception {
        TestProject p = TestProject.create(dir);
        p.write(
                "schemas/shop/legacy_Event9/1-0.json",
                TestProject.schemaJson("shop/legacy_Event9/1-0.json", "legacy_Event9", "1-0", "{}")
                        .replace("\"metadata\"", "\"lint\": false, \"metadata\""));
        assertThat(p.lint().findings()).isEmpty();
    }
}
