package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The description {@code reflekt:infer} writes where only a person knows what to say, and lint's
 * {@code inferred-description}, which reports every one until it is replaced.
 */
public final class Placeholder implements SchemaRule {

    /** The placeholder; never a value seen in a sample (personal data). */
    public static final String TEXT = "TODO(reflekt:infer): write what this means.";

    private static final String MARK = "TODO(reflekt:infer)";

    /** Whether {@code description} is the placeholder (or still begins with it). */
    public static boolean is(String description) {
        return description.startsWith(MARK);
    }

    @Override
    public void check(SchemaDocument doc) {
        walk(doc, doc.root(), "");
    }

    private static void walk(SchemaDocument doc, JsonNode node, String pointer) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (e.getKey().equals("description")
                        && e.getValue().isTextual()
                        && is(e.getValue().textValue())) {
                    doc.report(
                            LintRule.INFERRED_DESCRIPTION,
                            at,
                            (pointer.isEmpty() ? "the event" : "'" + pointer + "'")
                                    + " has the description reflekt:infer left for a person to write",
                            "replace it with what " + (pointer.isEmpty() ? "the event" : "it") + " means");
                } else if (!e.getKey().equals("self") || !pointer.isEmpty()) {
                    walk(doc, e.getValue(), at);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(doc, node.get(i), pointer + "/" + i);
            }
        }
    }
}
