package dev.reflekt.core.project;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dbt's {@code {{ env_var('NAME') }}} and {@code {{ env_var('NAME', 'default') }}} in config values. */
final class EnvVars {

    private static final Pattern ENV_VAR =
            Pattern.compile("\\{\\{\\s*env_var\\(\\s*(['\"])([^'\"]+)\\1\\s*(?:,\\s*(['\"])(.*?)\\3\\s*)?\\)\\s*}}");

    private EnvVars() {}

    /**
     * The result of expanding a value.
     *
     * @param defaulted whether {@code variable} was unset and its default was used
     */
    record Expanded(String value, String variable, String missing, boolean defaulted) {}

    /**
     * Expands every {@code env_var} call in {@code value}. {@code missing} names the first variable that
     * is unset and has no default (then {@code value} is meaningless); {@code variable} names the last
     * variable used, so that callers can say where a secret came from without printing it.
     */
    static Expanded expand(String value, Map<String, String> env) {
        Matcher m = ENV_VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        String used = null;
        boolean defaulted = false;
        while (m.find()) {
            String name = m.group(2);
            Optional<String> resolved = Optional.ofNullable(env.get(name)).or(() -> Optional.ofNullable(m.group(4)));
            if (resolved.isEmpty()) {
                return new Expanded(null, name, name, false);
            }
            used = name;
            defaulted = env.get(name) == null;
            m.appendReplacement(out, Matcher.quoteReplacement(resolved.get()));
        }
        m.appendTail(out);
        return new Expanded(out.toString(), used, null, defaulted);
    }
}
