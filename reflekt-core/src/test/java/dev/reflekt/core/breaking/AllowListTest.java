package dev.reflekt.core.breaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepting a breaking change is a reviewed entry in schemas/.reflekt/breaking-allow.yml that ends. */
class AllowListTest {

    @TempDir
    Path dir;

    private static final String ID = "shop/Cart_Viewed/1-0.json";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final GitBaseline BASE = new GitBaseline(
            "origin/main",
            "8f3c2a1b9d",
            "schemas",
            Map.of(
                    ID,
                    TestProject.schemaJson(
                                    ID,
                                    "Cart Viewed",
                                    "1-0",
                                    "{\"cart_id\": {\"type\": \"string\"," + " \"description\": \"x\"}}")
                            .getBytes(StandardCharsets.UTF_8)));

    /** The working tree narrows cart_id to integer: a breaking change in place. */
    private TestProject project(String allowFile) {
        TestProject p = TestProject.create(dir)
                .schema(ID, "Cart Viewed", "{\"cart_id\": {\"type\": \"integer\", \"description\": \"x\"}}");
        if (allowFile != null) {
            p.write(AllowList.FILE, allowFile);
        }
        return p;
    }

    private List<String> check(TestProject p) throws Exception {
        CheckResult r = new BreakingChecker(p.load(), Severities.defaults(), List.of(), false).check(BASE, TODAY);
        return r.findings().stream().map(Finding::format).toList();
    }

    @Test
    void withoutAnEntryTheBreakIsAnError() throws Exception {
        assertThat(check(project(null))).singleElement().asString().contains("[breaking-in-place]");
    }

    @Test
    void aCurrentEntryAcceptsTheBreak() throws Exception {
        assertThat(check(project("- {id: shop/Cart_Viewed/1-0, reason: consumers migrated, expires: 2026-11-30}\n")))
                .isEmpty();
        assertThat(check(project("- {id: shop/Cart_Viewed/1-0, reason: 'approved in #42', ref: 8f3c2a1}\n")))
                .isEmpty();
    }

    @Test
    void anExpiredOrElsewhereEntryNoLongerAppliesAndIsReported() throws Exception {
        assertThat(check(project("- {id: shop/Cart_Viewed/1-0, reason: old, expires: 2026-11-21}\n")))
                .anySatisfy(f -> assertThat(f).contains("[breaking-in-place]"))
                .anySatisfy(f -> assertThat(f)
                        .startsWith("schemas/.reflekt/breaking-allow.yml:1:3: warning [allow-stale] entry"
                                + " 'shop/Cart_Viewed/1-0' expired on 2026-11-21"));
        assertThat(check(project("- {id: shop/Cart_Viewed/1-0, reason: old, ref: 'abc1234'}\n")))
                .anySatisfy(f -> assertThat(f).contains("applies only against abc1234, not origin/main"));
        assertThatThrownBy(() -> check(project("- {id: shop/Cart_Viewed/1-0, reason: old, ref: 0000000}\n")))
                .hasMessageContaining("has a ref YAML reads as a number; quote it (ref: '0123abc')");
    }

    @Test
    void anEntryThatAllowsNothingIsReported() throws Exception {
        assertThat(check(project("- {id: shop/Cart_Viewed/1-0, reason: r, expires: 2027-01-01}\n"
                        + "- {id: shop/Other/1-0, reason: r, expires: 2027-01-01}\n")))
                .containsExactly("schemas/.reflekt/breaking-allow.yml:2:3: warning [allow-stale] entry 'shop/Other/1-0'"
                        + " allows nothing: shop/Other/1-0 has no breaking change against origin/main; remove the"
                        + " entry, so that the file lists only breaks still being accepted");
    }

    @Test
    void anEntryWithoutReasonOrEndIsAConfigError() {
        assertThatThrownBy(() -> check(project("- {id: shop/Cart_Viewed/1-0}\n")))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining(
                        "schemas/.reflekt/breaking-allow.yml:1:3: entry 'shop/Cart_Viewed/1-0' needs a" + " 'reason'")
                .hasMessageContaining("needs exactly one of 'expires: YYYY-MM-DD' or 'ref:");
    }
}
