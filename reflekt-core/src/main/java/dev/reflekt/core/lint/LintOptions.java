package dev.reflekt.core.lint;

import dev.reflekt.core.ReflektException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per-rule severities. Every rule is an error unless configured otherwise. */
public final class LintOptions {

    private final Map<Rule, Severity> severities;

    private LintOptions(Map<Rule, Severity> severities) {
        this.severities = severities;
    }

    /** All rules at their defaults. */
    public static LintOptions defaults() {
        return new LintOptions(new EnumMap<>(Rule.class));
    }

    /**
     * Options from {@code rule id → severity} pairs, as a POM's {@code <rules>} or
     * {@code -Dreflekt.lint.rules=property-casing=warning,nested-properties=off} give them.
     *
     * @throws ReflektException naming every unknown rule id or severity
     */
    public static LintOptions of(Map<String, String> ruleSeverities) throws ReflektException {
        Map<Rule, Severity> map = new EnumMap<>(Rule.class);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(ruleSeverities).entrySet()) {
            var rule = Rule.byId(e.getKey().strip());
            if (rule.isEmpty()) {
                problems.add("Unknown lint rule '" + e.getKey() + "'; known rules: " + knownIds() + ".");
                continue;
            }
            try {
                map.put(rule.get(), Severity.parse(e.getValue() == null ? "" : e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(
                        "Rule '" + e.getKey() + "' has severity '" + e.getValue() + "'; use error, warning or off.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        return new LintOptions(map);
    }

    /** Parses {@code id=severity} pairs separated by commas. */
    public static Map<String, String> parsePairs(String pairs) throws ReflektException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
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

    private static String knownIds() {
        StringBuilder out = new StringBuilder();
        for (Rule r : Rule.values()) {
            out.append(out.length() == 0 ? "" : ", ").append(r.id());
        }
        return out.toString();
    }

    /** The severity of {@code rule}. */
    public Severity severity(Rule rule) {
        return severities.getOrDefault(rule, Severity.ERROR);
    }

    /** Whether nested properties are linted. */
    public boolean lintNested() {
        return severity(Rule.NESTED_PROPERTIES) != Severity.OFF;
    }
}
