package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example project's generated Java compiles (warnings are errors, ASCII only) and runs. */
class GeneratedJavaTest {

    static final String PKG = "com.jaffleshop.events";

    @TempDir
    Path dir;

    /** Generates the example project's Java for {@code sdk} and returns the sources. */
    static Map<String, String> generate(Path out, String sdk) throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        GenerateCommand.run(
                project, new GenerateRequest(List.of("java"), PKG, out, out.resolveSibling("ts"), sdk, null, "TEST"));
        return read(out);
    }

    static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && p.toString().endsWith(".java")) {
                    files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Test
    void compiles() throws Exception {
        Map<String, String> sources = generate(dir.resolve("java"), "segment");
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).isEmpty();
    }
}
