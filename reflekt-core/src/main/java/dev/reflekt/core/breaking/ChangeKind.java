package dev.reflekt.core.breaking;

/** A kind of difference between two versions of an event schema, and whether it breaks consumers. */
public enum ChangeKind {
    REQUIRED_PROPERTY_ADDED(true, "required property added"),
    REQUIRED_PROPERTY_REMOVED(true, "required property removed"),
    PROPERTY_MADE_REQUIRED(true, "optional property made required"),
    TYPE_NARROWED(true, "type changed or narrowed"),
    ENUM_VALUES_REMOVED(true, "enum values removed"),
    ADDITIONAL_PROPERTIES_CLOSED(true, "additionalProperties set to false"),
    CONSTRAINT_TIGHTENED(true, "constraint tightened"),
    /** A combinator rejects values the old schema accepted: an anyOf/oneOf branch removed, an allOf branch added. */
    COMBINATOR_NARROWED(true, "combinator narrowed"),
    /**
     * Breaking unless proven compatible: a change the comparison cannot decide exactly (two arbitrary oneOf lists,
     * a not of a complex schema, an if changed); told apart from proven breaks.
     */
    NOT_PROVEN_COMPATIBLE(true, "change not proven compatible"),
    OPTIONAL_PROPERTY_ADDED(false, "optional property added"),
    OPTIONAL_PROPERTY_REMOVED(false, "optional property removed"),
    /** Compatible, unless the project loads into Redshift, where required columns are NOT NULL. */
    PROPERTY_MADE_OPTIONAL(false, "required property made optional"),
    TYPE_WIDENED(false, "type widened"),
    ENUM_VALUES_ADDED(false, "enum values added"),
    ADDITIONAL_PROPERTIES_OPENED(false, "additionalProperties allowed"),
    CONSTRAINT_LOOSENED(false, "constraint loosened"),
    /** A combinator accepts every value it did: an anyOf branch added, an allOf branch removed, not narrowed. */
    COMBINATOR_WIDENED(false, "combinator widened"),
    DESCRIPTION_CHANGED(false, "description changed"),
    METADATA_CHANGED(false, "metadata changed");

    private final boolean breaking;
    private final String label;

    ChangeKind(boolean breaking, String label) {
        this.breaking = breaking;
        this.label = label;
    }

    /** Whether this kind of change breaks consumers by itself. */
    public boolean breaking() {
        return breaking;
    }

    /** How messages name it. */
    public String label() {
        return label;
    }
}
