package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code dbt run} and {@code dbt test} do with a generated package, done by hand on a real warehouse:
 * models are rendered ({@link DbtJinja}) and materialized as their config says — views, tables,
 * incremental tables merged by {@code unique_key} (delete+insert, dbt's default on PostgreSQL and DuckDB)
 * then their {@code post_hook}, dbt-duckdb's external Parquet files — and generic data tests are run as
 * the SQL dbt and dbt_utils write for them.
 */
final class DbtRunner {

    private static final Pattern MATERIALIZED = Pattern.compile("materialized = '(\\w+)'");
    private static final Pattern UNIQUE_KEY = Pattern.compile("unique_key = '(\\w+)'");
    private static final Pattern POST_HOOK = Pattern.compile("-- post_hook: (.*)");
    private static final Pattern FILE_FORMAT = Pattern.compile("file_format = '(\\w+)'");
    private static final Pattern MERGE = Pattern.compile("incremental_strategy = 'merge'");

    private final Connection db;
    private final String database;
    private final String schema;
    private final Path packageDir;
    private final Path externalRoot;
    private final boolean spark;

    DbtRunner(Connection db, String database, String schema, Path packageDir, Path externalRoot) {
        this(db, database, schema, packageDir, externalRoot, false);
    }

    /**
     * @param spark the warehouse is Spark (dbt-spark, dbt-databricks): views are replaced in place and
     *     relations found with {@code show tables}
     */
    DbtRunner(Connection db, String database, String schema, Path packageDir, Path externalRoot, boolean spark) {
        this.spark = spark;
        this.db = db;
        this.database = database;
        this.schema = schema;
        this.packageDir = packageDir;
        this.externalRoot = externalRoot;
    }

    void exec(String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    /** The package file whose name is {@code name}. */
    Path file(String name) throws Exception {
        try (Stream<Path> files = Files.walk(packageDir)) {
            return files.filter(f -> f.getFileName().toString().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + packageDir));
        }
    }

    /** {@code dbt run --select model} ({@code fullRefresh}: with {@code --full-refresh}). */
    void run(String model, boolean fullRefresh) throws Exception {
        run(model, model, fullRefresh);
    }

    /** As {@link #run(String, boolean)}, materializing into {@code schema.relation} (to compare runs). */
    void run(String model, String relation, boolean fullRefresh) throws Exception {
        String source = Files.readString(file(model + ".sql"));
        Matcher m = MATERIALIZED.matcher(source);
        String materialized = m.find() ? m.group(1) : "view";
        String target = schema + "." + relation;
        exec("create schema if not exists " + schema);
        boolean incremental = materialized.equals("incremental") && exists(relation) && !fullRefresh;
        String sql = DbtJinja.render(source, database, schema, relation, incremental, sourceSchemas());
        switch (materialized) {
            case "view" -> {
                if (spark) {
                    exec("create or replace view " + target + " as " + sql); // as dbt-spark does
                } else {
                    // dbt swaps a view in by rename; dropping with what depends on it is the same for a test
                    // that recreates the dependents next.
                    exec("drop view if exists " + target + " cascade");
                    exec("create view " + target + " as " + sql);
                }
            }
            case "table" -> {
                exec("drop table if exists " + target);
                exec("create table " + target + using(source) + " as " + sql);
            }
            case "incremental" -> {
                if (!incremental) {
                    exec("drop table if exists " + target);
                    exec("create table " + target + using(source) + " as " + sql);
                } else {
                    Matcher k = UNIQUE_KEY.matcher(source);
                    if (!k.find()) {
                        throw new AssertionError(model + " is incremental without a unique_key");
                    }
                    String key = k.group(1);
                    if (MERGE.matcher(source).find()) {
                        // dbt-databricks' merge strategy: the batch, a temporary view, replaces the rows with its
                        // keys and adds the rest.
                        exec("create or replace temporary view " + relation + "__dbt_tmp as " + sql);
                        exec("merge into " + target + " as DBT_INTERNAL_DEST using " + relation
                                + "__dbt_tmp as DBT_INTERNAL_SOURCE"
                                + " on DBT_INTERNAL_SOURCE." + key + " = DBT_INTERNAL_DEST." + key
                                + " when matched then update set * when not matched then insert *");
                        break;
                    }
                    exec("create temporary table reflekt_batch as " + sql);
                    exec("delete from " + target + " where " + key + " in (select " + key + " from reflekt_batch)");
                    exec("insert into " + target + " select * from reflekt_batch");
                    exec("drop table reflekt_batch");
                }
            }
            case "external" -> {
                Files.createDirectories(externalRoot);
                Path file = externalRoot.resolve(relation + ".parquet");
                exec("copy (" + sql + ") to '" + file + "' (format parquet)");
                exec("drop view if exists " + target);
                exec("create view " + target + " as select * from read_parquet('" + file + "')");
            }
            default -> throw new AssertionError("unknown materialization " + materialized);
        }
        Matcher hook = POST_HOOK.matcher(sql);
        while (hook.find()) {
            exec(hook.group(1));
        }
    }

    /** {@code using <format>} when the model's config names a {@code file_format} (dbt-spark's syntax). */
    private static String using(String source) {
        Matcher m = FILE_FORMAT.matcher(source);
        return m.find() ? " using " + m.group(1) : "";
    }

    /**
     * {@code dbt run-operation reflekt_propagate_deletions}, for the models a test built: the statements on
     * them, in the macro's order. Every one of {@code models} must have one.
     */
    void propagateDeletions(List<String> models) throws Exception {
        String macro = Files.readString(packageDir.resolve("macros/reflekt_propagate_deletions.sql"));
        List<String> done = new ArrayList<>();
        for (String sql : DbtJinja.operation(macro, "reflekt_propagate_deletions", database, schema, sourceSchemas())) {
            Matcher m = Pattern.compile("(?:delete from|merge into) " + Pattern.quote(schema) + "\\.(\\w+)")
                    .matcher(sql);
            if (!m.find()) {
                throw new AssertionError("not a delete of a model: " + sql);
            }
            if (models.contains(m.group(1))) {
                exec(sql);
                done.add(m.group(1));
            }
        }
        if (!done.containsAll(models)) {
            throw new AssertionError("no deletion step for " + models + " (had " + done + ")");
        }
    }

    /** Source name → schema, from the package's sources files. */
    private Map<String, String> sourceSchemas() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(packageDir)) {
            files = walk.filter(f -> f.getFileName().toString().startsWith("__src_"))
                    .toList();
        }
        for (Path f : files) {
            for (JsonNode source : new LocatedTreeReader().readYaml(f).root().path("sources")) {
                out.put(source.path("name").asText(), source.path("schema").asText());
            }
        }
        return out;
    }

    /** Whether the relation exists: information_schema, which every warehouse here has (the Redshift
     * driver's own metadata calls read Redshift-only system views). */
    private boolean exists(String relation) throws Exception {
        if (spark) {
            return !rows("show tables in " + schema + " like '" + relation + "'")
                    .isEmpty();
        }
        return count("select count(*) from information_schema.tables where table_schema = '" + schema
                        + "' and table_name = '" + relation + "'")
                > 0;
    }

    int count(String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Rows of a query, columns by name, values as text. */
    List<Map<String, Object>> rows(String sql) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(meta.getColumnName(i), v == null ? null : v.toString());
                }
                out.add(row);
            }
        }
        return out;
    }

    /**
     * {@code dbt test --select model}: every generic data test in the model's docs file, as
     * {@code column:test} (then {@code #2}, ... for repeats) → number of failing rows.
     */
    Map<String, Integer> test(String model, String docsFile) throws Exception {
        JsonNode root = new LocatedTreeReader().readYaml(file(docsFile)).root();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (JsonNode column : root.path("models").get(0).path("columns")) {
            String col = column.path("name").asText();
            JsonNode tests = column.has("data_tests") ? column.get("data_tests") : column.path("tests");
            for (JsonNode test : tests) {
                String name =
                        test.isTextual() ? test.asText() : test.fieldNames().next();
                JsonNode args = test.isTextual() ? null : test.get(name);
                if (args != null && args.has("arguments")) {
                    args = args.get("arguments");
                }
                String label = col + ":" + name;
                for (int n = 2; out.containsKey(label); n++) {
                    label = col + ":" + name + "#" + n;
                }
                out.put(
                        label,
                        count("select count(*) from (" + testSql(schema + "." + model, col, name, args) + ") t"));
            }
        }
        return out;
    }

    /** The query of a generic test, as dbt's built-in tests and dbt_utils write it; rows are failures. */
    private static String testSql(String model, String column, String name, JsonNode args) {
        return switch (name) {
            case "not_null" -> "select " + column + " from " + model + " where " + column + " is null";
            case "unique" ->
                "select " + column + " as unique_field, count(*) as n_records from " + model + " where " + column
                        + " is not null group by " + column + " having count(*) > 1";
            case "accepted_values" -> {
                boolean quote = args.path("quote").asBoolean(true);
                List<String> values = new ArrayList<>();
                args.path("values")
                        .forEach(v -> values.add(quote ? "'" + v.asText().replace("'", "''") + "'" : v.asText()));
                yield "with all_values as (select " + column + " as value_field, count(*) as n_records from " + model
                        + " group by " + column + ") select * from all_values where value_field not in ("
                        + String.join(", ", values) + ")";
            }
            case "dbt_utils.accepted_range" -> {
                boolean inclusive = args.path("inclusive").asBoolean(true);
                StringBuilder where = new StringBuilder("1 = 2");
                if (args.has("min_value")) {
                    where.append(" or not(" + column + (inclusive ? " >= " : " > ")
                            + args.get("min_value").asText() + ")");
                }
                if (args.has("max_value")) {
                    where.append(" or not(" + column + (inclusive ? " <= " : " < ")
                            + args.get("max_value").asText() + ")");
                }
                yield "with meet_condition as (select * from " + model + "), validation_errors as (select * from"
                        + " meet_condition where " + where + ") select * from validation_errors";
            }
            default -> throw new AssertionError("no SQL for test " + name);
        };
    }
}
