package dev.reflekt.core.breaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioning rules on a real git repository with commits, read with JGit. */
class BreakingCheckerTest {

    private static final String ORDER = "shop/Order_Completed/";
    private static final String V1 = "{\"order_id\": {\"type\": \"string\", \"description\": \"x\"},"
            + " \"coupon\": {\"type\": [\"string\", \"null\"], \"description\": \"x\"}}";

    @TempDir
    Path dir;

    private TestProject project;
    private Git git;

    @BeforeEach
    void commitFirstVersion() throws Exception {
        project = TestProject.create(dir);
        order("1-0", V1, "\"order_id\"");
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        commit("first version");
    }

    private void order(String version, String properties, String required) {
        project.write(
                "schemas/" + ORDER + version + ".json",
                TestProject.schemaJson(ORDER + version + ".json", "Order Completed", version, properties)
                        .replace("\"properties\":", "\"required\": [" + required + "],\n  \"properties\":"));
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    private CheckResult check() throws ReflektException {
        return check(Severities.defaults(), List.of(), false, "");
    }

    private CheckResult check(Severities severities, List<String> allow, boolean redshift, String against)
            throws ReflektException {
        ReflektProject p = project.load();
        return new BreakingChecker(p, severities, allow, redshift).check(GitBaseline.read(p, against));
    }

    private static List<String> lines(CheckResult r) {
        return r.findings().stream().map(Finding::format).toList();
    }

    @Test
    void unchangedTreeHasNoFindings() throws Exception {
        CheckResult r = check();
        assertThat(r.findings()).isEmpty();
        assertThat(r.files()).hasSize(1);
    }

    @Test
    void breakingEditInPlaceIsAnErrorAtTheChange() throws Exception {
        order("1-0", V1.replace("[\"string\", \"null\"]", "\"string\""), "\"order_id\", \"coupon\"");
        assertThat(lines(check()))
                .containsExactly(
                        "schemas/shop/Order_Completed/1-0.json:14:70: error [breaking-in-place] breaking change to existing"
                                + " version 1-0 (vs main): optional property made required 'coupon'; revert it here and make"
                                + " the change in a new version 2-0.json",
                        "schemas/shop/Order_Completed/1-0.json:14:81: error [breaking-in-place] breaking change to existing"
                                + " version 1-0 (vs main): type changed or narrowed 'coupon' ([null, string] -> [string]);"
                                + " revert it here and make the change in a new version 2-0.json");
    }

    @Test
    void compatibleEditInPlaceIsAllowedWhileNewest() throws Exception {
        order("1-0", V1.replace("}}", "}, \"note\": {\"type\": \"string\", \"description\": \"x\"}}"), "\"order_id\"");
        assertThat(check().findings()).isEmpty();
    }

    @Test
    void compatibleEditOfASupersededVersionIsAnError() throws Exception {
        order("1-1", V1, "\"order_id\"");
        commit("1-1");
        order("1-0", V1.replace("\"description\": \"x\"}}", "\"description\": \"changed\"}}"), "\"order_id\"");
        assertThat(check().findings())
                .extracting(Finding::text)
                .containsExactly(
                        "version 1-0 (at main) is superseded by 1-1 and must not change: description changed 'coupon'; make"
                                + " the change in 1-1.json, or in a new version 1-2.json");
    }

    @Test
    void properMajorBumpForABreakingChangePasses() throws Exception {
        order("2-0", V1, "\"order_id\", \"coupon\"");
        assertThat(check().findings()).isEmpty();
    }

    @Test
    void minorBumpWithABreakingChangeIsAnError() throws Exception {
        order(
                "1-1",
                V1.replace("\"order_id\": {\"type\": \"string\"", "\"order_id\": {\"type\": \"integer\""),
                "\"order_id\"");
        assertThat(lines(check()))
                .containsExactly(
                        "schemas/shop/Order_Completed/1-1.json:14:31: error [version-bump] 1-1 changes 1-0 incompatibly:"
                                + " type changed or narrowed 'order_id' ([string] -> [integer]), but bumps only MINOR; a"
                                + " breaking change needs the next MAJOR: rename the file to 2-0.json");
    }

    /** A change the comparison cannot decide is breaking unless proven compatible, and says which it is. */
    @Test
    void aChangeNotProvenCompatibleSaysSoApartFromProvenBreaks() throws Exception {
        order(
                "1-1",
                V1.replace(
                        "\"order_id\": {\"type\": \"string\"",
                        "\"order_id\": {\"type\": \"string\", \"pattern\": \"^b\""),
                "\"order_id\"");
        commit("1-1");
        order(
                "1-2",
                V1.replace(
                        "\"order_id\": {\"type\": \"string\"",
                        "\"order_id\": {\"type\": \"string\", \"pattern\": \"^[ab]\""),
                "\"order_id\"");
        assertThat(lines(check()))
                .containsExactly(
                        "schemas/shop/Order_Completed/1-2.json:14:49: error [version-bump] 1-2 changes 1-1 in a"
                                + " way not proven compatible: change not proven compatible 'order_id' (cannot prove that"
                                + " pattern \"^[ab]\" accepts every string pattern \"^b\" did), but bumps only MINOR; a breaking"
                                + " change needs the next MAJOR: rename the file to 2-0.json");
    }

    @Test
    void majorBumpWithoutABreakIsTheAuthorsCallAndMajorWithoutMinorResetIsAnError() throws Exception {
        order("2-0", V1, "\"order_id\"");
        assertThat(lines(check()))
                .containsExactly("schemas/shop/Order_Completed/2-0.json:9:5: warning [major-without-break] 2-0 bumps"
                        + " MAJOR from 1-0 without a structural break (no change); a MAJOR is right when the meaning"
                        + " changed: say why in self.metadata.major_reason; otherwise rename the file to 1-1.json");
        // the reason makes it info: reported, never failing, even with failOnWarning
        project.write(
                "schemas/" + ORDER + "2-0.json",
                Files.readString(project.dir().resolve("schemas/" + ORDER + "2-0.json"))
                        .replace("\"metadata\": {", "\"metadata\": {\"major_reason\": \"revenue now excludes tax\", "));
        assertThat(lines(check()))
                .singleElement()
                .asString()
                .contains("info [major-without-break] 2-0 bumps MAJOR from 1-0 without a structural break (only"
                        + " compatible changes: metadata changed); self.metadata.major_reason says why")
                .doesNotContain("revenue");
        Files.delete(dir.resolve("schemas/" + ORDER + "2-0.json"));
        order("2-1", V1, "\"coupon\"");
        assertThat(check().findings())
                .extracting(Finding::message)
                .containsExactly(
                        "2-1 changes 1-0 incompatibly: optional property made required 'coupon', and a new MAJOR starts at"
                                + " MINOR 0");
        order("2-1", V1, "\"order_id\"");
        assertThat(check().findings())
                .extracting(Finding::message)
                .containsExactly("2-1 bumps MAJOR from 1-0, and a new MAJOR starts at MINOR 0");
        Files.delete(dir.resolve("schemas/" + ORDER + "2-1.json"));
        order("3-0", V1.replace("\"description\": \"x\"}}", "\"description\": \"y\"}}"), "\"order_id\"");
        assertThat(check().findings())
                .extracting(f -> f.rule().id() + " " + f.severity().label())
                .containsExactlyInAnyOrder("version-skipped warning", "major-without-break warning");
    }

    @Test
    void skippedVersionsAreWarnings() throws Exception {
        order("1-2", V1, "\"order_id\"");
        assertThat(lines(check()))
                .containsExactly(
                        "schemas/shop/Order_Completed/1-2.json:9:5: warning [version-skipped] version 1-2 follows 1-0 and"
                                + " skips 1-1; rename the file to 1-1.json");
    }

    @Test
    void deletingAPublishedVersionIsAnError() throws Exception {
        order("2-0", V1, "\"order_id\", \"coupon\"");
        commit("2-0");
        Files.delete(dir.resolve("schemas/" + ORDER + "1-0.json"));
        assertThat(lines(check()))
                .containsExactly(
                        "schemas/shop/Order_Completed/1-0.json:1:1: error [version-deleted] version 1-0 exists at main but"
                                + " was deleted; restore it: published versions stay (stop sending the event instead of"
                                + " deleting its schema)");
    }

    @Test
    void aNewEventIsFine() throws Exception {
        project.schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        assertThat(check().findings()).isEmpty();
    }

    @Test
    void allowListAcceptsAKnownBreakAndSeveritiesApply() throws Exception {
        order(
                "1-0",
                V1.replace("\"order_id\": {\"type\": \"string\"", "\"order_id\": {\"type\": \"integer\""),
                "\"order_id\"");
        assertThat(check().findings()).hasSize(1);
        assertThat(check(Severities.defaults(), List.of("schemas/shop/Order_Completed/1-0.json"), false, "")
                        .findings())
                .isEmpty();
        assertThat(check(Severities.of(Map.of("breaking-in-place", "off"), BreakingRule.all()), List.of(), false, "")
                        .findings())
                .isEmpty();
    }

    @Test
    void requiredToOptionalBreaksOnlyForRedshift() throws Exception {
        order("1-0", V1, "");
        assertThat(check().findings()).isEmpty();
        assertThat(check(Severities.defaults(), List.of(), true, "").findings())
                .extracting(Finding::message)
                .containsExactly("breaking change to existing version 1-0 (vs main): required property made optional"
                        + " 'order_id'");
        Files.delete(dir.resolve("schemas/" + ORDER + "1-0.json"));
        order("1-0", V1, "\"order_id\"");
        order("1-1", V1, "");
        assertThat(check().findings()).isEmpty();
        assertThat(check(Severities.defaults(), List.of(), true, "").findings())
                .extracting(Finding::rule)
                .containsExactly(BreakingRule.VERSION_BUMP);
    }

    @Test
    void comparesWithTheNamedRefAndTheUpstreamByDefault() throws Exception {
        String first = git.log().call().iterator().next().getName();
        order("2-0", V1, "\"order_id\", \"coupon\"");
        commit("2-0");
        Files.delete(dir.resolve("schemas/" + ORDER + "2-0.json"));
        assertThat(check().findings()).extracting(f -> f.rule().id()).containsExactly("version-deleted");
        assertThat(check(Severities.defaults(), List.of(), false, first).findings())
                .isEmpty();
        assertThat(GitBaseline.read(project.load(), "").ref()).isEqualTo("main");
    }

    @Test
    void unknownRefAndNoRepositoryAreClearErrors(@TempDir Path elsewhere) throws Exception {
        assertThatThrownBy(() -> check(Severities.defaults(), List.of(), false, "origin/nope"))
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("Git ref 'origin/nope' not found in ");
        TestProject outside = TestProject.create(elsewhere);
        assertThatThrownBy(() -> GitBaseline.read(outside.load(), ""))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("is not in a git repository");
    }

    @Test
    void aProjectInASubfolderOfTheRepository(@TempDir Path repo) throws Exception {
        TestProject nested = TestProject.create(repo.resolve("analytics/tracking"));
        nested.schema(
                "shop/Cart_Viewed/1-0.json", "Cart Viewed", "{\"a\": {\"type\": \"string\", \"description\": \"x\"}}");
        try (Git g =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            g.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Test", "test@example.com");
            g.commit().setMessage("c").setAuthor(who).setCommitter(who).call();
        }
        nested.schema(
                "shop/Cart_Viewed/1-0.json", "Cart Viewed", "{\"a\": {\"type\": \"number\", \"description\": \"x\"}}");
        ReflektProject p = nested.load();
        GitBaseline baseline = GitBaseline.read(p, "");
        assertThat(baseline.schemas()).containsOnlyKeys("shop/Cart_Viewed/1-0.json");
        assertThat(new BreakingChecker(p, Severities.defaults(), List.of(), false)
                        .check(baseline)
                        .findings())
                .extracting(Finding::text)
                .containsExactly("breaking change to existing version 1-0 (vs main): type changed or narrowed 'a'"
                        + " ([string] -> [number]); revert it here and make the change in a new version 2-0.json");
    }
}
