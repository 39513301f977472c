package dev.reflekt.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick evaluator on inputs nobody here wrote: the official draft-07 conformance suite, where it must never
 * prove valid what the suite calls invalid, and the Iglu Central schemas, which it must decide without networknt.
 */
class QuickSchemaCorporaTest {

    private static final Path SUITE = Corpora.SHARED.resolve("json-schema-test-suite/draft7");

    /**
     * Cases the suite calls invalid that the quick evaluator calls valid, each the same in networknt (whose regex
     * engine and URI parser it follows on purpose): the JDK's {@code \s}/{@code \S} are not ECMA-262's, its
     * regex syntax accepts {@code \a} and inline flags, and java.net.URI takes the odd authority.
     */
    private static final List<String> SHARED_WITH_NETWORKNT = List.of(
            "optional/ecmascript-regex.json | ECMA 262 \\S matches everything but whitespace | latin-1 non-breaking-space does not match",
            "optional/ecmascript-regex.json | ECMA 262 \\S matches everything but whitespace | zero-width whitespace does not match",
            "optional/ecmascript-regex.json | ECMA 262 \\S matches everything but whitespace | paragraph separator does not match (line terminator)",
            "optional/ecmascript-regex.json | ECMA 262 \\S matches everything but whitespace | EM SPACE does not match (Space_Separator)",
            "optional/format/ecmascript-regex.json | \\a is not an ECMA 262 control escape | when used as a pattern",
            "optional/format/ecmascript-regex.json | global inline flag groups are not valid ECMA 262 | a single global inline flag (?i)",
            "optional/format/ecmascript-regex.json | global inline flag groups are not valid ECMA 262 | multiple global inline flags (?ims)",
            "optional/format/uri-reference.json | validation of URI References | a non-numeric port in a network-path reference",
            "optional/format/uri-reference.json | validation of URI References | more than one at-sign in the authority",
            "optional/format/uri-reference.json | validation of URI References | a leading zero in the IPv4 part of an IPv6 literal",
            "optional/format/uri.json | validation of URIs | non-numeric port is invalid",
            "optional/format/uri.json | validation of URIs | leading zero in an embedded IPv4 address is invalid");

    /**
     * Cases the suite calls valid that the quick evaluator calls invalid: harmless (an invalid answer goes to
     * networknt), and for the same reasons as above. Listed so that a change in either direction shows.
     */
    private static final List<String> INVALID_LIKE_NETWORKNT = List.of(
            "optional/ecmascript-regex.json | ECMA 262 regex escapes control codes with \\c and lower letter | matches",
            "optional/ecmascript-regex.json | ECMA 262 \\s matches whitespace | latin-1 non-breaking-space matches",
            "optional/ecmascript-regex.json | ECMA 262 \\s matches whitespace | zero-width whitespace matches",
            "optional/ecmascript-regex.json | ECMA 262 \\s matches whitespace | paragraph separator matches (line terminator)",
            "optional/ecmascript-regex.json | ECMA 262 \\s matches whitespace | EM SPACE matches (Space_Separator)",
            "optional/format/ecmascript-regex.json | ECMA 262 character classes and escapes | an empty character class is valid ECMA 262",
            "optional/format/ecmascript-regex.json | ECMA 262 character classes and escapes | a negated empty character class is valid ECMA 262");

    /**
     * Cases decided: 727 before the quick path learned decimal bounds, {@code multipleOf} and {@code uniqueItems}
     * over any values; 807 since.
     */
    private static final int DECIDED_AT_LEAST = 1_466;

    @Test
    void neverValidWhereTheConformanceSuiteSaysInvalid() throws Exception {
        Corpora.require(SUITE);
        List<String> wrongValid = new ArrayList<>();
        List<String> wrongInvalid = new ArrayList<>();
        int cases = 0;
        int decided = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SUITE)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            for (JsonNode group : new LocatedTreeReader().readJson(file).root()) {
                Optional<QuickSchema> quick = QuickSchema.compile(group.get("schema"));
                for (JsonNode test : group.get("tests")) {
                    cases++;
                    int answer = quick.map(q -> q.evaluate(test.get("data"))).orElse(QuickSchema.UNKNOWN);
                    if (answer == QuickSchema.UNKNOWN) {
                        continue;
                    }
                    decided++;
                    String name = SUITE.relativize(file).toString().replace('\\', '/') + " | "
                            + group.get("description").asText() + " | "
                            + test.get("description").asText();
                    if (answer == QuickSchema.VALID && !test.get("valid").asBoolean()) {
                        wrongValid.add(name);
                    } else if (answer == QuickSchema.INVALID
                            && test.get("valid").asBoolean()) {
                        wrongInvalid.add(name);
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(1_721);
        // each also valid in networknt (decidesEveryCaseOfTheSuiteAsNetworkntDoes proves the agreement): the regex
        // and URI ones listed, and those of the formats the quick path takes from networknt itself
        assertThat(wrongValid).containsAll(SHARED_WITH_NETWORKNT);
        assertThat(wrongValid.stream().filter(n -> !SHARED_WITH_NETWORKNT.contains(n)))
                .allSatisfy(n -> assertThat(n)
                        .matches("optional/format/(date-time|hostname|idn-hostname|iri|uri-template)\\.json \\|.*"));
        assertThat(wrongInvalid).containsAll(INVALID_LIKE_NETWORKNT);
        assertThat(wrongInvalid.stream().filter(n -> !INVALID_LIKE_NETWORKNT.contains(n)))
                .allSatisfy(n ->
                        assertThat(n).matches("optional/format/(date-time|idn-email|iri|uri-template)\\.json \\|.*"));
        System.out.println("Quick evaluator on the draft-07 suite: " + decided + " of " + cases + " cases decided");
        assertThat(decided).isGreaterThanOrEqualTo(DECIDED_AT_LEAST);
    }

    /**
     * The contract itself, on inputs nobody here wrote: wherever the quick evaluator decides a case of the whole
     * draft-07 suite (formats included), networknt decides it the same way.
     */
    @Test
    void decidesEveryCaseOfTheSuiteAsNetworkntDoes() throws Exception {
        Corpora.require(SUITE);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SUITE)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> disagree = new ArrayList<>();
        int decided = 0;
        for (Path file : files) {
            for (JsonNode group : new LocatedTreeReader().readJson(file).root()) {
                Optional<QuickSchema> quick = QuickSchema.compile(group.get("schema"));
                if (quick.isEmpty()) {
                    continue;
                }
                SchemaValidator full;
                try {
                    full = SchemaValidator.compileFull("http://localhost/suite.json", group.get("schema"));
                } catch (IllegalArgumentException e) {
                    continue; // a remote reference: the suite's own server
                }
                for (JsonNode test : group.get("tests")) {
                    int answer = quick.get().evaluate(test.get("data"));
                    if (answer == QuickSchema.UNKNOWN) {
                        continue;
                    }
                    decided++;
                    boolean valid = full.validate(test.get("data")).isEmpty();
                    if (valid != (answer == QuickSchema.VALID)) {
                        disagree.add(SUITE.relativize(file) + " | "
                                + group.get("description").asText() + " | "
                                + test.get("description").asText() + " (quick: "
                                + (answer == QuickSchema.VALID ? "valid" : "invalid") + ")");
                    }
                }
            }
        }
        // both ways: check-events trusts an INVALID answer too
        assertThat(disagree)
                .as("cases the quick evaluator decides unlike networknt")
                .isEmpty();
        assertThat(decided).isGreaterThanOrEqualTo(DECIDED_AT_LEAST);
    }

    /** Every Iglu Central schema is decided against its project's meta-schema without loading networknt. */
    @Test
    void everyIgluSchemaIsDecidedOnTheQuickPath() throws Exception {
        Path corpus = Corpora.require(Corpora.IGLU_CENTRAL);
        LocatedTreeReader reader = new LocatedTreeReader();
        QuickSchema meta = QuickSchema.compile(reader.readJson(corpus.resolve("schemas/.reflekt/meta/1-0.json"))
                        .root())
                .orElseThrow();
        List<String> undecided = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(corpus.resolve("schemas"))) {
            for (Path file : walk.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().contains(".reflekt"))
                    .sorted()
                    .toList()) {
                files++;
                if (meta.evaluate(reader.readJson(file).root()) != QuickSchema.VALID) {
                    undecided.add(corpus.relativize(file).toString());
                }
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(658);
        assertThat(undecided).isEmpty();
    }
}
