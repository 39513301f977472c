package dev.reflekt.core.lint;

import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.internal.json.SchemaViolation;
import dev.reflekt.core.project.ReflektProject;
import java.util.Locale;
import java.util.Set;

/**
 * {@code meta-schema}: the schema satisfies {@code schemas/.reflekt/meta/1-0.json}.
 *
 * <p>As in the Python CLI, Segment Identify and Group schemas under {@code schemas/segment/} need no
 * {@code metadata}: Segment does not keep metadata for those calls.
 */
final class MetaSchemaRule implements SchemaRule {

    /** Root keys whose absence {@link Linter} already reports as {@code schema-structure}. */
    private static final Set<String> STRUCTURAL = Set.of("self", "properties");

    private final SchemaValidator metaSchema;

    MetaSchemaRule(SchemaValidator metaSchema) {
        this.metaSchema = metaSchema;
    }

    @Override
    public void check(SchemaDocument doc) {
        boolean metadataExempt = isSegmentIdentifyOrGroup(doc.file().id());
        for (SchemaViolation v : metaSchema.validate(doc.root())) {
            if (v.pointer().isEmpty() && "required".equals(v.keyword()) && STRUCTURAL.contains(v.property())) {
                continue;
            }
            if (metadataExempt && concernsMetadata(v)) {
                continue;
            }
            String where = v.dottedPath().isEmpty() ? "" : "'" + v.dottedPath() + "': ";
            doc.report(
                    LintRule.META_SCHEMA,
                    v.pointer(),
                    where + v.message(),
                    "make the schema satisfy " + ReflektProject.META_SCHEMA);
        }
    }

    static boolean isSegmentIdentifyOrGroup(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return lower.startsWith("segment/") && (lower.contains("/identify/") || lower.contains("/group/"));
    }

    private static boolean concernsMetadata(SchemaViolation v) {
        return v.pointer().startsWith("/self/metadata")
                || ("/self".equals(v.pointer()) && "metadata".equals(v.property()));
    }
}
