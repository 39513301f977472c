import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

/**
 * The cost of reflekt_propagate_deletions on one incremental model: a model of N rows built from a raw table
 * from which Segment deleted 100 people (1 row in 1,000), then the anti-join delete the macro runs. Run by
 * bench/deletions.sh with a JDBC URL; prints one line per run.
 */
public class DeletionBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        Properties p = new Properties();
        if (args.length > 3) {
            p.setProperty("user", args[2]);
            p.setProperty("password", args[3]);
        }
        try (Connection c = DriverManager.getConnection(url, p);
                Statement s = c.createStatement()) {
            s.execute("drop table if exists reflekt_bench_model");
            s.execute("drop table if exists reflekt_bench_raw");
            boolean duck = url.startsWith("jdbc:duckdb");
            String rows = duck ? "range(" + n + ") t(i)" : "generate_series(0, " + (n - 1) + ") i";
            s.execute("create table reflekt_bench_raw as select 'e' || i as id, 'u' || (i % 100000) as user_id from "
                    + rows);
            s.execute("create table reflekt_bench_model as select id as event_id, user_id from reflekt_bench_raw");
            if (!duck) {
                s.execute("analyze reflekt_bench_raw");
                s.execute("analyze reflekt_bench_model");
            }
            s.execute("delete from reflekt_bench_raw where user_id in (" + people(100) + ")");
            long t0 = System.nanoTime();
            int deleted = s.executeUpdate("delete from reflekt_bench_model as _reflekt_target where not exists"
                    + " (select 1 from reflekt_bench_raw as _reflekt_source"
                    + " where _reflekt_source.id = _reflekt_target.event_id)");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("%s rows=%d deleted=%d delete_ms=%d%n", duck ? "duckdb" : "postgres", n, deleted, ms);
            s.execute("drop table reflekt_bench_model");
            s.execute("drop table reflekt_bench_raw");
        }
    }

    private static String people(int k) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < k; i++) {
            b.append(i == 0 ? "" : ", ").append("'u").append(i).append('\'');
        }
        return b.toString();
    }
}
