import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes a DuckDB file laid out as Segment's warehouse loads it, for bench/infer.sh: schema {@code seg} with
 * {@code tracks}, {@code identifies}, {@code users}, {@code pages} and N event tables of 12 to 40 property columns of
 * every type. Deterministic: the same N writes the same tables.
 *
 * <pre>java -cp duckdb_jdbc.jar bench/GenTables.java FILE N</pre>
 */
public class GenTables {

    private static final String COMMON = "id varchar, received_at timestamp, sent_at timestamp,"
            + " original_timestamp timestamp, \"timestamp\" timestamp, anonymous_id varchar, user_id varchar,"
            + " context_ip varchar, context_library_name varchar, context_library_version varchar, uuid_ts timestamp";

    private static final String[] TYPES = {"varchar", "bigint", "double", "boolean", "timestamp", "date"};

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Files.deleteIfExists(file);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement s = db.createStatement()) {
            s.execute("create schema seg");
            s.execute("create table seg.tracks (" + COMMON + ", event varchar, event_text varchar)");
            s.execute("create table seg.identifies (" + COMMON + ", email varchar, plan varchar)");
            s.execute("create table seg.users (id varchar, received_at timestamp, email varchar, plan varchar)");
            s.execute("create table seg.pages (" + COMMON + ", name varchar, path varchar, url varchar)");
            for (int t = 0; t < n; t++) {
                StringBuilder ddl = new StringBuilder("create table seg.event_" + t + "_happened (" + COMMON
                        + ", event varchar, event_text varchar");
                for (int c = 0; c < 12 + t % 29; c++) {
                    ddl.append(", property_").append(c).append(" ").append(TYPES[(t + c) % TYPES.length]);
                }
                s.execute(ddl.append(")").toString());
            }
        }
    }
}
