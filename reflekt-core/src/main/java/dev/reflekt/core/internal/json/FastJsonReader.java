package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the JSON that schema files are made of in one pass over the bytes, into the same tree and positions as
 * {@link LocatedTreeReader}'s Jackson path, at a fraction of its cost in a fresh JVM (where lint runs).
 *
 * <p>It accepts only what it reads exactly as Jackson would (with comments and trailing commas enabled):
 * strict UTF-8, the four JSON white-space characters, {@code //} and block comments, JSON numbers and
 * escapes. At anything else (a syntax error, a duplicate key, a byte-order mark, nesting over the limit)
 * it gives up and returns null, and the caller reads the file with Jackson, whose messages and positions
 * lint reports. Positions are Jackson's: 1-based lines (CR, LF and CRLF each end one) and 1-based byte
 * columns, of a member's key and of an array element's first character.
 *
 * <p>Contract: the same tree and positions as Jackson, or give up (checked by random differential tests,
 * {@code FastJsonReaderTest}). What it buys: without it, linting Iglu Central's 660 schemas takes 449 ms instead of 259 ms (bench/README.md,
 * issue 30).
 */
final class FastJsonReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final byte[] in;
    private final int maxDepth;
    /** Null while reading for the tree only: positions are only needed for a finding, and read again then. */
    private final Map<String, Position> positions;

    private int at;
    private int line = 1;
    private int lineStart;
    private boolean refs;
    private char[] chars = new char[64];

    private FastJsonReader(byte[] in, int maxDepth, boolean located) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.positions = located ? new HashMap<>() : null;
    }

    /**
     * The tree of {@code bytes}, or null when Jackson must read them. The positions are read from the same bytes
     * when first asked for ({@link #positions}).
     */
    static LocatedTree read(byte[] bytes, int maxDepth) {
        FastJsonReader reader = new FastJsonReader(bytes, maxDepth, false);
        JsonNode root = reader.root();
        return root == null ? null : new LocatedTree(root, bytes, maxDepth, reader.refs);
    }

    /** The positions of the nodes of {@code bytes}, which {@link #read} has read. */
    static Map<String, Position> positions(byte[] bytes, int maxDepth) {
        FastJsonReader reader = new FastJsonReader(bytes, maxDepth, true);
        if (reader.root() == null) {
            throw new IllegalStateException("the JSON read once cannot be read again");
        }
        return reader.positions;
    }

    private JsonNode root() {
        if (in.length < 1 || !plainStart(in)) {
            return null;
        }
        try {
            skipSpace();
            if (at >= in.length) {
                return null;
            }
            if (positions != null) {
                positions.put("", position());
            }
            JsonNode root = value("", 0);
            skipSpace();
            return at == in.length ? root : null;
        } catch (GiveUp | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Jackson detects UTF-16 and UTF-32 from zero bytes and skips byte-order marks: leave those to it. */
    private static boolean plainStart(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        int first = bytes[0] & 0xFF;
        return first != 0xEF && first != 0xFE && first != 0xFF;
    }

    private Position position() {
        return new Position(line, at - lineStart + 1);
    }

    private JsonNode value(String pointer, int depth) {
        byte b = in[at];
        switch (b) {
            case '{':
                return object(pointer, depth + 1);
            case '[':
                return array(pointer, depth + 1);
            case '"':
                return NODES.textNode(string());
            case 't':
                literal("true");
                return NODES.booleanNode(true);
            case 'f':
                literal("false");
                return NODES.booleanNode(false);
            case 'n':
                literal("null");
                return NODES.nullNode();
            default:
                if (b == '-' || (b >= '0' && b <= '9')) {
                    return number();
                }
                throw GiveUp.INSTANCE;
        }
    }

    private ObjectNode object(String pointer, int depth) {
        if (depth > maxDepth) {
            throw GiveUp.INSTANCE;
        }
        at++; // {
        ObjectNode object = NODES.objectNode();
        skipSpace();
        if (in[at] == '}') {
            at++;
            return object;
        }
        while (true) {
            if (in[at] != '"') {
                throw GiveUp.INSTANCE;
            }
            Position keyAt = positions == null ? null : position();
            String name = string();
            if (!refs && name.equals("$ref")) {
                refs = true;
            }
            skipSpace();
            if (in[at] != ':') {
                throw GiveUp.INSTANCE;
            }
            at++;
            skipSpace();
            String child = null;
            if (positions != null) {
                child = pointer + "/" + LocatedTree.escape(name);
                positions.put(child, keyAt);
            }
            if (object.replace(name, value(child, depth)) != null) {
                throw GiveUp.INSTANCE; // a duplicate: Jackson's path words the error
            }
            skipSpace();
            byte b = in[at++];
            if (b == '}') {
                return object;
            }
            if (b != ',') {
                throw GiveUp.INSTANCE;
            }
            skipSpace();
            if (in[at] == '}') {
                at++;
                return object;
            }
        }
    }

    private ArrayNode array(String pointer, int depth) {
        if (depth > maxDepth) {
            throw GiveUp.INSTANCE;
        }
        at++; // [
        ArrayNode array = NODES.arrayNode();
        skipSpace();
        if (in[at] == ']') {
            at++;
            return array;
        }
        int index = 0;
        while (true) {
            String child = null;
            if (positions != null) {
                child = pointer + "/" + index++;
                positions.put(child, position());
            }
            array.add(value(child, depth));
            skipSpace();
            byte b = in[at++];
            if (b == ']') {
                return array;
            }
            if (b != ',') {
                throw GiveUp.INSTANCE;
            }
            skipSpace();
            if (in[at] == ']') {
                at++;
                return array;
            }
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                throw GiveUp.INSTANCE;
            }
        }
        at += word.length();
        // Jackson reads "truex" as one bad token
        if (at < in.length && isTokenChar(in[at])) {
            throw GiveUp.INSTANCE;
        }
    }

    private static boolean isTokenChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b < 0;
    }

    /** A JSON number as Jackson types it: int, long or big integer; BigDecimal for a fraction or exponent. */
    private JsonNode number() {
        int start = at;
        if (in[at] == '-') {
            at++;
        }
        int digits = at;
        if (in[at] == '0') {
            at++;
        } else if (in[at] >= '1' && in[at] <= '9') {
            while (at < in.length && in[at] >= '0' && in[at] <= '9') {
                at++;
            }
        } else {
            throw GiveUp.INSTANCE;
        }
        int intDigits = at - digits;
        boolean integral = true;
        if (at < in.length && in[at] == '.') {
            integral = false;
            at++;
            int fraction = at;
            while (at < in.length && in[at] >= '0' && in[at] <= '9') {
                at++;
            }
            if (at == fraction) {
                throw GiveUp.INSTANCE;
            }
        }
        if (at < in.length && (in[at] == 'e' || in[at] == 'E')) {
            integral = false;
            at++;
            if (in[at] == '+' || in[at] == '-') {
                at++;
            }
            int exponent = at;
            while (at < in.length && in[at] >= '0' && in[at] <= '9') {
                at++;
            }
            if (at == exponent) {
                throw GiveUp.INSTANCE;
            }
        }
        if (at - start > 100 || (at < in.length && isTokenChar(in[at]))) {
            throw GiveUp.INSTANCE; // long numbers meet Jackson's limits; "01" and "1x" are its errors
        }
        String text = new String(in, start, at - start, StandardCharsets.ISO_8859_1);
        if (!integral) {
            try {
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw GiveUp.INSTANCE; // an exponent beyond BigDecimal's: Jackson's reader says so, located
            }
        }
        if (intDigits <= 18) {
            long value = Long.parseLong(text);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() <= 63 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }

    /** A string starting at its opening quote; strict UTF-8, JSON escapes, no raw control characters. */
    private String string() {
        int start = ++at;
        while (true) {
            byte b = in[at];
            if (b == '"') {
                String text = new String(in, start, at - start, StandardCharsets.ISO_8859_1);
                at++;
                return text;
            }
            if (b == '\\' || b < 0x20) {
                break; // escapes, non-ASCII or control characters: the slow loop below
            }
            at++;
        }
        int n = 0;
        for (int i = start; i < at; i++) {
            chars = ensure(chars, n + 1);
            chars[n++] = (char) in[i];
        }
        while (true) {
            int b = in[at] & 0xFF;
            chars = ensure(chars, n + 2);
            if (b == '"') {
                at++;
                return new String(chars, 0, n);
            }
            if (b == '\\') {
                chars[n++] = escape();
            } else if (b < 0x20) {
                throw GiveUp.INSTANCE;
            } else if (b < 0x80) {
                chars[n++] = (char) b;
                at++;
            } else {
                int cp = utf8(b);
                if (cp > 0xFFFF) {
                    chars[n++] = Character.highSurrogate(cp);
                    chars[n++] = Character.lowSurrogate(cp);
                } else {
                    chars[n++] = (char) cp;
                }
            }
        }
    }

    private static char[] ensure(char[] buffer, int size) {
        return size <= buffer.length ? buffer : java.util.Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
    }

    private char escape() {
        byte e = in[at + 1];
        at += 2;
        switch (e) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(in[at++], 16);
                    if (digit < 0) {
                        throw GiveUp.INSTANCE;
                    }
                    value = value * 16 + digit;
                }
                if (Character.isSurrogate((char) value)) {
                    throw GiveUp.INSTANCE; // Jackson checks pairs in names, not in values: its call
                }
                return (char) value;
            default:
                throw GiveUp.INSTANCE;
        }
    }

    /** One strictly valid UTF-8 sequence (no overlong forms, surrogates or values past U+10FFFF). */
    private int utf8(int first) {
        int length;
        int cp;
        int min;
        if (first >= 0xC2 && first <= 0xDF) {
            length = 2;
            cp = first & 0x1F;
            min = 0x80;
        } else if (first >= 0xE0 && first <= 0xEF) {
            length = 3;
            cp = first & 0x0F;
            min = 0x800;
        } else if (first >= 0xF0 && first <= 0xF4) {
            length = 4;
            cp = first & 0x07;
            min = 0x10000;
        } else {
            throw GiveUp.INSTANCE;
        }
        for (int i = 1; i < length; i++) {
            int next = in[at + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw GiveUp.INSTANCE;
            }
            cp = (cp << 6) | (next & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw GiveUp.INSTANCE;
        }
        at += length;
        return cp;
    }

    /** Skips white space and comments, counting lines as Jackson does. */
    private void skipSpace() {
        while (at < in.length) {
            byte b = in[at];
            if (b == ' ' || b == '\t') {
                at++;
            } else if (b == '\n') {
                newLine(at + 1);
            } else if (b == '\r') {
                newLine(at + 1 < in.length && in[at + 1] == '\n' ? at + 2 : at + 1);
            } else if (b == '/') {
                comment();
            } else {
                return;
            }
        }
    }

    /** Comments in ASCII without control characters are skipped here; others are left to Jackson. */
    private static void plainCommentByte(byte b) {
        if (b < 0x20 && b != '\t') {
            throw GiveUp.INSTANCE;
        }
    }

    private void newLine(int next) {
        at = next;
        line++;
        lineStart = next;
    }

    private void comment() {
        byte kind = in[at + 1];
        if (kind == '/') {
            at += 2;
            while (at < in.length && in[at] != '\n' && in[at] != '\r') {
                plainCommentByte(in[at]);
                at++;
            }
        } else if (kind == '*') {
            at += 2;
            while (true) {
                byte b = in[at];
                if (b == '*' && in[at + 1] == '/') {
                    at += 2;
                    return;
                } else if (b == '\n') {
                    newLine(at + 1);
                } else if (b == '\r') {
                    newLine(in[at + 1] == '\n' ? at + 2 : at + 1);
                } else {
                    plainCommentByte(b);
                    at++;
                }
            }
        } else {
            throw GiveUp.INSTANCE;
        }
    }
}
