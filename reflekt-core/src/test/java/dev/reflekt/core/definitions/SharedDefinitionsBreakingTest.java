package dev.reflekt.core.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.breaking.BreakingChecker;
import dev.reflekt.core.breaking.GitBaseline;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reflekt:breaking when only a definition changed, on a real git repository. */
class SharedDefinitionsBreakingTest {

    private static final String MONEY = "schemas/.reflekt/definitions/money/1-0.json";

    @TempDir
    Path dir;

    private TestProject project;
    private Git git;

    @BeforeEach
    void commitTheFixture() throws Exception {
        project = RefsFixture.create(dir);
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        commit("fixture");
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    private List<String> check() throws Exception {
        ReflektProject p = project.load();
        CheckResult r = new BreakingChecker(p, Severities.defaults(), List.of(), false).check(GitBaseline.read(p, ""));
        return r.findings().stream().map(Finding::format).toList();
    }

    private void editMoney(String from, String to) throws Exception {
        Path file = dir.resolve(MONEY);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        project.write(MONEY, text.replace(from, to));
    }

    @Test
    void theUnchangedFixtureIsClean() throws Exception {
        assertThat(check()).isEmpty();
    }

    @Test
    void aBreakingChangeToADefinitionFailsEveryEventThatUsesItAndTheDefinition() throws Exception {
        editMoney("\"type\": \"string\", \"pattern\": \"^[A-Z]{3}$\"", "\"type\": \"integer\"");
        assertThat(check())
                .containsExactly(
                        "schemas/.reflekt/definitions/money/1-0.json:8:67: error [breaking-in-place] changing"
                                + " definitions/money/1-0 breaks Cart Viewed 1-0, Checkout Started 1-0, Order Completed"
                                + " 1-0, Product Viewed 1-0 (vs main): type changed or narrowed 'currency' ([string] ->"
                                + " [integer]); revert it here and make the change in a new version 2-0.json of the"
                                + " definition, then point the events that need it there",
                        through("Cart_Viewed/1-0.json:12:7", "products[].price.currency"),
                        through("Checkout_Started/1-0.json:21:5", "total.currency"),
                        through("Order_Completed/1-0.json:12:7", "products[].price.currency"),
                        through("Order_Completed/1-0.json:14:5", "total.currency"),
                        through("Product_Viewed/1-0.json:8:5", "product.price.currency"));
    }

    private static String through(String at, String property) {
        return "schemas/shop/" + at + ": error [breaking-in-place] breaking change to existing version 1-0 (vs main):"
                + " type changed or narrowed '" + property + "' ([string] -> [integer]), through"
                + " definitions/money/1-0; revert definitions/money/1-0, or make a new version 2-0.json of this event"
                + " that uses a new version of the definition";
    }

    @Test
    void aCompatibleChangeToTheNewestDefinitionPasses() throws Exception {
        editMoney("\"required\": [\"amount\", \"currency\"]", "\"required\": [\"amount\"]");
        assertThat(check()).isEmpty();
    }

    @Test
    void aDeletedDefinitionVersionIsReported() throws Exception {
        Files.delete(dir.resolve(MONEY));
        assertThat(check())
                .contains("schemas/.reflekt/definitions/money/1-0.json:1:1: error [version-deleted] version"
                        + " 1-0 exists at main but was deleted; restore it: published versions stay (stop sending the event"
                        + " instead of deleting its schema)");
    }
}
