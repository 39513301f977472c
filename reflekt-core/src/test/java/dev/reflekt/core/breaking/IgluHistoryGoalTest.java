package dev.reflekt.core.breaking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.Corpora;
import dev.reflekt.core.command.BreakingCommand;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflekt:breaking} over Iglu Central's real version history: the lowest version of every event committed,
 * then the later versions added, and the goal run against that commit. Its findings are pinned here (rule, file,
 * line), each checked by hand against the two versions it names.
 */
class IgluHistoryGoalTest {

    /**
     * Every finding, with why it is right. {@code version-bump}: a break published as a MINOR (SchemaVer's REVISION
     * or ADDITION). {@code major-without-break}: a MAJOR published on purpose for a change of meaning (warning: the
     * corpus gives no {@code major_reason}).
     */
    private static final List<String> EXPECTED = List.of(
            // a restructured webhook: 65 changes, all loosening (minProperties 3 -> 2, properties made optional...)
            "schemas/iglu/com.iterable/System_Webhook/2-0.json:8 major-without-break warning",
            // SchemaVer 1-0-0 -> 1-1-0 is MINOR 0 -> 100 here: a REVISION reads as skipped MINORs (the corpus's
            // mapping)
            "schemas/iglu/com.optimizely.optimizelyx/Summary/1-100.json:8 version-skipped warning",
            // a string longer than 65535 characters was valid in 1-0
            "schemas/iglu/com.snowplowanalytics.accelerators.travel/Schedule_Update/1-1.json:27 version-bump error",
            // 2147483648 was valid in 1-0 (and 12 more bounds added)
            "schemas/iglu/com.snowplowanalytics.mobile/Remote_Config/1-1.json:17 version-bump error",
            // 'payload' did not exist in 1-0 and is required in 1-1
            "schemas/iglu/com.snowplowanalytics.snowplow.badrows/Loader_Runtime_Error/1-1.json:13 version-bump error",
            // parameters.use_client_side_detection did not exist in 1-0 and is required in 1-1
            "schemas/iglu/com.snowplowanalytics.snowplow.enrichments/Bot_Detection_Enrichment_Config/1-1.json:40"
                    + " version-bump error",
            // password.ec_parameter_store did not exist in 1-1 and is required in 1-100 (a REVISION: "may break")
            "schemas/iglu/com.snowplowanalytics.snowplow.storage/Postgresql_Config/1-100.json:55 version-bump error",
            "schemas/iglu/com.snowplowanalytics.snowplow.storage/Redshift_Config/2-100.json:55 version-bump error",
            // an optional property added (Redshift loader 4): published as a MAJOR on purpose
            "schemas/iglu/com.snowplowanalytics.snowplow.storage/Redshift_Config/4-0.json:8 major-without-break warning",
            // device_memory integer -> number: a widening, published as a MAJOR on purpose
            "schemas/iglu/com.snowplowanalytics.snowplow/Browser_Context/2-0.json:8 major-without-break warning",
            // a 37-character user id was valid in 1-0
            "schemas/iglu/com.snowplowanalytics.snowplow/Client_Session/1-1.json:16 version-bump error",
            "schemas/iglu/com.snowplowanalytics.snowplow/Geolocation_Context/1-100.json:8 version-skipped warning",
            // structurally identical to 1-0: only the meaning changed
            "schemas/iglu/com.snowplowanalytics.snowplow/Identity/2-0.json:8 major-without-break warning",
            "schemas/iglu/com.snowplowanalytics.snowplow/Identity_Merge/2-0.json:8 major-without-break warning",
            // parameters with any other key were valid in 1-0
            "schemas/iglu/com.snowplowanalytics.snowplow/Ua_Parser_Config/1-1.json:38 version-bump error",
            // a device_class longer than 128 was valid in 1-4 (and 4 more maxLengths added)
            "schemas/iglu/nl.basjes/Yauaa_Context/1-5.json:16 version-bump error");

    /**
     * Recoveries 2-0, 3-0 and 4-0 (a root type changed from array to object, rules added under patternProperties,
     * enum values removed there) are real breaks published as MAJORs: no finding.
     */
    @TempDir
    Path dir;

    @Test
    void theGoalsFindingsOnTheRealHistoryArePinned() throws Exception {
        Path project = Corpora.copy(Corpora.IGLU_CENTRAL, dir.resolve("iglu"));
        Path all = dir.resolve("all");
        Corpora.copy(project.resolve("schemas"), all);
        // keep the lowest version of every event, commit it
        Map<Path, List<Path>> events = new TreeMap<>();
        try (Stream<Path> files = Files.walk(project.resolve("schemas"))) {
            files.filter(f ->
                            SchemaVersion.ofFileName(f.getFileName().toString()).isPresent())
                    .forEach(f -> events.computeIfAbsent(f.getParent(), k -> new ArrayList<>())
                            .add(f));
        }
        for (List<Path> versions : events.values()) {
            versions.sort(Comparator.comparing(
                    f -> SchemaVersion.ofFileName(f.getFileName().toString()).orElseThrow()));
            for (Path later : versions.subList(1, versions.size())) {
                Files.delete(later);
            }
        }
        try (Git git = Git.init()
                .setDirectory(project.toFile())
                .setInitialBranch("main")
                .call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Test", "test@example.com");
            git.commit().setMessage("lowest").setAuthor(who).setCommitter(who).call();
        }
        Corpora.copy(all, project.resolve("schemas"));

        BreakingCommand.Result result = BreakingCommand.run(
                ReflektProject.load(project),
                new BreakingCommand.Request("main", Severities.defaults(), List.of(), false));
        List<String> found = new ArrayList<>();
        for (Finding f : result.findings().findings()) {
            found.add(f.file() + ":" + f.line() + " " + f.rule().id() + " "
                    + f.severity().label());
            System.out.println(f.format());
        }
        assertThat(found).isEqualTo(EXPECTED);
    }
}
