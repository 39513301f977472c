package dev.reflekt.core.lint;

/** One group of checks over a parsed schema whose root, {@code self} and {@code properties} are objects. */
interface SchemaRule {

    /** Reports what is wrong with {@code doc} through {@link SchemaDocument#report}. */
    void check(SchemaDocument doc);
}
