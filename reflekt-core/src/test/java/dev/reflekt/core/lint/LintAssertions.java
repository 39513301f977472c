package dev.reflekt.core.lint;

import java.util.List;

/** Helpers that turn lint results into the lines a user sees, so that tests assert on those. */
final class LintAssertions {

    private LintAssertions() {}

    static List<String> lines(LintResult result) {
        return result.findings().stream().map(Finding::format).toList();
    }

    static List<String> rules(LintResult result) {
        return result.findings().stream().map(f -> f.rule().id()).toList();
    }
}
