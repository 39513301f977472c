package dev.reflekt.core.breaking;

import dev.reflekt.core.finding.Rule;
import dev.reflekt.core.finding.Severity;
import java.util.List;

/** The versioning rules that {@code reflekt:breaking} enforces against a git ref. */
public enum BreakingRule implements Rule {
    BREAKING_IN_PLACE(
            "breaking-in-place",
            "A version that exists at the base ref receives no breaking change; breaking changes go into a new MAJOR"
                    + " version.",
            Severity.ERROR),
    EDIT_SUPERSEDED(
            "edit-superseded",
            "A version that exists at the base ref is edited in place (compatibly) only while no newer version of the"
                    + " event exists.",
            Severity.ERROR),
    VERSION_BUMP(
            "version-bump",
            "A breaking change bumps MAJOR, not only MINOR, and a new MAJOR resets MINOR (1-3 to 2-0, not 2-1).",
            Severity.ERROR),
    MAJOR_WITHOUT_BREAK(
            "major-without-break",
            "A new MAJOR whose structure changes compatibly (or not at all) says why in self.metadata.major_reason: a"
                    + " MAJOR is right when the meaning changed (info with a reason, warning without).",
            Severity.WARNING),
    VERSION_DELETED("version-deleted", "A version that exists at the base ref is not deleted.", Severity.ERROR),
    VERSION_SKIPPED("version-skipped", "New versions do not skip numbers (1-0 to 1-2).", Severity.WARNING),
    ALLOW_STALE(
            "allow-stale",
            "Every entry of schemas/.reflekt/breaking-allow.yml is current (not expired) and allows a break that"
                    + " exists.",
            Severity.WARNING);

    private final String id;
    private final String description;
    private final Severity defaultSeverity;

    BreakingRule(String id, String description, Severity defaultSeverity) {
        this.id = id;
        this.description = description;
        this.defaultSeverity = defaultSeverity;
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
        return defaultSeverity;
    }

    /** All breaking-change rules, in documentation order. */
    public static List<BreakingRule> all() {
        return List.of(values());
    }
}
