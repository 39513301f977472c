package dev.reflekt.core.finding;

import dev.reflekt.core.ReflektException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The configured severity of each rule of one check; rules not configured keep their default. */
public final class Severities {

    private final Map<String, Severity> byId;

    private Severities(Map<String, Severity> byId) {
        this.byId = byId;
    }

    /** Every rule at its default. */
    public static Severities defaults() {
        return new Severities(Map.of());
    }

    /**
     * Severities from {@code rule id → severity} pairs, as a POM's {@code <rules>} or
     * {@code -Dreflekt.lint.rules=property-casing=warning,nested-properties=off} give them.
     *
     * @param known the rules of the check, to reject unknown ids
     * @throws ReflektException naming every unknown rule id or severity
     */
    public static Severities of(Map<String, String> ruleSeverities, List<? extends Rule> known)
            throws ReflektException {
        Map<String, Severity> map = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(ruleSeverities).entrySet()) {
            String id = e.getKey().strip();
            if (known.stream().noneMatch(r -> r.id().equals(id))) {
                problems.add("Unknown rule '" + e.getKey() + "'; known rules: "
                        + known.stream().map(Rule::id).collect(Collectors.joining(", ")) + ".");
                continue;
            }
            try {
                map.put(id, Severity.parse(e.getValue() == null ? "" : e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add("Rule '" + e.getKey() + "' has severity '" + e.getValue()
                        + "'; use error, warning, info or off.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        return new Severities(map);
    }

    /** Parses {@code id=severity} pairs (or {@code id:severity}) separated by commas. */
    public static Map<String, String> parsePairs(String pairs) throws ReflektException {
        Map<String, String> out = new LinkedHashMap<>();
        if (pairs == null || pairs.isBlank()) {
            return out;
        }
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                eq = pair.indexOf(':');
            }
            if (eq < 0) {
                throw new ReflektException("Rule setting '" + pair.strip() + "' is not of the form rule-id=severity"
                        + " (e.g. property-casing=warning).");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }

    /** The severity of {@code rule}. */
    public Severity severity(Rule rule) {
        return byId.getOrDefault(rule.id(), rule.defaultSeverity());
    }
}
