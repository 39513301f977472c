package dev.reflekt.core.warehouse.dialect;

import java.util.List;
import java.util.Map;

/** Amazon Redshift: PostgreSQL syntax with its own reserved words. */
public final class Redshift extends Dialect {

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

    private static final Map<ColumnType, String> TYPES =
            types("varchar(65535)", "bigint", "double precision", "boolean", "timestamp", "date", "super");

    public Redshift() {
        super("redshift", 127, "redshift", TYPES);
    }

    /** Redshift's {@code current_timestamp} runs on the leader node only, so not in a query of a table. */
    @Override
    public String now() {
        return "getdate()";
    }

    @Override
    protected String jsonParser() {
        return "json_parse";
    }

    @Override
    public int maxVarcharLength() {
        return 65535;
    }

    /**
     * {@code json_extract_path_text(document, 'a', 'b')} on JSON text; objects and arrays parsed into SUPER with
     * {@code json_parse} when typed.
     */
    @Override
    public String jsonValue(String document, List<String> keys, ColumnType type, boolean typed) {
        List<String> args = new java.util.ArrayList<>();
        args.add(document);
        keys.forEach(k -> args.add(plainString(k)));
        String value = "json_extract_path_text(" + String.join(", ", args) + ")";
        return typed ? cast(value, type) : value;
    }

    @Override
    public String jsonDocumentType() {
        return "varchar(65535)";
    }
}
