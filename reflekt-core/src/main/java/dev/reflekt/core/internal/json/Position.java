package dev.reflekt.core.internal.json;

/** A 1-based line and column in a source file. */
public record Position(int line, int column) {

    /** The start of a file, used when nothing more precise is known. */
    public static final Position START = new Position(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
