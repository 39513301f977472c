package dev.reflekt.core.breaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Iglu Central's own history through the comparison: every SchemaVer ADDITION (published as compatible with all
 * earlier data) that the checker calls breaking is listed here, each a real break that was published as an
 * ADDITION (reviewed by hand: the reason is beside it).
 */
class IgluHistoryBreakingTest {

    /** ADDITION steps the checker calls breaking, with the first deciding change; each reviewed as a real break. */
    private static final List<String> EXPECTED = List.of(
            // a string longer than 65535 characters was valid in 1-0
            "iglu/com.snowplowanalytics.accelerators.travel/Schedule_Update 1-0 -> 1-1: constraint tightened"
                    + " 'schedule' (maxLength added: 65535)",
            // 2147483648 was valid in 1-0
            "iglu/com.snowplowanalytics.mobile/Remote_Config 1-0 -> 1-1: constraint tightened 'configuration_version'"
                    + " (maximum added: 2147483647)",
            // 1-0 did not have the property; every 1-0 event lacks it
            "iglu/com.snowplowanalytics.snowplow.badrows/Loader_Runtime_Error 1-0 -> 1-1: required property added"
                    + " 'payload'",
            "iglu/com.snowplowanalytics.snowplow.enrichments/Bot_Detection_Enrichment_Config 1-0 -> 1-1: required"
                    + " property added 'parameters.use_client_side_detection'",
            // a 37-character user id was valid in 1-0
            "iglu/com.snowplowanalytics.snowplow/Client_Session 1-0 -> 1-1: constraint tightened 'user_id'"
                    + " (maxLength added: 36)",
            // parameters with any other key were valid in 1-0
            "iglu/com.snowplowanalytics.snowplow/Ua_Parser_Config 1-0 -> 1-1: additionalProperties set to false"
                    + " 'parameters'",
            "iglu/nl.basjes/Yauaa_Context 1-4 -> 1-5: constraint tightened 'device_class' (maxLength added: 128)");

    @Test
    void everyAdditionCalledBreakingIsAKnownRealBreak() throws Exception {
        List<String> found = new ArrayList<>();
        int additions = 0;
        for (IgluHistory.Step step : IgluHistory.steps()) {
            if (!step.addition()) {
                continue;
            }
            additions++;
            List<Change> changes = SchemaDiff.diff(step.older(), step.newer(), false);
            changes.stream().filter(Change::breaking).findFirst().ifPresent(c -> found.add(step + ": " + c.describe()));
        }
        int most = IgluHistory.steps().stream()
                .mapToInt(s -> SchemaDiff.steps(s.older(), s.newer()))
                .max()
                .orElse(0);
        System.out.println(additions + " ADDITION steps; the most comparison steps a pair took: " + most + " of "
                + SchemaDiff.BUDGET + "; called breaking:\n  " + String.join("\n  ", found));
        assertThat(most).isLessThan(SchemaDiff.BUDGET / 10);
        assertThat(additions).isGreaterThan(50);
        assertThat(found).isEqualTo(EXPECTED);
    }

    /**
     * Recoveries 2-0, 3-0 and 4-0 were published as MAJORs that the old comparison called "no change": each holds a
     * real break (the root type; a oneOf branch under patternProperties closed and given a required property, which
     * the comparison cannot prove compatible, and which is not: {@code {"value": 1, "x": 2}} passed 2-0 and fails
     * 3-0; enum values removed there).
     */
    @Test
    void recoveriesMajorsHoldTheBreaksTheOldComparisonMissed() throws Exception {
        List<String> firsts = new ArrayList<>();
        for (IgluHistory.Step step : IgluHistory.steps()) {
            if (step.event().endsWith("/Recoveries")) {
                SchemaDiff.diff(step.older(), step.newer(), false).stream()
                        .filter(Change::breaking)
                        .findFirst()
                        .ifPresent(c -> firsts.add(step + ": " + c.describe()));
            }
        }
        System.out.println(String.join("\n", firsts));
        assertThat(firsts).hasSize(3);
    }
}
