package dev.reflekt.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass reader must give exactly Jackson's tree (node types, member order), positions and
 * {@code $ref} flag, or give up; checked on the project's JSON files and on many thousands of mutants of
 * them, where Jackson fails or reads something subtly different.
 */
class FastJsonReaderTest {

    private static final LocatedTreeReader READER = new LocatedTreeReader();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readsEveryJsonFileOfTheProjectExactlyAsJacksonDoes() throws Exception {
        List<byte[]> files = corpus();
        assertThat(files.size()).isGreaterThan(80);
        for (byte[] file : files) {
            LocatedTree fast = FastJsonReader.read(file, LocatedTreeReader.MAX_DEPTH);
            LocatedTree jackson = jacksonOrNull(file);
            if (jackson != null) {
                // every well-formed file of the project takes the fast path
                assertThat(fast).as(new String(file, StandardCharsets.UTF_8)).isNotNull();
            }
            assertSame(file, fast, jackson);
        }
    }

    @Test
    void mutantsAreReadAsJacksonReadsThemOrLeftToIt() throws Exception {
        List<byte[]> files = corpus();
        String[] inserts = {
            "\"",
            ",",
            "}",
            "]",
            "{",
            "[",
            "/",
            "*",
            "//",
            "/*",
            "*/",
            "\n",
            "\r",
            "\r\n",
            "\t",
            " ",
            "\\",
            "\\u00e9",
            "\\ud83d",
            "\\x",
            "\u00e9",
            "\ud83d\ude00",
            "\u0001",
            "\u00a0",
            "0",
            "-",
            ".",
            "e",
            "E+",
            "01",
            "1.",
            "12345678901",
            "-9223372036854775809",
            "9223372036854775807",
            "1e400",
            "true",
            "nul",
            "x",
            ":",
            "\"$ref\": \"#/a\",",
            "\"a\": 1,",
            "\ufeff",
            "#",
            "'",
            "\f"
        };
        checkMutants(
                "JSON reader vs Jackson",
                files,
                inserts,
                bytes -> FastJsonReader.read(bytes, LocatedTreeReader.MAX_DEPTH),
                FastJsonReaderTest::jacksonOrNull);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\": 1, \"a\": 2}",
                "\ufeff{}",
                "{\"a\": 01}",
                "{\"a\": 1.}",
                "{\"a\": \"tab\there\"}",
                "{\"a\": \"\\q\"}",
                "[,1]",
                "{,}",
                "{\"a\": truex}",
                "# comment\n{}",
                "{} {}",
                "",
                "  \n ",
                "{\"a\": 1 /* unterminated",
                "{\"a\": \"caf\u00e9\"} // caf\u00e9"
            })
    void givesUpWhereJacksonMustSpeak(String text) {
        assertThat(FastJsonReader.read(text.getBytes(StandardCharsets.UTF_8), LocatedTreeReader.MAX_DEPTH))
                .isNull();
    }

    @Test
    void givesUpOnInvalidUtf8AndOverDeepNesting() {
        assertThat(FastJsonReader.read(new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'}, 64))
                .isNull();
        assertThat(FastJsonReader.read(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, 64))
                .isNull();
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThat(FastJsonReader.read(deep.getBytes(StandardCharsets.UTF_8), 64))
                .isNull();
        String limit = "[".repeat(64) + "]".repeat(64);
        assertThat(FastJsonReader.read(limit.getBytes(StandardCharsets.UTF_8), 64))
                .isNotNull();
    }

    @Test
    void countsLinesAndByteColumnsAsJacksonDoes() throws Exception {
        String text = "{\r\n \"caf\u00e9\": {\"\u00fc\": [1,\r  \"x\"]},\n /* a\r\n b */ \"$ref\": \"#\",\n}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        LocatedTree fast = FastJsonReader.read(bytes, 64);
        assertSame(bytes, fast, jacksonOrNull(bytes));
        assertThat(fast.position("/caf\u00e9/\u00fc")).isEqualTo(new Position(2, 12));
        assertThat(fast.position("/caf\u00e9/\u00fc/1")).isEqualTo(new Position(3, 3));
        assertThat(fast.hasRefs()).isTrue();
    }

    private static LocatedTree jacksonOrNull(byte[] bytes) {
        try {
            return READER.readJsonWithJackson(bytes);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Reads random mutants of the files with a fast reader and with Jackson until {@link Fuzz}'s time is up: the same
     * tree and positions whenever the fast reader reads one, and both paths exercised.
     */
    static void checkMutants(
            String what,
            List<byte[]> files,
            String[] inserts,
            Function<byte[], LocatedTree> fastReader,
            Function<byte[], LocatedTree> jacksonReader)
            throws Exception {
        Fuzz.Outcome outcome = Fuzz.run(what, 2_000, random -> {
            byte[] mutant = mutate(files.get(random.nextInt(files.size())), random, inserts);
            LocatedTree fast = fastReader.apply(mutant);
            assertSame(mutant, fast, jacksonReader.apply(mutant));
            return fast != null;
        });
        assertThat(outcome.decided()).isBetween(outcome.cases() / 10, outcome.cases() - outcome.cases() / 10);
    }

    static void assertSame(byte[] input, LocatedTree fast, LocatedTree jackson) throws Exception {
        if (fast == null) {
            return;
        }
        String shown = new String(input, StandardCharsets.UTF_8);
        assertThat(jackson)
                .as("Jackson fails where the fast path read: %s", shown)
                .isNotNull();
        assertThat(dump(fast.root())).as(shown).isEqualTo(dump(jackson.root()));
        assertThat(positions(fast)).as(shown).isEqualTo(positions(jackson));
        assertThat(fast.hasRefs()).as(shown).isEqualTo(jackson.hasRefs());
    }

    /** The tree with each node's class and members in order, which JsonNode.equals does not compare. */
    static String dump(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
        if (node.isObject()) {
            out.append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(e.getKey()).append('=').append(dump(e.getValue())).append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(child -> out.append(dump(child)).append(','));
            out.append(']');
        } else {
            out.append('(')
                    .append(node.isNumber() ? node.numberValue().toString() : node.toString())
                    .append(')');
        }
        return out.toString();
    }

    private static Map<String, Position> positions(LocatedTree tree) {
        return new TreeMap<>(tree.positions());
    }

    static byte[] mutate(byte[] original, Random random, String[] inserts) {
        String text = new String(original, StandardCharsets.UTF_8);
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            int at = random.nextInt(text.length() + 1);
            if (random.nextInt(3) == 0 && at < text.length()) {
                text = text.substring(0, at) + text.substring(at + 1);
            } else {
                text = text.substring(0, at) + inserts[random.nextInt(inserts.length)] + text.substring(at);
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The project's JSON files and, beside the repository, the 660 Iglu Central schemas (real-world JSON). */
    private static List<byte[]> corpus() throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (Path base : List.of(
                ROOT.resolve("examples"),
                ROOT.resolve("src/it"),
                ROOT.resolve("archetype/src"),
                ROOT.resolve("reflekt-core/src"),
                dev.reflekt.core.Corpora.IGLU_CENTRAL)) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path f : walk.filter(p ->
                                p.toString().endsWith(".json") && !p.toString().contains("/target/"))
                        .sorted()
                        .toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    if (bytes.length < 200_000) {
                        out.add(bytes);
                    }
                }
            }
        }
        return out;
    }
}
