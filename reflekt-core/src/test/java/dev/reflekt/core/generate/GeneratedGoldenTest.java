package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.Golden;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project's Java and TypeScript (Segment adapters), compared with golden files. After an intended
 * change: {@code ./mvnw -pl reflekt-core test -Dtest=GeneratedGoldenTest -Dreflekt.golden.update=true}, then review
 * the diff of {@code src/test/resources/expected/generate/}.
 */
class GeneratedGoldenTest {

    private static final Path EXPECTED = Path.of("src/test/resources/expected/generate");

    @TempDir
    Path dir;

    @Test
    void exampleProjectMatchesTheGoldenFiles() throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        GenerateRequest request = new GenerateRequest(
                List.of("java", "typescript"),
                "com.jaffleshop.events",
                dir.resolve("java"),
                dir.resolve("typescript"),
                "segment",
                null,
                "GOLDEN");
        Generator.run(project, request);
        for (String language : List.of("java", "typescript")) {
            Golden.assertMatches(dir.resolve(language), EXPECTED.resolve(language));
        }
        // a second run into fresh folders is byte-identical
        Generator.run(
                project,
                new GenerateRequest(
                        request.languages(),
                        request.packageName(),
                        dir.resolve("again/java"),
                        dir.resolve("again/typescript"),
                        "segment",
                        null,
                        "GOLDEN"));
        assertThat(GeneratedJavaTest.read(dir.resolve("again/java"), ""))
                .isEqualTo(GeneratedJavaTest.read(dir.resolve("java"), ""));
    }
}
