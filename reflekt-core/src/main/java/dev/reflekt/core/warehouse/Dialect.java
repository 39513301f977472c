package dev.reflekt.core.warehouse;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SQL of one warehouse, as far as generated dbt models need it: identifier quoting, typed string
 * literals, the type of each {@link ColumnType} and how to cast to it, time arithmetic, naming limits.
 * One subclass per warehouse; no {@code if dialect == ...} anywhere else.
 */
public abstract class Dialect {

    /** One mapping table: every column type to the dialect's type name. */
    protected static Map<ColumnType, String> types(
            String string, String integer, String number, String bool, String timestamp, String date, String json) {
        Map<ColumnType, String> m = new EnumMap<>(ColumnType.class);
        m.put(ColumnType.STRING, string);
        m.put(ColumnType.INTEGER, integer);
        m.put(ColumnType.NUMBER, number);
        m.put(ColumnType.BOOLEAN, bool);
        m.put(ColumnType.TIMESTAMP, timestamp);
        m.put(ColumnType.DATE, date);
        m.put(ColumnType.JSON, json);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The dialect's type mapping table. */
    protected abstract Map<ColumnType, String> typeTable();

    /** The dialect's type for a column type, as a contract's {@code data_type} and a cast name it. */
    public String typeName(ColumnType type) {
        return typeTable().get(type);
    }

    /**
     * {@code expression} converted to {@code type}. JSON text (Segment loads objects and arrays as JSON
     * strings) is parsed into the semi-structured type rather than stored as a string inside it.
     */
    public String cast(String expression, ColumnType type) {
        return "cast(" + expression + " as " + typeName(type) + ")";
    }

    /** The timestamp {@code hours} hours before {@code timestamp}; {@code hours} may be a Jinja expression. */
    public String hoursBefore(String timestamp, String hours) {
        return timestamp + " - interval '" + hours + " hours'";
    }

    /** The longest column name the warehouse accepts, in bytes of UTF-8. */
    public abstract int maxIdentifierLength();

    /** The longest {@code varchar} the warehouse stores, in bytes; {@code Integer.MAX_VALUE} when unbounded. */
    public int maxVarcharLength() {
        return Integer.MAX_VALUE;
    }

    /**
     * Why the warehouse would refuse or change {@code column} as a column name, or null when it keeps it.
     * The default accepts every name within {@link #maxIdentifierLength}.
     */
    public String columnNameProblem(String column) {
        return null;
    }

    private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_]*");

    /** The dialect's name as users write it: {@code snowflake}, {@code bigquery}, ... */
    public abstract String name();

    /** Words that must be quoted when used as column names. Lower case. */
    protected abstract Set<String> reservedWords();

    /**
     * Wraps an identifier in the dialect's quotes: {@code "a""b"} (standard SQL, where nothing but the quote
     * is special inside quotes).
     */
    protected String quoteAlways(String identifier) {
        return '"' + noNul(identifier).replace("\"", "\"\"") + '"';
    }

    /**
     * {@code text}, refused when it holds a NUL character, which no warehouse stores and some drivers cut
     * statements at. Schemas with one are refused, with their position, before SQL is written.
     */
    protected static String noNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be written into SQL");
        }
        return text;
    }

    /** An identifier, quoted only when it is reserved or not a plain lower-case name. */
    public String identifier(String name) {
        return SIMPLE.matcher(name).matches() && !reservedWords().contains(name) ? name : quoteAlways(name);
    }

    /** A string literal: {@code 'it''s'} (standard SQL: only the quote is special). */
    public String plainString(String value) {
        return "'" + noNul(value).replace("'", "''") + "'";
    }

    /** A string literal typed as the dialect's string type: {@code 'track'::varchar}. */
    public String stringLiteral(String value) {
        return plainString(value) + "::varchar";
    }

    /**
     * A delete of the rows of {@code target} whose {@code column} appears in none of {@code sources} (each a
     * relation and its column): an anti-join ({@code not exists}), which every warehouse plans as one, unlike
     * {@code not in} over a large subquery (measured: over a minute against 0.7 s on PostgreSQL, 1M rows).
     *
     * @param target the relation (may be a Jinja expression such as a {@code ref})
     * @param targetName the relation's own name, for dialects that cannot alias a delete's target
     */
    public String deleteMissing(String target, String targetName, String column, List<String[]> sources) {
        return "delete from " + target + " as _reflekt_target\n    where "
                + notExists("_reflekt_target", column, sources);
    }

    /** {@code not exists (...) and not exists (...)} matching {@code owner.column} against each source. */
    protected static String notExists(String owner, String column, List<String[]> sources) {
        List<String> parts = new java.util.ArrayList<>();
        for (String[] s : sources) {
            parts.add("not exists (select 1 from " + s[0] + " as _reflekt_source where _reflekt_source." + s[1] + " = "
                    + owner + "." + column + ")");
        }
        return String.join("\n    and ", parts);
    }

    /** A NULL typed as the dialect's string type. */
    public String nullString() {
        return "cast(null as varchar)";
    }

    /** Every dialect, by the names {@code -Dreflekt.dialect} accepts. */
    public static Optional<Dialect> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(all())
                .filter(d -> d.name().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** One instance of each dialect. */
    public static Dialect[] all() {
        return new Dialect[] {new Snowflake(), new Redshift(), new BigQuery(), new Postgres(), new DuckDb()};
    }

    @Override
    public String toString() {
        return name();
    }

    /** Snowflake: unquoted identifiers fold to upper case, so plain names stay unquoted. */
    public static final class Snowflake extends Dialect {

        /** Snowflake reads backslash escapes in single-quoted strings, so a backslash is doubled too. */
        @Override
        public String plainString(String value) {
            return "'" + noNul(value).replace("\\", "\\\\").replace("'", "''") + "'";
        }

        private static final Set<String> RESERVED = Set.of(
                "account",
                "all",
                "alter",
                "and",
                "any",
                "as",
                "between",
                "by",
                "case",
                "cast",
                "check",
                "column",
                "connect",
                "connection",
                "constraint",
                "create",
                "cross",
                "current",
                "current_date",
                "current_time",
                "current_timestamp",
                "current_user",
                "database",
                "delete",
                "distinct",
                "drop",
                "else",
                "exists",
                "false",
                "following",
                "for",
                "from",
                "full",
                "grant",
                "group",
                "gscluster",
                "having",
                "ilike",
                "in",
                "increment",
                "inner",
                "insert",
                "intersect",
                "into",
                "is",
                "issue",
                "join",
                "lateral",
                "left",
                "like",
                "localtime",
                "localtimestamp",
                "minus",
                "natural",
                "not",
                "null",
                "of",
                "on",
                "or",
                "order",
                "organization",
                "qualify",
                "regexp",
                "revoke",
                "right",
                "rlike",
                "row",
                "rows",
                "sample",
                "schema",
                "select",
                "set",
                "some",
                "start",
                "table",
                "tablesample",
                "then",
                "to",
                "trigger",
                "true",
                "try_cast",
                "union",
                "unique",
                "update",
                "using",
                "values",
                "view",
                "when",
                "whenever",
                "where",
                "with");

        private static final Map<ColumnType, String> TYPES =
                types("varchar", "number(38,0)", "float", "boolean", "timestamp_ntz", "date", "variant");

        @Override
        public String name() {
            return "snowflake";
        }

        @Override
        protected Set<String> reservedWords() {
            return RESERVED;
        }

        @Override
        protected Map<ColumnType, String> typeTable() {
            return TYPES;
        }

        @Override
        public String cast(String expression, ColumnType type) {
            return type == ColumnType.JSON ? "parse_json(" + expression + ")" : super.cast(expression, type);
        }

        @Override
        public String hoursBefore(String timestamp, String hours) {
            return "dateadd(hour, -" + hours + ", " + timestamp + ")";
        }

        @Override
        public int maxIdentifierLength() {
            return 255;
        }
    }

    /** Amazon Redshift: PostgreSQL syntax with its own reserved words. */
    public static final class Redshift extends Dialect {

        /** Redshift's DELETE takes no alias for its target: the subqueries name it by its table name. */
        @Override
        public String deleteMissing(String target, String targetName, String column, List<String[]> sources) {
            return "delete from " + target + "\n    where " + notExists(identifier(targetName), column, sources);
        }

        /**
         * Redshift reads backslash escapes in string literals, PostgreSQL (with standard strings) does not: a
         * backslash is written as {@code chr(92)}, which both read alike, so the SQL means the same on either.
         */
        @Override
        public String plainString(String value) {
            if (value.indexOf('\\') < 0) {
                return super.plainString(value);
            }
            List<String> parts = new java.util.ArrayList<>();
            for (String part : value.split("\\\\", -1)) {
                parts.add(super.plainString(part));
            }
            return "(" + String.join(" || chr(92) || ", parts) + ")";
        }

        private static final Set<String> RESERVED = Set.of(
                "aes128",
                "aes256",
                "all",
                "allowoverwrite",
                "analyse",
                "analyze",
                "and",
                "any",
                "array",
                "as",
                "asc",
                "authorization",
                "backup",
                "between",
                "binary",
                "blanksasnull",
                "both",
                "bytedict",
                "bzip2",
                "case",
                "cast",
                "check",
                "collate",
                "column",
                "constraint",
                "create",
                "credentials",
                "cross",
                "current_date",
                "current_time",
                "current_timestamp",
                "current_user",
                "current_user_id",
                "default",
                "deferrable",
                "deflate",
                "defrag",
                "delta",
                "delta32k",
                "desc",
                "disable",
                "distinct",
                "do",
                "else",
                "emptyasnull",
                "enable",
                "encode",
                "encrypt",
                "encryption",
                "end",
                "except",
                "explicit",
                "false",
                "for",
                "foreign",
                "freeze",
                "from",
                "full",
                "globaldict256",
                "globaldict64k",
                "grant",
                "group",
                "gzip",
                "having",
                "identity",
                "ignore",
                "ilike",
                "in",
                "initially",
                "inner",
                "intersect",
                "interval",
                "into",
                "is",
                "isnull",
                "join",
                "leading",
                "left",
                "like",
                "limit",
                "localtime",
                "localtimestamp",
                "lun",
                "luns",
                "lzo",
                "lzop",
                "minus",
                "mostly16",
                "mostly32",
                "mostly8",
                "natural",
                "new",
                "not",
                "notnull",
                "null",
                "nulls",
                "off",
                "offline",
                "offset",
                "oid",
                "old",
                "on",
                "only",
                "open",
                "or",
                "order",
                "outer",
                "overlaps",
                "parallel",
                "partition",
                "percent",
                "permissions",
                "pivot",
                "placing",
                "primary",
                "raw",
                "readratio",
                "recover",
                "references",
                "respect",
                "rejectlog",
                "resort",
                "restore",
                "right",
                "select",
                "session_user",
                "similar",
                "snapshot",
                "some",
                "sysdate",
                "system",
                "table",
                "tag",
                "tdes",
                "text255",
                "text32k",
                "then",
                "timestamp",
                "to",
                "top",
                "trailing",
                "true",
                "truncatecolumns",
                "union",
                "unique",
                "unnest",
                "unpivot",
                "user",
                "using",
                "verbose",
                "wallet",
                "when",
                "where",
                "with",
                "without");

        private static final Map<ColumnType, String> TYPES =
                types("varchar(65535)", "bigint", "double precision", "boolean", "timestamp", "date", "super");

        @Override
        public String name() {
            return "redshift";
        }

        @Override
        protected Set<String> reservedWords() {
            return RESERVED;
        }

        @Override
        protected Map<ColumnType, String> typeTable() {
            return TYPES;
        }

        @Override
        public String cast(String expression, ColumnType type) {
            return type == ColumnType.JSON ? "json_parse(" + expression + ")" : super.cast(expression, type);
        }

        @Override
        public int maxIdentifierLength() {
            return 127;
        }

        @Override
        public int maxVarcharLength() {
            return 65535;
        }
    }

    /** Google BigQuery: backtick quoting, {@code cast('x' as string)}. */
    public static final class BigQuery extends Dialect {
        private static final Set<String> RESERVED = Set.of(
                "all",
                "and",
                "any",
                "array",
                "as",
                "asc",
                "assert_rows_modified",
                "at",
                "between",
                "by",
                "case",
                "cast",
                "collate",
                "contains",
                "create",
                "cross",
                "cube",
                "current",
                "default",
                "define",
                "desc",
                "distinct",
                "else",
                "end",
                "enum",
                "escape",
                "except",
                "exclude",
                "exists",
                "extract",
                "false",
                "fetch",
                "following",
                "for",
                "from",
                "full",
                "group",
                "grouping",
                "groups",
                "hash",
                "having",
                "if",
                "ignore",
                "in",
                "inner",
                "intersect",
                "interval",
                "into",
                "is",
                "join",
                "lateral",
                "left",
                "like",
                "limit",
                "lookup",
                "merge",
                "natural",
                "new",
                "no",
                "not",
                "null",
                "nulls",
                "of",
                "on",
                "or",
                "order",
                "outer",
                "over",
                "partition",
                "preceding",
                "proto",
                "qualify",
                "range",
                "recursive",
                "respect",
                "right",
                "rollup",
                "rows",
                "select",
                "set",
                "some",
                "struct",
                "tablesample",
                "then",
                "to",
                "treat",
                "true",
                "unbounded",
                "union",
                "unnest",
                "using",
                "when",
                "where",
                "window",
                "with",
                "within");

        private static final Map<ColumnType, String> TYPES =
                types("string", "int64", "float64", "bool", "timestamp", "date", "json");
        private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final List<String> RESERVED_PREFIXES =
                List.of("_table_", "_file_", "_partition", "_row_timestamp", "__root__", "_colidentifier");

        @Override
        public String name() {
            return "bigquery";
        }

        @Override
        protected Set<String> reservedWords() {
            return RESERVED;
        }

        @Override
        protected Map<ColumnType, String> typeTable() {
            return TYPES;
        }

        @Override
        public String cast(String expression, ColumnType type) {
            return type == ColumnType.JSON ? "parse_json(" + expression + ")" : super.cast(expression, type);
        }

        @Override
        public String hoursBefore(String timestamp, String hours) {
            return "timestamp_sub(" + timestamp + ", interval " + hours + " hour)";
        }

        @Override
        public int maxIdentifierLength() {
            return 300;
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

        @Override
        public String stringLiteral(String value) {
            return "cast(" + plainString(value) + " as string)";
        }

        @Override
        public String nullString() {
            return "cast(null as string)";
        }
    }

    /** PostgreSQL. */
    public static class Postgres extends Dialect {
        private static final Set<String> RESERVED = Set.of(
                "all",
                "analyse",
                "analyze",
                "and",
                "any",
                "array",
                "as",
                "asc",
                "asymmetric",
                "authorization",
                "binary",
                "both",
                "case",
                "cast",
                "check",
                "collate",
                "collation",
                "column",
                "concurrently",
                "constraint",
                "create",
                "cross",
                "current_catalog",
                "current_date",
                "current_role",
                "current_schema",
                "current_time",
                "current_timestamp",
                "current_user",
                "default",
                "deferrable",
                "desc",
                "distinct",
                "do",
                "else",
                "end",
                "except",
                "false",
                "fetch",
                "for",
                "foreign",
                "freeze",
                "from",
                "full",
                "grant",
                "group",
                "having",
                "ilike",
                "in",
                "initially",
                "inner",
                "intersect",
                "into",
                "is",
                "isnull",
                "join",
                "lateral",
                "leading",
                "left",
                "like",
                "limit",
                "localtime",
                "localtimestamp",
                "natural",
                "not",
                "notnull",
                "null",
                "offset",
                "on",
                "only",
                "or",
                "order",
                "outer",
                "overlaps",
                "placing",
                "primary",
                "references",
                "returning",
                "right",
                "select",
                "session_user",
                "similar",
                "some",
                "symmetric",
                "system_user",
                "table",
                "tablesample",
                "then",
                "to",
                "trailing",
                "true",
                "union",
                "unique",
                "user",
                "using",
                "variadic",
                "verbose",
                "when",
                "where",
                "window",
                "with");

        private static final Map<ColumnType, String> TYPES =
                types("text", "bigint", "double precision", "boolean", "timestamptz", "date", "jsonb");

        @Override
        public String name() {
            return "postgres";
        }

        @Override
        protected Set<String> reservedWords() {
            return RESERVED;
        }

        @Override
        protected Map<ColumnType, String> typeTable() {
            return TYPES;
        }

        @Override
        public int maxIdentifierLength() {
            return 63;
        }
    }

    /** DuckDB: PostgreSQL-like syntax; embedded, the default warehouse of local builds. */
    public static final class DuckDb extends Postgres {
        private static final Map<ColumnType, String> TYPES =
                types("varchar", "bigint", "double", "boolean", "timestamp", "date", "json");

        @Override
        public String name() {
            return "duckdb";
        }

        @Override
        protected Map<ColumnType, String> typeTable() {
            return TYPES;
        }

        /** DuckDB has no limit on names; 255 keeps the package portable to the warehouse behind it. */
        @Override
        public int maxIdentifierLength() {
            return 255;
        }
    }
}
