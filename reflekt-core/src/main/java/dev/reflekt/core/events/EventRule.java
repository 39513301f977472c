package dev.reflekt.core.events;

import dev.reflekt.core.finding.Rule;
import dev.reflekt.core.finding.Severity;

/** What {@code reflekt:check-events} reports about the events apps sent. */
public enum EventRule implements Rule {
    UNPLANNED_EVENT("unplanned-event", "Every event sent has a schema.", Severity.ERROR),
    UNPLANNED_PROPERTY(
            "unplanned-property",
            "Every property sent is declared by its schema (where the schema is open).",
            Severity.WARNING),
    WRONG_VERSION(
            "wrong-version", "A self-describing event names a version of its schema that exists.", Severity.ERROR),
    TYPE("type", "Every value has the type its schema declares.", Severity.ERROR),
    REQUIRED("required", "Every required property is sent.", Severity.ERROR),
    ENUM("enum", "Every value is one its schema lists.", Severity.ERROR),
    CONST("const", "Every constant is sent as its schema says.", Severity.ERROR),
    FORMAT("format", "Every value has its schema's format.", Severity.ERROR),
    PATTERN("pattern", "Every string matches its schema's pattern.", Severity.ERROR),
    BOUNDS(
            "bounds",
            "Every number, string, array and object is inside its schema's bounds (minimum, maxLength, minItems...).",
            Severity.ERROR),
    SCHEMA("schema", "Every event satisfies the rest of its schema (combinators, dependencies...).", Severity.ERROR),
    UNSEEN_EVENT("unseen-event", "Every planned event is sent at least once.", Severity.WARNING),
    UNREADABLE_PAYLOAD("unreadable-payload", "Every recorded payload can be read.", Severity.ERROR);

    private final String id;
    private final String description;
    private final Severity severity;

    EventRule(String id, String description, Severity severity) {
        this.id = id;
        this.description = description;
        this.severity = severity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Severity defaultSeverity() {
        return severity;
    }

    /** The rule of a failed JSON Schema keyword. */
    static EventRule of(String keyword) {
        return switch (keyword) {
            case "type" -> TYPE;
            case "required" -> REQUIRED;
            case "enum" -> ENUM;
            case "const" -> CONST;
            case "format" -> FORMAT;
            case "pattern" -> PATTERN;
            case "minimum",
                    "maximum",
                    "exclusiveMinimum",
                    "exclusiveMaximum",
                    "multipleOf",
                    "minLength",
                    "maxLength",
                    "minItems",
                    "maxItems",
                    "uniqueItems",
                    "minProperties",
                    "maxProperties" -> BOUNDS;
            case "additionalProperties" -> UNPLANNED_PROPERTY;
            default -> SCHEMA;
        };
    }
}
