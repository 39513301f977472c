package dev.reflekt.core.finding;

/** A check that produces {@link Finding}s: a lint rule or a breaking-change rule. */
public interface Rule {

    /** The rule id used in output and configuration, e.g. {@code property-casing}. */
    String id();

    /** One sentence saying what the rule requires. */
    String description();

    /** The severity when the project does not configure one. */
    default Severity defaultSeverity() {
        return Severity.ERROR;
    }
}
