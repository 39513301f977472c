package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes text from strangers (schema names, descriptions, metadata, enum values; warehouse column names)
 * inert in the files dbt renders with Jinja: every SQL model and every string of a properties file. Jinja
 * only starts code at {@code {{}, {@code {%} and {@code {#}, so each {@code {} that could begin one becomes
 * the expression {@code {{ '{' }}}, which renders back to exactly that brace. A text's end counts as a
 * possible start, since what follows it in the file is not the text's to decide.
 */
public final class Jinja {

    /** What {@link #text} writes for a brace; rendering it yields {@code {}. */
    public static final String BRACE = "{{ '{' }}";

    private static final Pattern ESCAPED_BRACE = Pattern.compile(Pattern.quote(BRACE));

    private Jinja() {}

    /** {@code text}, rendered by Jinja to exactly itself. */
    public static String text(String text) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean opens = c == '{' && (i + 1 == text.length() || "{%#".indexOf(text.charAt(i + 1)) >= 0);
            if (opens) {
                out.append(BRACE);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What {@link #text} escaped, back as it was (for compiling a model without a Jinja engine). */
    static String unescape(String rendered) {
        return ESCAPED_BRACE.matcher(rendered).replaceAll("{");
    }

    /** {@code text} without its escapes: what is left there is live Jinja. */
    static String withoutEscapes(String rendered) {
        return ESCAPED_BRACE.matcher(rendered).replaceAll("");
    }

    /** A copy of {@code tree} with every string value passed through {@link #text}; keys are Reflekt's own. */
    static JsonNode inert(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        if (tree.isTextual()) {
            return TextNode.valueOf(text(tree.asText()));
        }
        if (tree.isObject()) {
            ObjectNode copy = ((ObjectNode) tree).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), inert(e.getValue()));
            }
            return copy;
        }
        if (tree.isArray()) {
            ArrayNode copy = ((ArrayNode) tree).arrayNode();
            tree.forEach(item -> copy.add(inert(item)));
            return copy;
        }
        return tree;
    }
}
