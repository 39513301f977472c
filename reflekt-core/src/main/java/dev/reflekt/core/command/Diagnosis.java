package dev.reflekt.core.command;

import java.util.List;

/**
 * The result of {@link Doctor#diagnose}: one line per check, in the order they ran.
 *
 * @param checks every check
 */
public record Diagnosis(List<Check> checks) {

    /** How a check went. */
    public enum Status {
        OK,
        WARN,
        FAIL
    }

    /**
     * One check.
     *
     * @param status how it went
     * @param subject what was checked ({@code reflekt_project.yml}, {@code registry segment})
     * @param detail what was found, or what to do; never a secret
     */
    public record Check(Status status, String subject, String detail) {

        /** {@code [OK]   reflekt_project.yml: valid (project jaffle_shop)}. */
        public String format() {
            return String.format("[%-4s] %s: %s", status, subject, detail);
        }
    }

    public Diagnosis {
        checks = List.copyOf(checks);
    }

    /** Whether any check failed. */
    public boolean failed() {
        return checks.stream().anyMatch(c -> c.status() == Status.FAIL);
    }
}
