package dev.reflekt.core.dbt;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the generated models as {@code dbt compile} would for a first run, for the audit: the
 * Jinja Reflekt writes (and only that) is resolved — {@code config} dropped, {@code source} to the raw
 * relation, {@code ref} to the referenced model's compiled SQL as a subquery (so nothing needs to exist
 * but the sources), {@code var} to its default, incremental branches left out.
 */
final class DbtCompiler {

    private static final Pattern CONFIG = Pattern.compile("\\{\\{\\s*config\\(.*?\\)\\s*\\}\\}\\s*", Pattern.DOTALL);
    private static final Pattern INCREMENTAL =
            Pattern.compile("\\{% if is_incremental\\(\\) %\\}.*?\\{% endif %\\}\\n?", Pattern.DOTALL);
    private static final Pattern NOT_INCREMENTAL =
            Pattern.compile("\\{% if not is_incremental\\(\\) %\\}\\n?(.*?)\\{% endif %\\}\\n?", Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\{\\{ source\\('(\\w+)', '(\\w+)'\\) \\}\\}");
    private static final Pattern REF = Pattern.compile("\\{\\{ ref\\('(\\w+)'\\) \\}\\}");
    private static final Pattern VAR = Pattern.compile("\\{\\{ var\\('\\w+', ([^)]+)\\) \\}\\}");

    private static int indexOfJinja(String sql) {
        int at = -1;
        for (String opener : new String[] {"{{", "{%", "{#"}) {
            int i = sql.indexOf(opener);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        return at;
    }

    /**
     * A source as the package declares it.
     *
     * @param database its database (BigQuery: project)
     * @param schema its schema (BigQuery: dataset)
     */
    record Source(String database, String schema) {}

    private final Dialect dialect;
    private final Map<String, Source> sources;
    private final Map<String, String> models;
    private final Map<String, String> compiled = new LinkedHashMap<>();

    /** @param models model name → generated SQL */
    DbtCompiler(Dialect dialect, Map<String, Source> sources, Map<String, String> models) {
        this.dialect = dialect;
        this.sources = sources;
        this.models = models;
    }

    /**
     * Every model, compiled, in the order given.
     *
     * @throws ReflektException naming each model with Jinja the audit cannot resolve
     */
    Map<String, String> compileAll() throws ReflektException {
        Map<String, String> out = new LinkedHashMap<>();
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (String m : models.keySet()) {
            try {
                out.put(m, compile(m));
            } catch (Uncompilable e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        return out;
    }

    /** A model with Jinja the audit does not resolve. */
    private static final class Uncompilable extends RuntimeException {
        Uncompilable(String message) {
            super(message, null, false, false);
        }
    }

    String compile(String model) {
        String done = compiled.get(model);
        if (done != null) {
            return done;
        }
        String sql = models.get(model);
        if (sql == null) {
            throw new Uncompilable("[audit] the package refers to a model '" + model + "' it does not have;"
                    + " build without -Dreflekt.build.audit and report this as a bug.");
        }
        sql = CONFIG.matcher(sql).replaceFirst("");
        sql = INCREMENTAL.matcher(sql).replaceAll("");
        sql = NOT_INCREMENTAL.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        sql = VAR.matcher(sql)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1).strip()));
        sql = SOURCE.matcher(sql).replaceAll(m -> {
            Source s = sources.get(m.group(1));
            if (s == null) {
                throw new Uncompilable("[audit] " + model + " selects from a source '" + m.group(1)
                        + "' the package does not declare; report this as a bug.");
            }
            return Matcher.quoteReplacement(dialect.identifier(s.database()) + "." + dialect.identifier(s.schema())
                    + "." + dialect.identifier(m.group(2)));
        });
        sql = REF.matcher(sql).replaceAll(m -> Matcher.quoteReplacement("(\n" + compile(m.group(1)) + "\n)"));
        String live = Jinja.withoutEscapes(sql);
        int at = indexOfJinja(live);
        if (at >= 0) {
            throw new Uncompilable("[audit] " + model + " holds Jinja the audit does not resolve ('"
                    + live.substring(at, Math.min(live.length(), at + 40)).replace('\n', ' ')
                    + "...'); build without -Dreflekt.build.audit to publish it unaudited.");
        }
        sql = Jinja.unescape(sql);
        compiled.put(model, sql.strip());
        return sql.strip();
    }
}
