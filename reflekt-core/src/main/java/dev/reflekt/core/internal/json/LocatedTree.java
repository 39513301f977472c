package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed JSON or YAML document that remembers where each node came from.
 *
 * <p>Positions are keyed by JSON Pointer. For an object member the position is that of its key, which
 * is where a reader looks for a misspelt name.
 */
public final class LocatedTree {

    private final JsonNode root;
    private final Map<String, Position> positions;
    private final boolean refs;

    LocatedTree(JsonNode root, Map<String, Position> positions, boolean refs) {
        this.root = root;
        this.positions = positions;
        this.refs = refs;
    }

    /**
     * Whether any object in the document has a {@code $ref} member; when not, the document references
     * nothing and resolving it is a no-op.
     */
    public boolean hasRefs() {
        return refs;
    }

    /** The document's root node. */
    public JsonNode root() {
        return root;
    }

    /** The position of the node at {@code pointer}, or of its closest ancestor that has one. */
    public Position position(String pointer) {
        String p = pointer;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return Position.START;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Escapes one reference token of a JSON Pointer (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Unescapes one reference token of a JSON Pointer (RFC 6901). */
    public static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
