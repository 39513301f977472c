package dev.reflekt.core.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.warehouse.dialect.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DuckDB itself says which words cannot name a column unquoted: every keyword of {@code duckdb_keywords()} that
 * the engine refuses as a bare column alias is quoted by the dialect, and every keyword, as the dialect writes it,
 * names a column (a property {@code qualify} or {@code pivot} no longer breaks every model).
 */
class DuckDbKeywordsTest {

    @Test
    void everyKeywordTheEngineRefusesBareIsQuoted() throws Exception {
        Dialect duckdb = Dialect.of("duckdb").orElseThrow();
        List<String> keywords = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select keyword_name from duckdb_keywords() order by 1")) {
            while (r.next()) {
                keywords.add(r.getString(1));
            }
        }
        assertThat(keywords).hasSizeGreaterThan(400).contains("qualify", "pivot", "summarize");
        List<String> refusedButBare = new ArrayList<>();
        List<String> refusedQuoted = new ArrayList<>();
        for (String word : keywords) {
            if (!works("select x as " + word + " from (select 1 as x) src")
                    && !duckdb.identifier(word).startsWith("\"")) {
                refusedButBare.add(word);
            }
            String column = duckdb.identifier(word);
            if (!works("with renamed as (select cast(x as bigint) as " + column + " from (select 1 as x) src) select "
                    + column + " from renamed")) {
                refusedQuoted.add(word);
            }
        }
        assertThat(refusedButBare)
                .as("keywords DuckDB refuses bare and the dialect leaves bare")
                .isEmpty();
        assertThat(refusedQuoted)
                .as("keywords that name no column as the dialect writes them")
                .isEmpty();
    }

    private static boolean works(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
