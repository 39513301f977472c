package dev.reflekt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-world inputs in {@code ../shared} (from the repository root): tests read them where they are and
 * skip loudly where they are absent, except in CI ({@code CI=true}), which always has them.
 */
public final class Corpora {

    private Corpora() {}

    /** {@code ../shared}, beside the repository. */
    public static final Path SHARED = TestProject.repoRoot().resolveSibling("shared");

    /** The 660 Iglu Central schemas in Reflekt layout, a project the Python CLI lints clean. */
    public static final Path IGLU_CENTRAL = SHARED.resolve("corpora/iglu-central");

    /** {@code path}, or a skipped test (a failed one in CI) when it is absent. */
    public static Path require(Path path) {
        if (!Files.isDirectory(path)) {
            assertThat(System.getenv("CI")).as(path + " is absent in CI").isNotEqualTo("true");
            System.err.println("SKIPPED: " + path + " is absent; the test needs the real-world corpus");
        }
        Assumptions.assumeTrue(Files.isDirectory(path), path + " is absent");
        return path;
    }

    /** A writable copy of the corpus at {@code corpus} in {@code dir} (../shared is read-only in CI). */
    public static Path copy(Path corpus, Path dir) throws IOException {
        require(corpus);
        Golden.copyTree(corpus, dir);
        return dir;
    }
}
