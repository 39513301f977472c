package dev.reflekt.core.collector.snowplow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Snowplow's loaders name what they load, as Snowplow's schema-ddl does it
 * ({@code modules/core/src/main/scala/com.snowplowanalytics/iglu.schemaddl/StringUtils.scala}: {@code snakeCase},
 * {@code getTableName}; {@code parquet/Field.scala}: {@code normalizeName}).
 */
final class SnowplowNames {

    private static final Pattern ACRONYM = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z\\d])([A-Z])");
    private static final Pattern DISALLOWED = Pattern.compile("[^A-Za-z0-9_]");

    private SnowplowNames() {}

    /** schema-ddl's {@code snakeCase}: {@code PascalCase} → {@code pascal_case}, {@code -} → {@code _}, lower case. */
    static String snakeCase(String s) {
        String out = ACRONYM.matcher(s).replaceAll("$1_$2");
        out = WORD_BOUNDARY.matcher(out).replaceAll("$1_$2");
        return out.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /**
     * The base name of a schema's columns and tables, {@code getTableName}: {@code iglu:com.acme/ButtonPress/...}
     * MAJOR 1 → {@code com_acme_button_press_1}. Characters no loader keeps become {@code _}, so the name is
     * always a plain identifier.
     */
    static String base(String vendor, String name, int major) {
        String v = vendor.replace('.', '_').replace('-', '_').toLowerCase(Locale.ROOT);
        return DISALLOWED.matcher(v + "_" + snakeCase(name) + "_" + major).replaceAll("_");
    }

    /**
     * A field of a STRUCT or RECORD column (BigQuery, Databricks, DuckDB), {@code normalizeName}: snake case, then
     * characters outside {@code [A-Za-z0-9_]} → {@code _} ({@code 1test1,Test2} → {@code 1test1_test2}: a leading
     * digit stays, as schema-ddl's {@code parquet/FieldSpec.scala} has it; such a field is quoted in SQL).
     */
    static String field(String key) {
        return DISALLOWED.matcher(snakeCase(key)).replaceAll("_");
    }

    /** A column of a shredded table (Redshift, PostgreSQL): each key snake-cased, nested keys joined with {@code .}. */
    static String shreddedColumn(List<String> keys) {
        List<String> parts = new ArrayList<>();
        keys.forEach(k -> parts.add(snakeCase(k)));
        return String.join(".", parts);
    }
}
