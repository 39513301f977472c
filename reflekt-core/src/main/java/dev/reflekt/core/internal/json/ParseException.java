package dev.reflekt.core.internal.json;

/** A JSON or YAML document could not be read; carries where and why, never a stack trace for the user. */
public final class ParseException extends Exception {

    private final Position position;
    private final String reason;

    public ParseException(String reason, Position position) {
        super(position + ": " + reason);
        this.reason = reason;
        this.position = position;
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
