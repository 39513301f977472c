package dev.reflekt.core.lint;

import dev.reflekt.core.dbt.LoadChecks;

/**
 * {@code collector-load}: what the collector named by {@code -Dreflekt.sdk} would do to an event on load that the
 * schema does not say ({@link LoadChecks}). Definitions are checked where events use them.
 */
final class CollectorRule implements SchemaRule {

    private final LoadChecks checks;

    CollectorRule(LoadChecks checks) {
        this.checks = checks;
    }

    @Override
    public void check(SchemaDocument doc) {
        if (doc.definition()) {
            return;
        }
        for (LoadChecks.Finding f : checks.check(doc.resolved().json())) {
            doc.report(LintRule.COLLECTOR_LOAD, f.pointer(), f.message(), f.fix());
        }
    }
}
