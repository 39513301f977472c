package dev.reflekt.core.warehouse.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Databricks SQL (Spark SQL 4 in ANSI mode, as dbt-databricks and dbt-spark run it): backtick identifiers,
 * backslash escapes in string literals, {@code variant} from {@code parse_json} for JSON text, Delta tables
 * (merged incrementally on {@code unique_key}), Parquet tables for {@code models.parquet}.
 */
public final class Databricks extends Dialect {

    private static final Map<ColumnType, String> TYPES =
            types("string", "bigint", "double", "boolean", "timestamp", "date", "variant");

    /** The characters a Delta table refuses in column names unless column mapping is enabled. */
    private static final String DELTA_INVALID = " ,;{}()\n\t=";

    public Databricks() {
        super("databricks", 255, "databricks", TYPES);
    }

    /** Inside backticks only the backtick is special; it is doubled. */
    @Override
    protected String quoteAlways(String identifier) {
        return '`' + noNul(identifier).replace("`", "``") + '`';
    }

    /** Spark reads backslash escapes in string literals: backslash and quote are escaped with one. */
    @Override
    public String plainString(String value) {
        return "'" + noNul(value).replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Typed literals as {@code cast(... as string)}: Spark reads {@code ::} only from 4.0 on (dbt-spark also runs on 3.x). */
    @Override
    protected boolean castsTypedLiterals() {
        return true;
    }

    /** A STRUCT or ARRAY becomes a VARIANT through its JSON text; Spark has no direct cast. */
    @Override
    public String castStructured(String expression, ColumnType type) {
        return type == ColumnType.JSON ? "parse_json(to_json(" + expression + "))" : cast(expression, type);
    }

    /** Spark's {@code lateral view explode(array) alias as element}. */
    @Override
    public String unnest(String array, String alias) {
        return "lateral view explode(" + array + ") " + alias + " as element";
    }

    @Override
    protected String jsonParser() {
        return "parse_json";
    }

    @Override
    public String hoursBefore(String timestamp, String hours) {
        return timestamp + " - interval " + hours + " hours";
    }

    @Override
    public String columnNameProblem(String column) {
        for (char c : column.toCharArray()) {
            if (DELTA_INVALID.indexOf(c) >= 0) {
                return "Delta tables refuse column names containing spaces, tabs, newlines or any of ,;{}()= unless"
                        + " the table enables column mapping (delta.columnMapping.mode = 'name')";
            }
        }
        return null;
    }

    /**
     * Delta's {@code DELETE} takes no subquery, so the rows are removed by a {@code MERGE} whose source holds
     * every key still present: {@code when not matched by source then delete}.
     */
    @Override
    public String deleteMissing(String target, String targetName, String column, List<String[]> sources) {
        List<String> keys = new ArrayList<>();
        for (String[] s : sources) {
            keys.add("select " + s[1] + " as _reflekt_key from " + s[0]);
        }
        return "merge into " + target + " as _reflekt_target\n    using ("
                + String.join(" union ", keys)
                + ") as _reflekt_source\n    on _reflekt_source._reflekt_key = _reflekt_target." + column
                + "\n    when not matched by source then delete";
    }

    /**
     * Spark's {@code EXPLAIN} answers an unresolvable query with a plan reading "Error occurred during query
     * planning" instead of failing; {@code DESCRIBE QUERY} analyzes the query and fails with the reason.
     */
    @Override
    public String auditStatement(String sql) {
        return "describe query " + sql;
    }

    @Override
    public Optional<String> parquetMaterialization() {
        return Optional.of("table");
    }

    /** Delta for tables (dbt-databricks' default, said explicitly), merged on the unique key; Parquet on request. */
    @Override
    public List<String> adapterConfig(String materialized, boolean parquet) {
        if (parquet) {
            return List.of("file_format = 'parquet'");
        }
        return switch (materialized) {
            case "table" -> List.of("file_format = 'delta'");
            case "incremental" -> List.of("file_format = 'delta'", "incremental_strategy = 'merge'");
            default -> List.of();
        };
    }

    /**
     * Each level read as {@code from_json(text, 'map<string,string>')['key']} on JSON text: Spark keeps a nested
     * object's or array's JSON text as the string, and the key is a map subscript's string literal, never a JSONPath.
     */
    @Override
    public String jsonValue(String document, List<String> keys, ColumnType type, boolean typed) {
        String value = document;
        for (String k : keys) {
            value = "from_json(" + value + ", 'map<string,string>')[" + plainString(k) + "]";
        }
        return typed ? cast(value, type) : value;
    }

    @Override
    public String jsonDocumentType() {
        return "string";
    }
}
