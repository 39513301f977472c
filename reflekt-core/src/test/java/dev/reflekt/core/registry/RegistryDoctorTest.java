package dev.reflekt.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.command.Diagnosis;
import dev.reflekt.core.command.Doctor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reflekt:debug -Dreflekt.debug.connect} logs in to registries with the push/pull clients. */
class RegistryDoctorTest {

    private static final String TOKEN = "sgp_Doctor-Token-41";

    @TempDir
    Path dir;

    private Diagnosis diagnose(String url, String token) {
        TestProject.create(dir)
                .write(
                        "reflekt_profiles.yml",
                        "dev:\n  registry:\n    - {type: segment, api_url: '" + url
                                + "', api_token: \"{{ env_var('SEG') }}\"}\n");
        return new Doctor(Map.of("SEG", token)).diagnose(dir, "", true);
    }

    @Test
    void anAcceptedTokenIsOkAndARefusedOneFailsWithoutPrintingIt() throws Exception {
        try (FakeRegistries.Segment segment = new FakeRegistries.Segment(TOKEN)) {
            segment.addPlan("jaffle_shop");
            Diagnosis ok = diagnose(segment.url(), TOKEN);
            assertThat(ok.checks())
                    .extracting(Diagnosis.Check::format)
                    .contains(
                            "[OK  ] registry segment: type segment, complete; api_token from environment variable SEG",
                            "[OK  ] registry segment: Segment Protocols at " + segment.url()
                                    + " answered: 1 tracking plan");
            assertThat(ok.failed()).isFalse();

            Diagnosis refused = diagnose(segment.url(), "wrong-" + TOKEN);
            assertThat(refused.checks())
                    .extracting(Diagnosis.Check::format)
                    .contains("[FAIL] registry segment: Segment refused GET /tracking-plans: HTTP 401 Unauthorized");
            assertThat(refused.checks()).allSatisfy(c -> assertThat(c.format()).doesNotContain(TOKEN));
        }
    }
}
