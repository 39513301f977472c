package dev.reflekt.core.warehouse.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
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

    private final String name;
    private final int maxIdentifierLength;
    private final Set<String> reservedWords;
    private final Map<ColumnType, String> types;

    /**
     * @param name the name users write ({@code -Dreflekt.dialect})
     * @param maxIdentifierLength the longest column name accepted, in bytes of UTF-8
     * @param reservedWords the resource {@code <reservedWords>.reserved} beside this class lists the words
     *     that are always quoted as identifiers
     * @param types the mapping table, from {@link #types}
     */
    protected Dialect(String name, int maxIdentifierLength, String reservedWords, Map<ColumnType, String> types) {
        this.name = name;
        this.maxIdentifierLength = maxIdentifierLength;
        this.reservedWords = RESERVED_WORDS.computeIfAbsent(reservedWords, Dialect::readReservedWords);
        this.types = types;
    }

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

    /**
     * Functions other warehouses have (and that Python-CLI projects use in {@code models.filter}) that this one
     * lacks, each with what to write instead: {@code getdate} → {@code current_timestamp} on DuckDB. Names are
     * lower case; the default is none.
     */
    public Map<String, String> missingFunctions() {
        return Map.of();
    }

    /**
     * For each function of {@link #missingFunctions} that {@code sql} calls (by name, in any case), a sentence
     * naming it and its equivalent here; empty when the SQL uses none of them.
     */
    public List<String> foreignFunctions(String sql) {
        List<String> out = new java.util.ArrayList<>();
        new java.util.TreeMap<>(missingFunctions()).forEach((function, instead) -> {
            if (Pattern.compile("(?i)(?<![A-Za-z0-9_$.])" + function + "(?![A-Za-z0-9_$])")
                    .matcher(sql)
                    .find()) {
                out.add(function + ", which " + name + " does not have; write " + instead + " instead");
            }
        });
        return out;
    }

    /** The dialect's type for a column type, as a contract's {@code data_type} and a cast name it. */
    public String typeName(ColumnType type) {
        return types.get(type);
    }

    /**
     * {@code expression} converted to {@code type}. JSON text (Segment loads objects and arrays as JSON
     * strings) is parsed into the semi-structured type rather than stored as a string inside it.
     */
    public String cast(String expression, ColumnType type) {
        if (type == ColumnType.JSON && jsonParser() != null) {
            return jsonParser() + "(" + expression + ")";
        }
        return "cast(" + expression + " as " + typeName(type) + ")";
    }

    /**
     * {@code expression}, a value the warehouse already holds structured (a STRUCT field, a VARIANT path),
     * converted to {@code type}: as {@link #cast}, except that objects and arrays become the JSON type without
     * being parsed as text.
     */
    public String castStructured(String expression, ColumnType type) {
        return type == ColumnType.JSON ? "cast(" + expression + " as " + typeName(type) + ")" : cast(expression, type);
    }

    /**
     * The join that makes one row per element of the array {@code array}, named {@code alias}; see
     * {@link #unnested} for the element. Default: {@code cross join unnest(array) as alias(element)}.
     */
    public String unnest(String array, String alias) {
        return "cross join unnest(" + array + ") as " + alias + "(element)";
    }

    /** The element of the array that {@link #unnest} named {@code alias}. */
    public String unnested(String alias) {
        return alias + ".element";
    }

    /** The function that parses JSON text into the semi-structured type, or null to cast the text. */
    protected String jsonParser() {
        return null;
    }

    /**
     * The value at {@code keys} (object keys, outermost first) of {@code document}, a column holding a JSON object
     * the way this warehouse keeps JSON documents ({@link #jsonDocumentType()}): when {@code typed}, converted to
     * {@code type} (scalars through their text, objects and arrays into the semi-structured type); else as the
     * warehouse reads it. Each key is written as a string literal, never as SQL or inside a path expression.
     */
    public abstract String jsonValue(String document, List<String> keys, ColumnType type, boolean typed);

    /** The type of a column holding JSON documents ({@link #jsonValue}) in this warehouse. */
    public abstract String jsonDocumentType();

    /** The timestamp {@code hours} hours before {@code timestamp}; {@code hours} may be a Jinja expression. */
    public String hoursBefore(String timestamp, String hours) {
        return timestamp + " - interval '" + hours + " hours'";
    }

    /** The time now, as a timestamp the loader's timestamp columns compare with. */
    public String now() {
        return "current_timestamp";
    }

    /** The longest column name the warehouse accepts, in bytes of UTF-8. */
    public final int maxIdentifierLength() {
        return maxIdentifierLength;
    }

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
    public final String name() {
        return name;
    }

    /** Words that must be quoted when used as column names. Lower case. */
    protected final Set<String> reservedWords() {
        return reservedWords;
    }

    /** Whether {@code word} is one of the warehouse's reserved words, whatever its case. */
    public final boolean reserved(String word) {
        return reservedWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The words of {@code <name>.reserved} beside this class: one per line, {@code #} starts a comment. */
    /** Each list read once per class loader: dialects are made anew by every {@link #of} and {@link #all}. */
    private static final java.util.concurrent.ConcurrentMap<String, Set<String>> RESERVED_WORDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Set<String> readReservedWords(String name) {
        String file = name + ".reserved";
        try (InputStream in = Dialect.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    /**
     * A string literal typed as the dialect's string type: {@code 'track'::varchar}, or
     * {@code cast('track' as string)} where {@link #castsTypedLiterals}.
     */
    public String stringLiteral(String value) {
        return castsTypedLiterals()
                ? "cast(" + plainString(value) + " as " + typeName(ColumnType.STRING) + ")"
                : plainString(value) + "::varchar";
    }

    /** Whether typed literals and NULLs are written with {@code cast(... as <string type>)} rather than {@code ::varchar}. */
    protected boolean castsTypedLiterals() {
        return false;
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

    /**
     * How models are materialized when {@code models.parquet} asks for Parquet files (dbt-duckdb:
     * {@code external}), or empty when this warehouse's dbt adapter writes no Parquet.
     */
    public Optional<String> parquetMaterialization() {
        return Optional.empty();
    }

    /**
     * The adapter's config lines for a model materialized as {@code materialized} (after {@code materialized}
     * itself): its table format and incremental strategy where the adapter has a choice. Empty by default.
     *
     * @param parquet whether {@code models.parquet} asked for Parquet files
     */
    public List<String> adapterConfig(String materialized, boolean parquet) {
        return List.of();
    }

    /**
     * The statement the audit ({@code -Dreflekt.build.audit}) sends for a compiled model: one that makes the
     * warehouse resolve every relation, column and type of {@code sql} and fail when it cannot, without
     * running it. {@code explain} by default.
     */
    public String auditStatement(String sql) {
        return "explain " + sql;
    }

    /** A NULL typed as the dialect's string type. */
    public String nullString() {
        return "cast(null as " + (castsTypedLiterals() ? typeName(ColumnType.STRING) : "varchar") + ")";
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
        return new Dialect[] {
            new Snowflake(), new Redshift(), new BigQuery(), new Postgres(), new DuckDb(), new Databricks()
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
