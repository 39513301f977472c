package dev.reflekt.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.Diagnosis.Check;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {

    private static final String SECRET = "p4ssw0rd-secret";

    @TempDir
    Path dir;

    private static List<String> lines(Diagnosis d) {
        return d.checks().stream().map(Check::format).toList();
    }

    @Test
    void healthyProjectWithoutProfilesWarnsOnly() {
        TestProject.create(dir).schema("a/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        Diagnosis d = new Doctor(Map.of()).diagnose(dir, null, false);
        assertThat(d.failed()).isFalse();
        assertThat(lines(d))
                .containsExactly(
                        "[OK  ] reflekt_project.yml: valid (project test_project, "
                                + dir.toAbsolutePath().normalize() + ")",
                        "[OK  ] schemas/.reflekt/meta/1-0.json: valid",
                        "[OK  ] schemas/: 1 schemas",
                        "[WARN] reflekt_profiles.yml: not found; lint and report do not need it, but build, push and pull do"
                                + " (profiles_path in reflekt_project.yml)");
    }

    @Test
    void badProjectFileFailsAndStops() {
        TestProject.create(dir).config("name: x\n");
        Diagnosis d = new Doctor(Map.of()).diagnose(dir, null, false);
        assertThat(d.failed()).isTrue();
        assertThat(d.checks()).allMatch(c -> c.subject().equals("reflekt_project.yml"));
    }

    @Test
    void incompleteAndUnknownEntriesFailAndSecretsNeverShow() throws Exception {
        TestProject.create(dir).write("reflekt_profiles.yml", """
                dev:
                  registry:
                    - type: segment
                      api_token: "{{ env_var('SEGMENT_TOKEN') }}"
                    - type: mixpanel
                  source:
                    - id: wh
                      type: redshift
                      host: 127.0.0.1
                      password: %s
                """.formatted(SECRET));
        Diagnosis d = new Doctor(Map.of("SEGMENT_TOKEN", SECRET)).diagnose(dir, "dev", false);
        assertThat(d.failed()).isTrue();
        assertThat(lines(d))
                .contains(
                        "[OK  ] profile: 'dev' selected",
                        "[OK  ] registry segment: type segment, complete; api_token from environment variable SEGMENT_TOKEN",
                        "[FAIL] registry mixpanel: unknown registry type 'mixpanel'; use one of [amplitude, avo, confluent, iglu, segment]");
        assertThat(lines(d)).anySatisfy(l -> assertThat(l)
                .startsWith("[FAIL] source wh: missing port, database, user (redshift 'wh'"));
        assertThat(String.join("\n", lines(d))).doesNotContain(SECRET);
    }

    @Test
    void withACollectorItSaysWhereEachSourceHasTheEventsAndWhichTablesABuildReads() {
        TestProject p = TestProject.create(dir);
        p.schema("a/pages/1-0.json", "pages", "{}").schema("a/Button_Press/1-0.json", "3D View", "{}");
        p.write("reflekt_profiles.yml", """
                dev:
                  source:
                    - {id: sf, type: snowflake, account: a, database: d, warehouse: w, role: r, user: u, password: p}
                    - {id: pg, type: postgres, host: 127.0.0.1, port: 5432, database: d, user: u, password: p}
                """);
        Diagnosis rudder = new Doctor(Map.of()).diagnose(dir, "dev", false, "rudderstack");
        assertThat(lines(rudder))
                .contains("[OK  ] collector rudderstack on source pg: a build reads _3d_view, _pages, tracks")
                .anySatisfy(l -> assertThat(l)
                        .startsWith("[OK  ] collector rudderstack on source sf: RudderStack loads"
                                + " a table per track event"));
        Diagnosis snowplow = new Doctor(Map.of()).diagnose(dir, "dev", false, "snowplow");
        assertThat(lines(snowplow))
                .contains(
                        "[OK  ] collector snowplow on source sf: Snowplow loads atomic.events, an OBJECT column"
                                + " unstruct_event_<vendor>_<name>_<MAJOR> per event and an ARRAY"
                                + " contexts_<vendor>_<name>_<MAJOR> per entity, keys as sent",
                        "[OK  ] collector snowplow on source pg: a build reads events, com_example_button_press_1,"
                                + " com_example_pages_1");
        Diagnosis amplitude = new Doctor(Map.of()).diagnose(dir, "dev", false, "amplitude");
        assertThat(lines(amplitude))
                .contains(
                        "[OK  ] collector amplitude on source sf: Amplitude loads one table per Amplitude project,"
                                + " EVENTS_<project id>, a row per event; properties as sent in the variant columns"
                                + " event_properties and user_properties",
                        "[FAIL] collector amplitude on source pg: Amplitude's export names its table after the project"
                                + " (EVENTS_<project id>), and nothing says which: set"
                                + " artifacts.dbt.amplitude.project_id in reflekt_project.yml (the number in"
                                + " Amplitude's project settings), or build from the warehouse's metadata.");
        p.config(TestProject.defaultConfig("artifacts:\n  dbt:\n    amplitude: {project_id: 7}\n"));
        assertThat(lines(new Doctor(Map.of()).diagnose(dir, "dev", false, "amplitude")))
                .contains("[OK  ] collector amplitude on source pg: a build reads events_7");
        Diagnosis unknown = new Doctor(Map.of()).diagnose(dir, "dev", false, "mixpanel");
        assertThat(unknown.failed()).isTrue();
        assertThat(lines(unknown))
                .contains(
                        "[FAIL] collector mixpanel: SDK 'mixpanel' is not known; use"
                                + " -Dreflekt.sdk=segment or -Dreflekt.sdk=rudderstack or -Dreflekt.sdk=snowplow or -Dreflekt.sdk=amplitude.");
    }

    @Test
    void connectReachesALiveHostReportsADeadOneAndChecksTheDuckDbFile() throws Exception {
        try (ServerSocket live = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket dead = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int deadPort = dead.getLocalPort();
            dead.close();
            TestProject.create(dir).write("reflekt_profiles.yml", """
                    dev:
                      source:
                        - {id: rs, type: redshift, host: 127.0.0.1, port: %d, database: d, user: u, password: p}
                        - {id: pg, type: postgres, host: 127.0.0.1, port: %d, database: d, user: u, password: p}
                        - {id: local, type: duckdb, path: ./missing.duckdb}
                        - {id: lake, type: databricks, host: 127.0.0.1, http_path: /sql/1.0/warehouses/a, token: t}
                    """.formatted(live.getLocalPort(), deadPort));
            Diagnosis d = new Doctor(Map.of()).diagnose(dir, "", true);
            assertThat(lines(d))
                    .contains(
                            "[OK  ] source rs: reached 127.0.0.1:" + live.getLocalPort(),
                            "[FAIL] source local: DuckDB file missing.duckdb does not exist; create it or correct 'path'");
            assertThat(lines(d)).anySatisfy(l -> assertThat(l)
                    .startsWith("[FAIL] source pg: cannot reach 127.0.0.1:" + deadPort + " (ConnectException"));
            // Databricks is tried on 443 (its SQL warehouses' port), not on PostgreSQL's 5432.
            assertThat(lines(d)).anySatisfy(l -> assertThat(l)
                    .containsPattern("^\\[(OK  |FAIL)\\] source lake: (reached|cannot reach) 127\\.0\\.0\\.1:443\\b"));
            assertThat(d.failed()).isTrue();
        }
    }
}
