package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the YAML that Reflekt's config files are written in into the same tree and positions as
 * {@link LocatedTreeReader}'s Jackson path, without loading SnakeYAML (a third of a lint run's start-up).
 *
 * <p>It reads a subset exactly as Jackson and SnakeYAML do: a block mapping at the root; block mappings
 * and sequences nested by indentation (mappings as sequence items too); flow sequences and mappings, nested
 * and over several lines;
 * plain scalars (strings, decimal integers, decimals like {@code 1.0}, {@code true} and {@code false}),
 * a plain scalar continued on more-indented lines, single- and double-quoted scalars on one line; comments.
 * Lines end with LF or CRLF. At anything else (tabs, a lone CR, non-ASCII bytes, anchors, tags, block scalars, escapes, several
 * documents, YAML 1.1 words like {@code yes} or {@code ~}, numbers in other notations, duplicate keys, any
 * syntax error) it gives up and returns null, and the caller reads the file with Jackson, whose
 * messages and positions are reported. Positions are Jackson's: 1-based lines and columns, of a
 * member's key and of a sequence element's first character.
 */
final class FastYamlReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final byte[] in;
    private final int maxDepth;
    /** Offset of the first byte of each line, and one past the input as the last entry. */
    private final int[] starts;

    private final int lines;
    private final Map<String, Position> positions = new HashMap<>();
    private boolean refs;
    /** The block parser's current line (0-based). */
    private int line;
    /** The flow parser's cursor and its line. */
    private int at;

    private int atLine;

    private FastYamlReader(byte[] in, int maxDepth, int[] starts, int lines) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.starts = starts;
        this.lines = lines;
    }

    /** The tree of {@code bytes}, or null when Jackson must read them. */
    static LocatedTree read(byte[] bytes, int maxDepth) {
        int count = 1;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                count++;
            } else if (b == '\r') {
                if (i + 1 == bytes.length || bytes[i + 1] != '\n') {
                    return null; // a carriage return alone: Jackson's
                }
            } else if (b < 0x20 || b > 0x7E) {
                return null; // tabs, control characters, non-ASCII: Jackson's
            }
        }
        int[] starts = new int[count + 1];
        int n = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts[n++] = i + 1;
            }
        }
        starts[count] = bytes.length + 1;
        FastYamlReader reader = new FastYamlReader(bytes, Math.min(maxDepth, 32), starts, count);
        try {
            reader.line = reader.nextContent(0);
            if (reader.line == count || reader.indent(reader.line) != 0) {
                return null;
            }
            reader.positions.put("", new Position(reader.line + 1, 1));
            JsonNode root = reader.mapping(0, "", 1);
            return reader.line == count ? new LocatedTree(root, reader.positions, reader.refs) : null;
        } catch (GiveUp | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    // ---- lines

    /** Where line {@code l}'s content ends: at its LF, or at the CR of its CRLF. */
    private int end(int l) {
        int e = starts[l + 1] - 1;
        return e > starts[l] && in[e - 1] == '\r' ? e - 1 : e;
    }

    private int indent(int l) {
        int i = starts[l];
        while (i < end(l) && in[i] == ' ') {
            i++;
        }
        return i - starts[l];
    }

    /** Whether line {@code l} holds nothing but spaces and a comment. */
    private boolean blank(int l) {
        int i = starts[l] + indent(l);
        return i == end(l) || in[i] == '#';
    }

    /** The first line at or after {@code l} with content, or {@link #lines}. */
    private int nextContent(int l) {
        while (l < lines && blank(l)) {
            l++;
        }
        if (l < lines && indent(l) == 0 && startsDocumentMarker(starts[l], end(l))) {
            throw GiveUp.INSTANCE;
        }
        return l;
    }

    private boolean startsDocumentMarker(int s, int e) {
        return e - s >= 3
                && ((in[s] == '-' && in[s + 1] == '-' && in[s + 2] == '-')
                        || (in[s] == '.' && in[s + 1] == '.' && in[s + 2] == '.'));
    }

    private boolean isSequenceItem(int l, int ind) {
        int s = starts[l] + ind;
        return in[s] == '-' && (s + 1 == end(l) || in[s + 1] == ' ');
    }

    // ---- block context

    private ObjectNode mapping(int ind, String pointer, int depth) {
        if (depth > maxDepth) {
            throw GiveUp.INSTANCE;
        }
        ObjectNode object = NODES.objectNode();
        while (true) {
            int s = starts[line] + ind;
            int e = end(line);
            if (!keyStart(in[s])) {
                throw GiveUp.INSTANCE;
            }
            int colon = s;
            while (colon < e && !(in[colon] == ':' && (colon + 1 == e || in[colon + 1] == ' '))) {
                if (!keyChar(in[colon]) || (in[colon] == ' ' && in[colon + 1] == ' ')) {
                    throw GiveUp.INSTANCE;
                }
                colon++;
            }
            if (colon == e || in[colon - 1] == ' ') {
                throw GiveUp.INSTANCE;
            }
            String key = text(s, colon);
            String child = member(object, pointer, key, new Position(line + 1, ind + 1));
            int v = skipSpaces(colon + 1, e);
            JsonNode value;
            if (v == e || in[v] == '#') {
                value = blockValue(ind, child, depth);
            } else {
                value = inline(v, e, child, depth);
                line = nextContent(line);
                if (line < lines && indent(line) > ind) {
                    throw GiveUp.INSTANCE; // a continuation line or a misplaced block
                }
            }
            object.set(key, value);
            if (line >= lines || indent(line) < ind) {
                return object;
            }
            if (indent(line) > ind) {
                throw GiveUp.INSTANCE;
            }
        }
    }

    /** The value of a key with nothing after its colon: a nested block, a plain scalar below, or empty. */
    private JsonNode blockValue(int ind, String pointer, int depth) {
        int next = nextContent(line + 1);
        if (next == lines || indent(next) <= ind) {
            line = next;
            return NODES.textNode(""); // Jackson reads an empty value as an empty string
        }
        int nested = indent(next);
        if (isSequenceItem(next, nested)) {
            line = next;
            return sequence(nested, pointer, depth + 1);
        }
        if (isKeyLine(next, nested)) {
            line = next;
            return mapping(nested, pointer, depth + 1);
        }
        if (next != line + 1) {
            throw GiveUp.INSTANCE; // a comment or blank line before a scalar
        }
        return multiLinePlain(ind, next);
    }

    private boolean isKeyLine(int l, int ind) {
        int s = starts[l] + ind;
        int e = end(l);
        if (!keyStart(in[s])) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (in[i] == ':' && (i + 1 == e || in[i + 1] == ' ')) {
                return true;
            }
            if (in[i] == '#' && in[i - 1] == ' ') {
                return false;
            }
        }
        return false;
    }

    /** A plain scalar on the lines after its key, each more indented than the key: folded with spaces. */
    private JsonNode multiLinePlain(int keyIndent, int first) {
        StringBuilder text = new StringBuilder();
        int l = first;
        while (l < lines && !blank(l) && indent(l) > keyIndent) {
            int s = starts[l] + indent(l);
            int e = plainEnd(s, end(l));
            if (e != end(l) || !keyStart(in[s])) {
                throw GiveUp.INSTANCE; // a comment inside the scalar, or an indicator
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(text(s, e));
            l++;
        }
        line = nextContent(l);
        if (line < lines && indent(line) > keyIndent) {
            throw GiveUp.INSTANCE;
        }
        return plain(text.toString());
    }

    private ArrayNode sequence(int ind, String pointer, int depth) {
        if (depth > maxDepth) {
            throw GiveUp.INSTANCE;
        }
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (true) {
            if (!isSequenceItem(line, ind)) {
                throw GiveUp.INSTANCE;
            }
            int e = end(line);
            int v = skipSpaces(starts[line] + ind + 1, e);
            if (v == e || in[v] == '#') {
                throw GiveUp.INSTANCE; // a nested block as an item
            }
            String child = pointer + "/" + index++;
            positions.put(child, new Position(line + 1, v - starts[line] + 1));
            if (isKeyLine(line, v - starts[line])) {
                array.add(mapping(v - starts[line], child, depth + 1)); // - key: value, and its keys below
            } else {
                array.add(inline(v, e, child, depth));
                line = nextContent(line);
            }
            if (line >= lines || indent(line) < ind) {
                return array;
            }
            if (indent(line) > ind) {
                throw GiveUp.INSTANCE;
            }
        }
    }

    /**
     * A value that starts at {@code v} on the current line: a flow collection (which may end on a later line),
     * a quoted or a plain scalar. Leaves {@link #line} on the line after the value, whose rest must be empty.
     */
    private JsonNode inline(int v, int e, String pointer, int depth) {
        JsonNode value;
        if (in[v] == '[' || in[v] == '{') {
            at = v;
            atLine = line;
            value = in[v] == '[' ? flowSequence(pointer, depth + 1) : flowMapping(pointer, depth + 1);
            line = atLine;
            e = end(line);
            v = at;
        } else if (in[v] == '\'' || in[v] == '"') {
            at = v;
            value = NODES.textNode(quoted(e));
            v = at;
        } else {
            int end = plainEnd(v, e);
            if (!plainStart(in[v]) || indicator(v, e)) {
                throw GiveUp.INSTANCE;
            }
            value = plain(text(v, end));
            v = end;
        }
        v = skipSpaces(v, e);
        if (v != e && in[v] != '#') {
            throw GiveUp.INSTANCE;
        }
        line++;
        return value;
    }

    /** Where a plain scalar from {@code s} ends: at a comment or the end of the line, trailing spaces left out. */
    private int plainEnd(int s, int e) {
        int i = s;
        while (i < e) {
            byte b = in[i];
            if (b == ':' && (i + 1 == e || in[i + 1] == ' ')) {
                throw GiveUp.INSTANCE; // a mapping where a scalar was expected, or a syntax error
            }
            if (b == '#' && in[i - 1] == ' ') {
                break;
            }
            i++;
        }
        while (i > s && in[i - 1] == ' ') {
            i--;
        }
        return i;
    }

    // ---- flow context

    private ArrayNode flowSequence(String pointer, int depth) {
        if (depth > maxDepth) {
            throw GiveUp.INSTANCE;
        }
        ArrayNode array = NODES.arrayNode();
        at++; // [
        skipFlowSpace();
        if (in[at] == ']') {
            at++;
            return array;
        }
        int index = 0;
        while (true) {
            String child = pointer + "/" + index++;
            positions.put(child, new Position(atLine + 1, at - starts[atLine] + 1));
            array.add(flowValue(child, depth, false));
            skipFlowSpace();
            byte b = in[at++];
            if (b == ']') {
                return array;
            }
            if (b != ',') {
                throw GiveUp.INSTANCE;
            }
            skipFlowSpace();
        }
    }

    private ObjectNode flowMapping(String pointer, int depth) {
        if (depth > maxDepth) {
            throw GiveUp.INSTANCE;
        }
        ObjectNode object = NODES.objectNode();
        at++; // {
        skipFlowSpace();
        if (in[at] == '}') {
            at++;
            return object;
        }
        while (true) {
            Position keyAt = new Position(atLine + 1, at - starts[atLine] + 1);
            int s = at;
            if (!keyStart(in[s])) {
                throw GiveUp.INSTANCE;
            }
            while (in[at] != ':') {
                if (!keyChar(in[at]) || in[at] == ' ') {
                    throw GiveUp.INSTANCE;
                }
                at++;
            }
            String key = text(s, at);
            at++; // :
            if (in[at] != ' ') {
                throw GiveUp.INSTANCE;
            }
            String child = member(object, pointer, key, keyAt);
            skipFlowSpace();
            object.set(key, flowValue(child, depth, true));
            skipFlowSpace();
            byte b = in[at++];
            if (b == '}') {
                return object;
            }
            if (b != ',') {
                throw GiveUp.INSTANCE;
            }
            skipFlowSpace();
        }
    }

    private JsonNode flowValue(String pointer, int depth, boolean inMapping) {
        return switch (in[at]) {
            case '[' -> flowSequence(pointer, depth + 1);
            case '{' -> flowMapping(pointer, depth + 1);
            default -> flowScalar(inMapping);
        };
    }

    /** A scalar inside a flow collection, on one line. */
    private JsonNode flowScalar(boolean inMapping) {
        byte first = in[at];
        if (first == '\'' || first == '"') {
            return NODES.textNode(quoted(end(atLine)));
        }
        int s = at;
        int e = end(atLine);
        if (!plainStart(first) || indicator(s, e)) {
            throw GiveUp.INSTANCE;
        }
        while (at < e) {
            byte b = in[at];
            if (b == ',' || b == ']' || b == '}') {
                break;
            }
            if (b == '[' || b == '{' || b == ':' || b == '?' || (b == '#' && in[at - 1] == ' ')) {
                throw GiveUp.INSTANCE;
            }
            at++;
        }
        if (!inMapping && in[at] == '}' || inMapping && in[at] == ']') {
            throw GiveUp.INSTANCE;
        }
        int t = at;
        while (t > s && in[t - 1] == ' ') {
            t--;
        }
        if (at == e) {
            // the scalar may go on on the next line; only a separator may come next
            int save = at;
            int saveLine = atLine;
            skipFlowSpace();
            byte next = in[at];
            if (next != ',' && next != ']' && next != '}' || atLine == saveLine) {
                throw GiveUp.INSTANCE;
            }
            at = save;
            atLine = saveLine;
        }
        return plain(text(s, t));
    }

    /** Skips spaces, line breaks and comments inside a flow collection. */
    private void skipFlowSpace() {
        while (true) {
            byte b = in[at];
            if (b == ' ' || b == '\r') {
                at++; // a CR is always followed by its LF here
            } else if (b == '\n') {
                at++;
                atLine++;
                if (indent(atLine) == 0 && startsDocumentMarker(starts[atLine], end(atLine))) {
                    throw GiveUp.INSTANCE;
                }
            } else if (b == '#' && (at == starts[atLine] || in[at - 1] == ' ')) {
                at = end(atLine);
            } else {
                return;
            }
        }
    }

    // ---- scalars

    /** A quoted scalar on one line, from its opening quote; leaves {@link #at} after the closing one. */
    private String quoted(int e) {
        byte quote = in[at];
        StringBuilder text = new StringBuilder();
        int i = at + 1;
        while (true) {
            if (i >= e) {
                throw GiveUp.INSTANCE; // over several lines: folding is Jackson's
            }
            byte b = in[i];
            if (b == '\\' && quote == '"') {
                throw GiveUp.INSTANCE; // escapes
            }
            if (b == quote) {
                if (quote == '\'' && i + 1 < e && in[i + 1] == '\'') {
                    text.append('\'');
                    i += 2;
                    continue;
                }
                at = i + 1;
                return text.toString();
            }
            text.append((char) b);
            i++;
        }
    }

    /** A plain scalar typed as SnakeYAML's resolver and Jackson type it, or a give-up where that is not plain. */
    private static JsonNode plain(String text) {
        char c = text.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            JsonNode number = decimal(text);
            if (number != null) {
                return number;
            }
            if (text.indexOf('/') >= 0 || hasWordLetter(text)) {
                return NODES.textNode(text); // 24h, ./profiles.yml: no number, date or time has such a character
            }
            throw GiveUp.INSTANCE;
        }
        switch (text) {
            case "true", "True", "TRUE":
                return NODES.booleanNode(true);
            case "false", "False", "FALSE":
                return NODES.booleanNode(false);
            default:
                break;
        }
        if (text.length() <= 5) {
            switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
                    throw GiveUp.INSTANCE; // YAML 1.1 booleans and nulls, in any case: Jackson's call
                default:
                    break;
            }
        }
        return NODES.textNode(text);
    }

    /** A plain decimal integer or decimal fraction, as Jackson's YAML parser types it; else null. */
    private static JsonNode decimal(String text) {
        int i = text.charAt(0) == '-' ? 1 : 0;
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - digits;
        if (intDigits == 0 || intDigits > 18 || (intDigits > 1 && text.charAt(digits) == '0')) {
            return null;
        }
        if (i == text.length()) {
            if (digits == 1 && intDigits == 1 && text.charAt(1) == '0') {
                return null; // -0
            }
            long value = Long.parseLong(text);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        if (text.charAt(i) != '.' || i + 1 == text.length() || text.length() > 40) {
            return null;
        }
        for (int j = i + 1; j < text.length(); j++) {
            if (text.charAt(j) < '0' || text.charAt(j) > '9') {
                return null;
            }
        }
        return NODES.numberNode(new BigDecimal(text));
    }

    /**
     * Whether {@code text} has a letter that no YAML number, date or time is written with (hexadecimal digits,
     * the x, o and b of other bases, the e of exponents, the T and Z of times, .inf and .nan).
     */
    private static boolean hasWordLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && "abcdefABCDEFxXoOtTzZiInN".indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the {@code -} at {@code s} is a block sequence indicator ({@code - g}), not the start of a plain
     * scalar ({@code -g}, {@code -1}): a nested sequence, or, after a key or inside a flow collection, an error.
     */
    private boolean indicator(int s, int e) {
        return in[s] == '-' && (s + 1 == e || in[s + 1] == ' ');
    }

    private static boolean plainStart(byte b) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '_'
                || b == '/'
                || b == '$'
                || b == '-'
                || b == '.'
                || b == '+';
    }

    private static boolean keyStart(byte b) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '_'
                || b == '/'
                || b == '$';
    }

    private static boolean keyChar(byte b) {
        return keyStart(b) || b == '-' || b == '.' || b == ' ';
    }

    // ---- helpers

    private String member(ObjectNode object, String pointer, String key, Position keyAt) {
        if (object.has(key)) {
            throw GiveUp.INSTANCE; // a duplicate: Jackson's path words the error
        }
        if (key.equals("$ref")) {
            refs = true;
        }
        String child = pointer + "/" + LocatedTree.escape(key);
        positions.put(child, keyAt);
        return child;
    }

    private int skipSpaces(int i, int e) {
        while (i < e && in[i] == ' ') {
            i++;
        }
        return i;
    }

    private String text(int s, int e) {
        return new String(in, s, e - s, StandardCharsets.US_ASCII);
    }
}
