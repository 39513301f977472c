package dev.reflekt.core.internal.json;

/** A JSON or YAML document could not be read; carries where and why, never a stack trace for the user. */
public final class ParseException extends Exception {

    private final Position position;
    private final String reason;
    private final boolean limit;

    public ParseException(String reason, Position position) {
        this(reason, position, false);
    }

    private ParseException(String reason, Position position, boolean limit) {
        super(position + ": " + reason);
        this.reason = reason;
        this.position = position;
        this.limit = limit;
    }

    /** The document is over one of Reflekt's limits (size, nesting depth), not malformed. */
    public static ParseException overLimit(String reason, Position position) {
        return new ParseException(reason, position, true);
    }

    /** Whether the document is over a limit rather than malformed. */
    public boolean overLimit() {
        return limit;
    }

    /** Where the problem is. */
    public Position position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
