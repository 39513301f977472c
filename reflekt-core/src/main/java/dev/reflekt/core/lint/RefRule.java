package dev.reflekt.core.lint;

import dev.reflekt.core.definitions.RefProblem;

/**
 * {@code schema-ref}: the file's own {@code $ref}s resolve inside the repository; {@code schema-ref-url}: a
 * {@code $ref} to a URL, which is never read. A problem inside a
 * definition the file uses is reported once, at the definition, not at every user.
 */
final class RefRule implements SchemaRule {

    @Override
    public void check(SchemaDocument doc) {
        for (RefProblem p : doc.resolved().problems()) {
            if (p.file().equals(doc.file().id())) {
                doc.report(LintRule.SCHEMA_REF, p.pointer() + "/$ref", p.message(), p.hint());
            }
        }
        for (RefProblem p : doc.resolved().urls()) {
            if (p.file().equals(doc.file().id())) {
                doc.report(LintRule.SCHEMA_REF_URL, p.pointer() + "/$ref", p.message(), p.hint());
            }
        }
    }
}
