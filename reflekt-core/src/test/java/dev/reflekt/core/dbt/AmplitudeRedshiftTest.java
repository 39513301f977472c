package dev.reflekt.core.dbt;

/**
 * The Amplitude models in the Redshift dialect, the export's JSON documents as JSON text, through the real Redshift
 * JDBC driver against PostgreSQL behind PgBouncer. PostgreSQL lacks Redshift's {@code json_extract_path_text} on text
 * and {@code json_parse}; the test database gets both, as Redshift documents them (json_parse's SUPER as the JSON
 * text it was parsed from: the Redshift driver knows no PostgreSQL JSON type).
 */
class AmplitudeRedshiftTest extends AmplitudeExecutionContract {

    @Override
    TestWarehouse warehouse() {
        return TestWarehouse.REDSHIFT;
    }

    @Override
    java.sql.Connection open() throws Exception {
        java.sql.Connection c = super.open();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("create function json_extract_path_text(varchar, variadic text[]) returns text"
                    + " language sql immutable as 'select json_extract_path_text($1::json, variadic $2)'");
            s.execute(
                    "create function json_parse(text) returns text language sql immutable as 'select $1::jsonb::text'");
        }
        return c;
    }

    @Override
    String json(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
