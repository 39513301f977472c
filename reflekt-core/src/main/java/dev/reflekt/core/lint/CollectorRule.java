package dev.reflekt.core.lint;

/**
 * {@code collector-load}: what the collector named by {@code -Dreflekt.sdk} would do to an event on load that the
 * schema does not say ({@link LoadProblems}). Definitions are checked where events use them.
 */
final class CollectorRule implements SchemaRule {

    private final LoadProblems checks;

    CollectorRule(LoadProblems checks) {
        this.checks = checks;
    }

    @Override
    public void check(SchemaDocument doc) {
        if (doc.definition()) {
            return;
        }
        for (LoadProblems.Problem f : checks.check(doc.resolved().json())) {
            doc.report(LintRule.COLLECTOR_LOAD, f.pointer(), f.message(), f.fix());
        }
    }
}
