package dev.reflekt.core.warehouse.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Google BigQuery: backtick quoting, {@code cast('x' as string)}. */
public final class BigQuery extends Dialect {

    private static final Map<ColumnType, String> TYPES =
            types("string", "int64", "float64", "bool", "timestamp", "date", "json");

    public BigQuery() {
        super("bigquery", 300, "bigquery", TYPES);
    }

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> RESERVED_PREFIXES =
            List.of("_table_", "_file_", "_partition", "_row_timestamp", "__root__", "_colidentifier");

    @Override
    protected String jsonParser() {
        return "parse_json";
    }

    @Override
    public String now() {
        return "current_timestamp()";
    }

    @Override
    public String hoursBefore(String timestamp, String hours) {
        return "timestamp_sub(" + timestamp + ", interval " + hours + " hour)";
    }

    @Override
    public String columnNameProblem(String column) {
        if (!COLUMN.matcher(column).matches()) {
            return "BigQuery column names contain only letters, digits and underscores and do not start"
                    + " with a digit";
        }
        String lower = column.toLowerCase(Locale.ROOT);
        for (String prefix : RESERVED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return "BigQuery reserves column names starting with " + prefix.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Quoted identifiers take the escape sequences of string literals, so they are escaped alike. */
    @Override
    protected String quoteAlways(String identifier) {
        return '`' + escape(identifier, '`') + '`';
    }

    @Override
    public String plainString(String value) {
        return "'" + escape(value, '\'') + "'";
    }

    /**
     * BigQuery's escapes: backslash, the quote, and every control character (a raw newline would end a
     * quoted identifier or literal) as {@code \\xhh}.
     */
    private static String escape(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : noNul(text).toCharArray()) {
            if (c == '\\' || c == quote) {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A STRUCT or ARRAY becomes JSON with {@code to_json}; BigQuery cannot cast it. */
    @Override
    public String castStructured(String expression, ColumnType type) {
        return type == ColumnType.JSON ? "to_json(" + expression + ")" : cast(expression, type);
    }

    /** {@code cross join unnest(array) as alias}: the alias is the element. */
    @Override
    public String unnest(String array, String alias) {
        return "cross join unnest(" + array + ") as " + alias;
    }

    @Override
    public String unnested(String alias) {
        return alias;
    }

    /** BigQuery has no {@code ::} cast: typed literals are {@code cast(... as string)}. */
    @Override
    protected boolean castsTypedLiterals() {
        return true;
    }

    /** Redshift's and Snowflake's clock functions, which BigQuery does not have. */
    @Override
    public Map<String, String> missingFunctions() {
        return Map.of("getdate", "current_timestamp()", "sysdate", "current_timestamp()");
    }

    /**
     * {@code parse_json(document)['a']['b']} on JSON text (the subscript takes a string literal, so no key is read as
     * a JSONPath); scalars through {@code json_value}.
     */
    @Override
    public String jsonValue(String document, List<String> keys, ColumnType type, boolean typed) {
        StringBuilder path = new StringBuilder("parse_json(" + document + ")");
        keys.forEach(k -> path.append('[').append(plainString(k)).append(']'));
        if (type == ColumnType.JSON) {
            return path.toString();
        }
        String value = "json_value(" + path + ")";
        return typed ? cast(value, type) : value;
    }

    @Override
    public String jsonDocumentType() {
        return "string";
    }
}
