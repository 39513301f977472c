package dev.reflekt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden folders, and the file-tree helpers the tests share. A folder a goal writes is compared file by file with its
 * golden copy under {@code src/test/resources/expected/}; {@code -Dreflekt.golden.update=true} first makes the
 * output the golden copy, for an intended change (then review the diff).
 */
public final class Golden {

    private Golden() {}

    /** Whether this run rewrites the golden folders. */
    public static boolean updating() {
        return Boolean.getBoolean("reflekt.golden.update");
    }

    /** {@code actual} holds exactly the files of {@code expected}, byte for byte (as UTF-8 text). */
    public static void assertMatches(Path actual, Path expected) throws IOException {
        if (updating()) {
            deleteTree(expected);
            copyTree(actual, expected);
        }
        List<String> files = files(actual);
        assertThat(files).as(actual.toString()).isEqualTo(files(expected));
        for (String file : files) {
            assertThat(Files.readString(actual.resolve(file), StandardCharsets.UTF_8))
                    .as(expected.getFileName() + "/" + file)
                    .isEqualTo(Files.readString(expected.resolve(file), StandardCharsets.UTF_8));
        }
    }

    /** The regular files under {@code root}, as sorted '/'-separated relative paths. */
    public static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Copies the tree {@code from} into {@code to}, files made writable (a read-only source stays so in CI). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, StandardCopyOption.REPLACE_EXISTING);
                    d.toFile().setWritable(true);
                }
            }
        }
    }

    /** Deletes {@code root} and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
