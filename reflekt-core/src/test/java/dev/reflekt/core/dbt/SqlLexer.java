package dev.reflekt.core.dbt;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens by a warehouse's lexical rules (quotes, escapes, comments), decoding quoted
 * identifiers and strings, so that a test can tell what a warehouse would read as names, strings and bare
 * words without the warehouse. Written from each warehouse's documented rules.
 */
final class SqlLexer {

    enum Kind {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        SYMBOL
    }

    record Token(Kind kind, String text) {}

    private final char identifierQuote;
    private final boolean backslashInStrings;
    private final boolean backslashInIdentifiers;
    private final boolean hashComments;

    private SqlLexer(char identifierQuote, boolean backslashInStrings, boolean backslashInIdentifiers, boolean hash) {
        this.identifierQuote = identifierQuote;
        this.backslashInStrings = backslashInStrings;
        this.backslashInIdentifiers = backslashInIdentifiers;
        this.hashComments = hash;
    }

    /** BigQuery: backticks, backslash escapes in both, {@code #} comments; Snowflake and Redshift: backslash escapes in strings; Databricks: backticks (doubled inside), backslash escapes in strings. */
    static SqlLexer of(String dialect) {
        return switch (dialect) {
            case "bigquery" -> new SqlLexer('`', true, true, true);
            case "snowflake", "redshift" -> new SqlLexer('"', true, false, false);
            case "databricks" -> new SqlLexer('`', true, false, false);
            default -> new SqlLexer('"', false, false, false);
        };
    }

    /**
     * The tokens of {@code sql}; {@code 'a' || chr(92) || 'b'} (how the Redshift dialect writes a backslash)
     * is evaluated into one string token {@code a\b}.
     */
    List<Token> tokens(String sql) {
        List<Token> raw = lex(sql);
        List<Token> out = new ArrayList<>();
        String[] chr = {"|", "|", "chr", "(", "92", ")", "|", "|"};
        for (int i = 0; i < raw.size(); i++) {
            Token t = raw.get(i);
            if (t.kind() == Kind.STRING) {
                StringBuilder text = new StringBuilder(t.text());
                while (matches(raw, i + 1, chr)
                        && i + 1 + chr.length < raw.size()
                        && raw.get(i + 1 + chr.length).kind() == Kind.STRING) {
                    i += 1 + chr.length;
                    text.append('\\').append(raw.get(i).text());
                }
                t = new Token(Kind.STRING, text.toString());
            }
            out.add(t);
        }
        return out;
    }

    private static boolean matches(List<Token> tokens, int from, String[] texts) {
        for (int k = 0; k < texts.length; k++) {
            if (from + k >= tokens.size() || !tokens.get(from + k).text().equals(texts[k])) {
                return false;
            }
        }
        return true;
    }

    private List<Token> lex(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i) || (hashComments && c == '#')) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated comment at " + i);
                }
                i = end + 2;
            } else if (c == '\'' || c == identifierQuote) {
                boolean identifier = c == identifierQuote;
                StringBuilder text = new StringBuilder();
                i = quoted(sql, i + 1, c, identifier ? backslashInIdentifiers : backslashInStrings, text);
                out.add(new Token(identifier ? Kind.QUOTED_IDENTIFIER : Kind.STRING, text.toString()));
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i).toLowerCase(java.util.Locale.ROOT)));
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    /** Reads a quoted token from {@code i} (after the opening quote); returns the index after the closing one. */
    private static int quoted(String sql, int i, char quote, boolean backslash, StringBuilder text) {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                char next = sql.charAt(i + 1);
                switch (next) {
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'x' -> {
                        text.append((char) Integer.parseInt(sql.substring(i + 2, i + 4), 16));
                        i += 2;
                    }
                    default -> text.append(next);
                }
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    text.append(quote);
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated quote");
    }
}
