package dev.reflekt.core.internal.json;

/**
 * One failed JSON Schema assertion, located in the instance document.
 *
 * @param pointer JSON Pointer of the instance node that failed
 * @param keyword the schema keyword that failed ({@code required}, {@code enum}, ...)
 * @param property the property concerned by {@code required} or {@code additionalProperties}, else null
 * @param message the validator's message without its path prefix
 */
public record SchemaViolation(String pointer, String keyword, String property, String message) {

    /** The instance location written as dotted keys ({@code schemas.conventions.event}), for messages. */
    public String dottedPath() {
        return dotted(pointer);
    }

    /** A JSON Pointer written as dotted keys; array indexes as {@code [n]}. */
    public static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = LocatedTree.unescape(token);
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.toString();
    }
}
