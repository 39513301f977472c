package dev.reflekt.core.lint;

import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import java.util.List;

/** Helpers that turn lint results into the lines a user sees, so that tests assert on those. */
final class LintAssertions {

    private LintAssertions() {}

    static List<String> lines(CheckResult result) {
        return result.findings().stream().map(Finding::format).toList();
    }

    static List<String> rules(CheckResult result) {
        return result.findings().stream().map(f -> f.rule().id()).toList();
    }
}
