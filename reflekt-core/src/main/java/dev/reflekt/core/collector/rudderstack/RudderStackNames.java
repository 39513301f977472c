package dev.reflekt.core.collector.rudderstack;

import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How RudderStack's warehouse destinations name tables and columns, as rudder-server's embedded warehouse
 * transformer does it ({@code warehouse/transformer/safe.go}: {@code transformTableName},
 * {@code transformColumnName}, {@code safeName}; words from {@code warehouse/transformer/internal/snakecase/}),
 * which replaced rudder-transformer's {@code src/warehouse/v1/util.js} with the same rules.
 *
 * <ol>
 *   <li>Keep the runs of ASCII letters and digits and join them with {@code _} ({@code Cízǔ} → {@code C_z});
 *       leading underscores of the input are kept.
 *   <li>Snake-case the result: lodash's word rules, where a letter run and the digits after it stay one word
 *       ({@code omega_v2}), or, with the destination's {@code underscoreDivideNumbers} setting, lodash's own
 *       split ({@code omega_v_2}).
 *   <li>A name starting with a digit gets {@code _}.
 *   <li>Lower case (Snowflake's loader writes upper case, which is the same unquoted name), PostgreSQL's names
 *       cut at 63 characters, a warehouse reserved word gets {@code _}, every name cut at 127.
 * </ol>
 *
 * Event tables named like RudderStack's own tables get {@code _} ({@code excludeRudderCreatedTableNames}).
 * Reserved words are the warehouse's documented ones ({@link Dialect#reserved}); rudder-server keeps its copy
 * of the same lists in {@code warehouse/transformer/internal/reservedkeywords/}.
 */
final class RudderStackNames {

    /** The tables RudderStack loads besides the event tables. */
    static final Set<String> OWN_TABLES =
            Set.of("tracks", "identifies", "users", "pages", "screens", "groups", "aliases", "accounts");

    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern LEADING_UNDERSCORES = Pattern.compile("^_*");

    /**
     * lodash's word alternatives over {@code [A-Za-z0-9_]} (what is left after step 1), where {@code _} is the only
     * break character and the contraction and non-ASCII classes match nothing.
     */
    private static final String WORDS = String.join(
            "|",
            "[A-Z]?[a-z]+(?=_|[A-Z]|$)",
            "[A-Z]+(?=_|[A-Z][a-z]|$)",
            "[A-Z]?[a-z]+",
            "[A-Z]+",
            "[0-9]*(?:1ST|2ND|3RD|(?![123])[0-9]TH)(?=\\b|[a-z_])",
            "[0-9]*(?:1st|2nd|3rd|(?![123])[0-9]th)(?=\\b|[A-Z_])",
            "[0-9]+");

    /** Letters with the digits that follow or precede them first, as {@code ToSnakeCaseWithNumbers}. */
    private static final Pattern WORDS_WITH_NUMBERS =
            Pattern.compile("[A-Z]?[a-z]+[0-9]+|[A-Z]+[0-9]+|[0-9]+[A-Z]?[a-z]+|[0-9]+[A-Z]+|" + WORDS);

    private static final Pattern WORDS_DIVIDING_NUMBERS = Pattern.compile(WORDS);

    private final Dialect dialect;
    private final boolean underscoreDivideNumbers;

    RudderStackNames(Dialect dialect, boolean underscoreDivideNumbers) {
        this.dialect = dialect;
        this.underscoreDivideNumbers = underscoreDivideNumbers;
    }

    /** The table a track event named {@code event} is loaded into; empty when the name has no letter or digit. */
    String eventTable(String event) {
        String table = column(event);
        return OWN_TABLES.contains(table) ? "_" + table : table;
    }

    /**
     * The column a property is loaded into, from its key path joined with {@code _}
     * ({@code address.zipCode} → {@code address_zip_code}); empty when the key has no letter or digit.
     */
    String column(String key) {
        String name = transform(key, underscoreDivideNumbers);
        if (name.isEmpty()) {
            return name;
        }
        int postgresLimit = Math.min(127, dialect.maxIdentifierLength());
        name = cut(name, postgresLimit < 127 ? postgresLimit : Integer.MAX_VALUE)
                .toLowerCase(Locale.ROOT);
        if (dialect.reserved(name)) {
            name = "_" + name;
        }
        return cut(name, 127);
    }

    /** Steps 1 to 3: {@code transformName} without the warehouse's rules. */
    static String transform(String name, boolean underscoreDivideNumbers) {
        List<String> runs = new ArrayList<>();
        Matcher m = ALPHANUMERIC.matcher(name);
        while (m.find()) {
            runs.add(m.group());
        }
        String joined = String.join("_", runs);
        Matcher leading = LEADING_UNDERSCORES.matcher(name);
        String underscores = leading.find() ? leading.group() : "";
        String out = underscores + snakeCase(joined, underscoreDivideNumbers);
        if (!out.isEmpty() && Character.isDigit(out.charAt(0))) {
            out = "_" + out;
        }
        return out;
    }

    private static String snakeCase(String s, boolean underscoreDivideNumbers) {
        Matcher m = (underscoreDivideNumbers ? WORDS_DIVIDING_NUMBERS : WORDS_WITH_NUMBERS).matcher(s);
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return String.join("_", words);
    }

    private static String cut(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }
}
