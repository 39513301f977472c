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
    private final boolean refs;
    private final int maxDepth;
    private Map<String, Position> positions;
    /** The JSON {@link FastJsonReader} read, until its positions are asked for. */
    private byte[] source;

    LocatedTree(JsonNode root, Map<String, Position> positions, boolean refs) {
        this.root = root;
        this.positions = positions;
        this.refs = refs;
        this.maxDepth = 0;
    }

    LocatedTree(JsonNode root, byte[] source, int maxDepth, boolean refs) {
        this.root = root;
        this.source = source;
        this.maxDepth = maxDepth;
        this.refs = refs;
    }

    /** Every position, by pointer; read on first use when the fast reader read the tree. */
    synchronized Map<String, Position> positions() {
        if (positions == null) {
            positions = FastJsonReader.positions(source, maxDepth);
            source = null;
        }
        return positions;
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
        Map<String, Position> positions = positions();
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
