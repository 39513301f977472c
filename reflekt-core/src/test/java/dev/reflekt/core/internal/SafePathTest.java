package dev.reflekt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one check every writer of generated or pulled files goes through. */
class SafePathTest {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @ParameterizedTest
    @ValueSource(
            strings = {"../x", "a/../../x", "a/./b", "a//b", "", "/etc/passwd", "a/", "a:b", "a\\b", "a\u0001b", "."})
    void namesThatAreNotPlainFolderOrFileNamesAreRefused(String relative) throws Exception {
        assertThat(SafePath.inside(root, relative)).isNull();
        assertThat(SafePath.create(root, relative)).isNull();
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void namesUpTo255BytesAreTaken() throws Exception {
        assertThat(SafePath.create(root, "a/" + "\u00e9".repeat(127) + "x")).isNotNull();
        assertThat(SafePath.problem("\u00e9".repeat(128)))
                .isEqualTo("a folder or file name of 256 bytes; file systems take 255");
        assertThat(SafePath.create(root, "b/Order Completed/1-0.md"))
                .isEqualTo(root.resolve("b/Order Completed/1-0.md"));
    }

    @Test
    void aLinkOutOfTheRootOrALinkAsTheFileIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("out"), elsewhere);
        assertThat(SafePath.create(root, "out/x.json")).isNull();
        Files.createSymbolicLink(root.resolve("file.json"), elsewhere.resolve("target.json"));
        assertThat(SafePath.inside(root, "file.json")).isNull();
        try (var written = Files.list(elsewhere)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void plainNamesAreWhatGeneratorsMake() {
        assertThat(SafePath.isPlain("models/staging/stg_order_completed.sql")).isTrue();
        assertThat(SafePath.isPlain(".gitignore")).isTrue();
        assertThat(SafePath.isPlain("a b/c")).isFalse();
        assertThat(SafePath.isPlain("../c")).isFalse();
    }
}
