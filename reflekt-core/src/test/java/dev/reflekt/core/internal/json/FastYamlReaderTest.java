package dev.reflekt.core.internal.json;

import static dev.reflekt.core.internal.json.FastJsonReaderTest.assertSame;
import static dev.reflekt.core.internal.json.FastJsonReaderTest.checkMutants;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The YAML subset reader must give exactly Jackson's tree (node types, member order), positions and
 * {@code $ref} flag, or give up; checked on the project's YAML files (configs, profiles, dbt files, test
 * inputs), on samples of each construct it reads, and on many thousands of mutants of them.
 */
class FastYamlReaderTest {

    private static final LocatedTreeReader READER = new LocatedTreeReader();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** One sample per construct the fast path reads; each must be read by it, as Jackson reads it. */
    private static final String[] SUPPORTED = {
        "version: 1.0\nname: jaffle_shop  # the dbt package\nvendor: com.jaffleshop\n",
        "a:\n  b:\n    c: 1\n  d: -12\ne: 12345678901\n",
        "list:\n  - one\n  - 'two'\n  - \"three\"\n  - [4, 5]\n  - {k: v}\n",
        "flow: [string, integer, 'null', \"x y\"]\nmap: {warn_after: 24h, error_after: 48h}\n",
        "data_types: [               # allowed\n    string, integer,\n    'null'   # quoted\n]\nnext: x\n",
        "filter:   # may be empty\n  where received_at < getdate()\n  and x = 'y'\nafter: 1\n",
        "empty:\nalso_empty:   # comment\nlast: true\n",
        "jaffle_shop/Order_Completed/1-0.json: {key: order_id}\npath: ./reflekt_profiles.yml\n",
        "flags: [true, false, True, FALSE]\nquote: 'it''s'\nempty_list: []\nempty_map: {}\n",
        "\n# leading comment\n\nkey: value with spaces and # no comment#here\n\n\n",
        "$ref: '#/definitions/a'\nnested:\n  $ref: x\n",
        "a: b\nc:\n- x\n",
        "a: 0\nb: -0.5\nc: 1.25\nd: 007\n",
        "no_newline_at_end: x",
    };

    @Test
    void readsEachSupportedConstructAsJacksonDoes() throws Exception {
        List<String> samples = new ArrayList<>(List.of(SUPPORTED));
        for (String sample : SUPPORTED) {
            samples.add(sample.replace("\n", "\r\n")); // as git checks them out on Windows
        }
        for (String sample : samples) {
            byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
            LocatedTree jackson = jacksonOrNull(bytes);
            LocatedTree fast = FastYamlReader.read(bytes, LocatedTreeReader.MAX_DEPTH);
            if (jackson != null) {
                assertSame(bytes, fast, jackson);
            } else {
                assertThat(fast)
                        .as("Jackson rejects it, so must the fast path: %s", sample)
                        .isNull();
            }
        }
        long fast = samples.stream()
                .filter(s -> FastYamlReader.read(s.getBytes(StandardCharsets.UTF_8), 64) != null)
                .count();
        assertThat(fast).as("samples the fast path reads").isGreaterThanOrEqualTo(samples.size() - 6);
    }

    @Test
    void readsTheProjectsYamlFilesExactlyAsJacksonDoes() throws Exception {
        List<byte[]> files = corpus(name -> true);
        assertThat(files.size()).isGreaterThan(100);
        int fastCount = 0;
        for (byte[] file : files) {
            LocatedTree fast = FastYamlReader.read(file, LocatedTreeReader.MAX_DEPTH);
            assertSame(file, fast, jacksonOrNull(file));
            fastCount += fast == null ? 0 : 1;
        }
        // dbt's generated YAML (long quoted text, lists of mappings) is mostly Jackson's
        assertThat(fastCount).as("files read by the fast path").isGreaterThan(30);
    }

    @Test
    void readsEveryReflektConfigOfTheProjectOnTheFastPath() throws Exception {
        List<byte[]> configs = corpus(name -> name.startsWith("reflekt_"));
        assertThat(configs.size()).isGreaterThan(30);
        for (byte[] config : configs) {
            String text = new String(config, StandardCharsets.UTF_8);
            if (text.contains("${") || jacksonOrNull(config) == null) {
                continue; // the archetype's templates; the tests' broken configs
            }
            assertThat(FastYamlReader.read(config, LocatedTreeReader.MAX_DEPTH))
                    .as(text)
                    .isNotNull();
        }
    }

    @Test
    void mutantsAreReadAsJacksonReadsThemOrLeftToIt() throws Exception {
        List<byte[]> files = new ArrayList<>(corpus(name -> true));
        for (String sample : SUPPORTED) {
            files.add(sample.getBytes(StandardCharsets.UTF_8));
        }
        String[] inserts = {
            ":",
            ": ",
            "- ",
            "-",
            "#",
            " #",
            "'",
            "''",
            "\"",
            "[",
            "]",
            "{",
            "}",
            ",",
            "\n",
            "\n  ",
            " ",
            "  ",
            "\t",
            "\r\n",
            "?",
            "&a ",
            "*a",
            "!!str ",
            "|",
            ">",
            "%",
            "@",
            "`",
            "~",
            "yes",
            "No",
            "on",
            "null",
            "y",
            "true",
            "0",
            "007",
            "0x1F",
            "1_000",
            "1.0",
            ".5",
            "1e3",
            "-",
            "+1",
            "1:20",
            "2024-01-01",
            "24h",
            ".inf",
            "---\n",
            "...\n",
            "<<: ",
            "\\",
            "\u00e9",
            "a",
            "_",
            "/",
            "$ref: x\n",
            "x: [a, b]\n",
            "x: {a: b}\n",
            "\ufeff"
        };
        checkMutants(
                "YAML subset reader vs Jackson (SnakeYAML)",
                files,
                inserts,
                bytes -> FastYamlReader.read(bytes, LocatedTreeReader.MAX_DEPTH),
                FastYamlReaderTest::jacksonOrNull);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a: 1\na: 2\n",
                "a: yes\n",
                "a: ~\n",
                "a: 0x1F\n",
                "a: 1_000\n",
                "a: 2024-01-01\n",
                "a: .inf\n",
                "a: &x 1\nb: *x\n",
                "a: !!str 1\n",
                "a: |\n  text\n",
                "a: \"esc\\n\"\n",
                "a:\tb\n",
                "a: b\rc: d\n",
                "---\na: b\n",
                "- a\n",
                "a: b: c\n",
                "a: b\n  c: d\n",
                "a: caf\u00e9\n",
                "",
                "# only a comment\n",
                "'quoted key': 1\n",
                "b:\n  - - g\n",
                "key: - g\n",
                "a: [x,- 'null']\n",
                "a: [- x]\n"
            })
    void givesUpWhereJacksonMustSpeak(String text) {
        assertThat(FastYamlReader.read(text.getBytes(StandardCharsets.UTF_8), LocatedTreeReader.MAX_DEPTH))
                .isNull();
    }

    @Test
    void locatesKeysAndElementsAsJacksonDoes() throws Exception {
        byte[] bytes = "# c\nschemas:\n  conventions:\n    data_types: [\n      string,\n      'null'\n    ]\n"
                .getBytes(StandardCharsets.UTF_8);
        LocatedTree fast = FastYamlReader.read(bytes, 64);
        assertSame(bytes, fast, jacksonOrNull(bytes));
        assertThat(fast.position("/schemas/conventions")).isEqualTo(new Position(3, 3));
        assertThat(fast.position("/schemas/conventions/data_types/1")).isEqualTo(new Position(6, 7));
    }

    @Test
    void countsCrlfAsOneLineBreak() throws Exception {
        byte[] bytes = "a: 1\r\nb:\r\n  - x\r\n  - [u,\r\n     v]  # c\r\nc: >-\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] readable = "a: 1\r\nb:\r\n  - x\r\n  - [u,\r\n     v]  # c\r\nc: d\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FastYamlReader.read(bytes, 64))
                .as("a block scalar is Jackson's")
                .isNull();
        LocatedTree fast = FastYamlReader.read(readable, 64);
        assertSame(readable, fast, jacksonOrNull(readable));
        assertThat(fast.position("/b/1/1")).isEqualTo(new Position(5, 6));
        assertThat(fast.position("/c")).isEqualTo(new Position(6, 1));
    }

    private static LocatedTree jacksonOrNull(byte[] bytes) {
        try {
            return READER.readYamlWithJackson(bytes);
        } catch (Exception e) {
            return null;
        }
    }

    private static List<byte[]> corpus(Predicate<String> named) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (String dir : List.of("reflekt-core/src", "src/it", "archetype/src", "examples")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
                for (Path file : files.filter(f -> {
                            String name = f.getFileName().toString();
                            return (name.endsWith(".yml") || name.endsWith(".yaml"))
                                    && named.test(name)
                                    && !f.toString().contains("/target/")
                                    && Files.isRegularFile(f);
                        })
                        .sorted()
                        .toList()) {
                    out.add(Files.readAllBytes(file));
                }
            }
        }
        return out;
    }
}
