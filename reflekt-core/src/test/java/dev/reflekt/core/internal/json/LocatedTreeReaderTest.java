package dev.reflekt.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocatedTreeReaderTest {

    private final LocatedTreeReader reader = new LocatedTreeReader();

    @Test
    void readsCommentsAndTrailingCommasAndKeepsKeyPositions() throws Exception {
        LocatedTree tree = reader.readJson("""
                // a comment
                {
                  "self": {"name": "A", /* inline */ "version": "1-0",},
                  "properties": {
                      "cart_id": {"type": "string"},
                  },
                }
                """);
        assertThat(tree.root().at("/self/version").asText()).isEqualTo("1-0");
        assertThat(tree.position("/self")).isEqualTo(new Position(3, 3));
        assertThat(tree.position("/self/version")).isEqualTo(new Position(3, 38));
        assertThat(tree.position("/properties/cart_id")).isEqualTo(new Position(5, 7));
        // An unknown pointer falls back to its nearest known ancestor.
        assertThat(tree.position("/properties/cart_id/type/0")).isEqualTo(new Position(5, 19));
    }

    @Test
    void escapesPointerTokens() throws Exception {
        LocatedTree tree = reader.readJson("{\n \"a/b~c\": 1\n}");
        assertThat(tree.position("/" + LocatedTree.escape("a/b~c"))).isEqualTo(new Position(2, 2));
        assertThat(LocatedTree.unescape(LocatedTree.escape("a/b~c"))).isEqualTo("a/b~c");
    }

    @Test
    void duplicateJsonKeyIsAnErrorAtTheSecondKey() {
        assertThatThrownBy(() -> reader.readJson("{\n  \"a\": 1,\n  \"a\": 2\n}"))
                .isInstanceOf(ParseException.class)
                .hasMessage("3:3: duplicate key 'a' (first at 2:3)");
    }

    @Test
    void duplicateYamlKeyIsAnError() {
        assertThatThrownBy(() -> reader.readYaml("name: a\nschemas:\n  x: 1\nname: b\n"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo("duplicate key 'name' (first at 1:1)");
                    assertThat(e.position()).isEqualTo(new Position(4, 1));
                });
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        assertThatThrownBy(() -> reader.readJson("{\n  \"a\": 1\n  \"b\": 2\n}"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.position().line()).isEqualTo(3);
                    assertThat(e.reason()).contains("expecting comma");
                });
    }

    @Test
    void emptyAndTrailingContentAreErrors() {
        assertThatThrownBy(() -> reader.readJson("  ")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> reader.readJson("{} {}")).hasMessageContaining("after the end of the document");
    }

    @Test
    void nestingDeeperThanTheLimitIsAnError() {
        String deep = "[".repeat(LocatedTreeReader.MAX_DEPTH + 1) + "]".repeat(LocatedTreeReader.MAX_DEPTH + 1);
        assertThatThrownBy(() -> reader.readJson(deep))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("nesting deeper than the limit of 64 levels")
                .matches(e -> ((ParseException) e).overLimit());
        String ok = "[".repeat(LocatedTreeReader.MAX_DEPTH) + "]".repeat(LocatedTreeReader.MAX_DEPTH);
        org.assertj.core.api.Assertions.assertThatCode(() -> reader.readJson(ok))
                .doesNotThrowAnyException();
    }

    @Test
    void fileLargerThanTheLimitIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) LocatedTreeReader.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> reader.readJson(big))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("over the limit of 4194304 bytes (4 MiB)")
                .matches(e -> ((ParseException) e).overLimit());
    }
}
