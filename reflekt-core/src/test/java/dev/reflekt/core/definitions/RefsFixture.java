package dev.reflekt.core.definitions;

import dev.reflekt.core.TestProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shared-definitions fixture ({@code src/test/resources/refs}): four events, of which three share the
 * {@code product} and {@code money} definitions (money nested in product) and one uses a local
 * {@code #/definitions/address}.
 */
public final class RefsFixture {

    /** The fixture's {@code schemas/} content. */
    public static final Path SCHEMAS = TestProject.repoRoot().resolve("reflekt-core/src/test/resources/refs");

    private RefsFixture() {}

    /** A project in {@code dir} with the fixture's schemas. */
    public static TestProject create(Path dir) {
        TestProject p = TestProject.create(dir);
        try (Stream<Path> walk = Files.walk(SCHEMAS)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(f)) {
                    p.write("schemas/" + SCHEMAS.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
