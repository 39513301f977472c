package dev.reflekt.core.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads which tables and columns exist in one warehouse schema with a single
 * {@code information_schema.columns} query: never one query per table.
 */
public final class JdbcCatalog {

    private JdbcCatalog() {}

    /** The SQL sent, with the database and schema as parameters; logged so that it can be counted. */
    public static final String QUERY = "select table_name, column_name, data_type, is_nullable from"
            + " information_schema.columns"
            + " where lower(table_catalog) = lower(?) and lower(table_schema) = lower(?)";

    /** Runs {@link #QUERY} for {@code database}.{@code schema}. */
    public static TableColumns read(Connection connection, String database, String schema) throws SQLException {
        TableColumns out = new TableColumns();
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, database);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
                }
            }
        }
        return out;
    }
}
