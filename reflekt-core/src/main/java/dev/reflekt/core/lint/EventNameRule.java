package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.project.NamingConvention;

/**
 * {@code event-casing}, {@code event-numbers} and {@code event-reserved} on {@code self.name}; skipped
 * when {@code self.lint} is {@code false}.
 */
final class EventNameRule implements SchemaRule {

    private final NamingConvention convention;

    EventNameRule(NamingConvention convention) {
        this.convention = convention;
    }

    @Override
    public void check(SchemaDocument doc) {
        JsonNode self = doc.root().get("self");
        JsonNode name = self.get("name");
        if (isLintDisabled(self) || name == null || !name.isTextual()) {
            return;
        }
        NameRules.EVENT.check(doc, "/self/name", name.asText(), name.asText(), convention);
    }

    /** {@code "lint": false} opts a schema or property out of naming rules, as in the Python CLI. */
    static boolean isLintDisabled(JsonNode node) {
        JsonNode lint = node.get("lint");
        return lint != null && lint.isBoolean() && !lint.booleanValue();
    }
}
