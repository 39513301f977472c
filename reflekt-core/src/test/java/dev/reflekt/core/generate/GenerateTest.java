package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.Corpora;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.internal.OutputFolder;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema text from strangers never becomes code, names follow the documented rules, what cannot be typed is a
 * located error, and output folders are replaced whole, only when they change, and never when they are not ours.
 */
class GenerateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Generator.Result generate(TestProject p, List<String> languages, String sdk) throws Exception {
        return Generator.run(
                p.load(),
                new GenerateRequest(
                        languages, "x.events", dir.resolve("out/java"), dir.resolve("out/ts"), sdk, null, "T"));
    }

    /** As {@link #generate} with {@code reflekt.generate.strict}: an event that cannot be typed fails the goal. */
    private Generator.Result generateStrict(TestProject p, List<String> languages) throws Exception {
        return Generator.run(
                p.load(),
                new GenerateRequest(
                        languages,
                        "x.events",
                        dir.resolve("out/java"),
                        dir.resolve("out/ts"),
                        "none",
                        null,
                        "T",
                        true));
    }

    /** Properties named like the packages generated code names in full hide nothing: the code compiles. */
    @Test
    void propertiesNamedLikePackagesCompile() throws Throwable {
        TestProject p = TestProject.create(dir.resolve("p")).schema("shop/Pkg_Event/1-0.json", "Pkg Event", """
                        {"java": {"type": "string", "description": "J.", "pattern": "^[a-z]+$"},
                         "javax": {"type": "array", "items": {"type": "string"}, "description": "X."},
                         "com": {"type": "string", "description": "C."},
                         "org": {"type": "integer", "description": "O."},
                         "io": {"type": "object", "description": "I."}}""");
        for (String sdk : List.of("none", "segment", "rudderstack")) {
            generate(p, List.of("java"), sdk);
            Map<String, String> java = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
            assertThat(Compilation.compile(dir.resolve("c-" + sdk), java).errors())
                    .as(sdk)
                    .isEmpty();
        }
    }

    /**
     * Generated checks mean what the schema's pattern means (ECMA-262: {@code $} is the end of the text, so
     * {@code "ABC\n"} fails {@code ^[A-Z0-9]+$}, as networknt says), and a pattern that backtracks without end is
     * stopped with a violation instead of holding up {@code build()} (~40 s at 30 characters without the bound; the
     * timeout only guards the hang this test exists to catch).
     */
    @Test
    void generatedPatternsFollowJsonSchemaAndStopInTime() throws Throwable {
        String properties = """
                {"code": {"type": "string", "description": "C.", "pattern": "^[A-Z0-9]+$"},
                 "slow": {"type": "string", "description": "S.", "pattern": "^(a+)+\\\\1$"},
                 "word": {"type": "string", "description": "W.", "pattern": "^\\\\p{IsAlphabetic}+$"}}""";
        TestProject p = TestProject.create(dir.resolve("p")).schema("shop/Coded/1-0.json", "Coded", properties);
        generate(p, List.of("java"), "none");
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        sources.put("app/CodedApp.java", """
                package app;

                import java.util.ArrayList;
                import java.util.List;
                import x.events.Violations;

                public final class CodedApp {
                    public static List<String> check(String code, String slow, String word) {
                        List<String> seen = new ArrayList<>();
                        Violations.handler(v -> seen.add(v.path() + " " + v.message()));
                        try {
                            x.events.Coded.builder().code(code).slow(slow).word(word).build();
                        } finally {
                            Violations.handler(Violations.THROW);
                        }
                        return seen;
                    }
                }
                """);
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).isEmpty();
        var check = r.load("app.CodedApp").getMethod("check", String.class, String.class, String.class);
        SchemaValidator oracle =
                SchemaValidator.compile("https://x.test/c", JSON.readTree("{\"properties\": " + properties + "}"));
        for (String code : List.of("ABC", "ABC\n", "abc", "A1\r\n", "")) {
            boolean networknt =
                    oracle.validate(JSON.createObjectNode().put("code", code)).isEmpty();
            assertThat((List<?>) check.invoke(null, code, "aa", "ok"))
                    .as("%s", JSON.writeValueAsString(code))
                    .isEqualTo(networknt ? List.of() : List.of("code does not match ^[A-Z0-9]+$"));
        }
        assertThat((List<?>) check.invoke(null, "A", "aa", "\u00e9t\u00e9")).isEmpty();
        List<Object> slow =
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
                        (List<Object>) check.invoke(null, "A", "a".repeat(40) + "b", "x"));
        assertThat(slow)
                .containsExactly("slow could not be checked against ^(a+)+\\1$ in time (the pattern"
                        + " backtracks without end)");
    }

    /** A $ref to a URL is never read: generate types it as an untyped JSON value, and the code compiles. */
    @Test
    void aRefToAUrlIsAnUntypedJsonValue() throws Throwable {
        TestProject p = TestProject.create(dir.resolve("p")).schema("shop/Command/1-0.json", "Command", """
                        {"envelope": {"$ref": "http://iglucentral.com/schemas/x/y/jsonschema/1-0-0#",
                                      "type": "object", "description": "The envelope."},
                         "spec": {"$ref": "http://json-schema.org/draft-04/schema#", "description": "A schema."}}""");
        generate(p, List.of("java", "typescript"), "none");
        Map<String, String> java = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        assertThat(java.get("x/events/Command.java"))
                .contains("private final Object envelope;", "private final Object spec;");
        assertThat(Compilation.compile(dir.resolve("c"), java).errors()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/ts/events.ts")))
                .containsPattern("envelope\\??: unknown")
                .containsPattern("spec\\??: unknown");
    }

    @Test
    void hostileTextStaysTextAndEveryShapeHasItsType() throws Throwable {
        TestProject p = TestProject.create(dir.resolve("p"))
                .write("schemas/test/Weird_Event/1-0.json", GeneratedJavaTest.resource("weird.json"));
        generate(p, List.of("java"), "segment");
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        String weird = sources.get("x/events/WeirdEvent.java");
        assertThat(weird)
                .contains("private final java.time.Instant when;")
                .contains("private final java.time.LocalDate day;")
                .contains("private final java.math.BigDecimal amount;")
                .contains("private final Long count;")
                .contains("private final java.util.Map<String, Object> extra;")
                .contains("private final java.util.List<java.util.List<MatrixItemItem>> matrix;")
                .contains("private final Object anything;")
                .doesNotContain("*/ class X")
                .contains("owner: &#42;&#47; class X {} /*<br>");
        sources.put("app/Weird.java", GeneratedJavaTest.resource("Weird.java.txt"));
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).isEmpty();
        // text that would close a comment (directly, or as unicode escapes javac reads first) made no class
        assertThatThrownBy(() -> r.load("x.events.X")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> r.load("x.events.Injected")).isInstanceOf(ClassNotFoundException.class);
        Class<?> app = r.load("app.Weird");
        Object event = GeneratedJavaTest.invoke(app, "valid");
        String json = (String) event.getClass().getMethod("toJson").invoke(event);
        var schema = JSON.readTree(GeneratedJavaTest.resource("weird.json"));
        assertThat(SchemaValidator.compile("https://x.test/w", schema).validate(JSON.readTree(json)))
                .as(json)
                .isEmpty();
        assertThat(JSON.readTree(json).get("version").asText()).isEqualTo("v\"1\\u000a*/");
        assertThat(JSON.readTree(json).get("kind").asText()).isEqualTo("*/");
        assertThat(JSON.readTree(json).get("when").asText()).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(JSON.readTree(json).get("count").isNull()).isTrue();
        assertThat(GeneratedJavaTest.invoke(app, "kinds"))
                .isEqualTo(List.of("credit card", "\\u000a", "", "\u00e9t\u00e9", "v\"1\\u000a*/"));
        assertThatThrownBy(() -> GeneratedJavaTest.invoke(app, "tooLong"))
                .hasMessage("Weird Event: code is longer than 4 characters (maxLength)");
        assertThatThrownBy(() -> GeneratedJavaTest.invoke(app, "notAllowed"))
                .hasMessage("Weird Event: level is not one of 1, 2.5, \"three\" (enum)");
        assertThatThrownBy(() -> GeneratedJavaTest.invoke(app, "ratioAtBound"))
                .hasMessage("Weird Event: ratio is not less than 1 (exclusiveMaximum)");
        assertThatThrownBy(() -> GeneratedJavaTest.invoke(app, "tagsEmpty"))
                .hasMessage("Weird Event: tags has fewer than 1 items (minItems)");
    }

    /**
     * Two vendors' events of one name are two types, never one (issue 32): the class takes as many of the vendor's
     * last segments as tell the vendors apart. Iglu Central has three Screen_View 1-0 of three vendors.
     */
    @Test
    void eventsOfOneNameFromTwoVendorsAreTwoTypesQualifiedByVendor() throws Throwable {
        TestProject p = TestProject.create(dir.resolve("p"));
        for (String vendor : List.of("com.acme.shop", "com.acme.web", "org.other.web")) {
            String folder = vendor.replace('.', '_');
            p.write(
                    "schemas/" + folder + "/Order_Completed/1-0.json",
                    TestProject.schemaJson(
                                    folder + "/Order_Completed/1-0.json",
                                    "Order Completed",
                                    "1-0",
                                    "{\"id\": {\"type\": \"string\", \"description\": \"I.\"}}")
                            .replace("com.example", vendor));
        }
        p.schema("solo/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        Generator.Result result = generate(p, List.of("java", "typescript"), "segment");
        Map<String, String> java = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        assertThat(java.keySet())
                .contains(
                        "x/events/AcmeShopOrderCompleted.java",
                        "x/events/AcmeWebOrderCompleted.java",
                        "x/events/OtherWebOrderCompleted.java",
                        "x/events/CartViewed.java")
                .noneMatch(f -> f.equals("x/events/OrderCompleted.java"));
        assertThat(java.get("x/events/AcmeWebOrderCompleted.java"))
                .contains("\"com_acme_web/Order_Completed/1-0.json\"");
        assertThat(Compilation.compile(dir.resolve("c"), java).errors()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/ts/events.ts")))
                .contains("export interface AcmeShopOrderCompleted", "export interface OtherWebOrderCompleted");

        Path iglu = Corpora.copy(Corpora.IGLU_CENTRAL, dir.resolve("iglu"));
        ReflektProject corpus = ReflektProject.load(iglu);
        List<EventType> screens = EventTypes.read(
                dev.reflekt.core.definitions.Definitions.of(corpus),
                corpus.schemaFiles().stream()
                        .filter(f -> f.id().endsWith("/Screen_View/1-0.json"))
                        .toList());
        assertThat(screens)
                .extracting(EventType::typeName)
                .containsExactly("MeasurementProtocolScreenView", "MobileScreenView", "SnowplowScreenView");
    }

    /**
     * An event that cannot be typed is skipped, every reason located, and the others are generated and compile;
     * with {@code strict} the same reasons fail the goal and nothing is written. Two events making one class, or a
     * broken {@code $ref}, are errors either way (the project is wrong, not one event).
     */
    @Test
    void whatCannotBeTypedIsSkippedWithLocatedReasonsAndStrictFails() throws Exception {
        TestProject p = TestProject.create(dir.resolve("p"))
                .schema(
                        "test/Clash/1-0.json",
                        "Clash",
                        "{\"order_id\": {\"type\": \"string\"}, \"orderId\": {\"type\": \"string\"}}")
                .schema("test/Regex/1-0.json", "Regex", "{\"a\": {\"type\": \"string\", \"pattern\": \"(\"}}")
                .schema("test/Symbols/1-0.json", "***", "{}")
                .schema("test/Long/1-0.json", "Long ".repeat(31).strip(), "{}")
                .schema("test/Fine/1-0.json", "Fine", "{\"a\": {\"type\": \"string\"}}");
        List<String> reasons = List.of(
                "schemas/test/Clash/1-0.json:13:50: properties 'order_id' and 'orderId' both become"
                        + " orderId() in code; rename one of them.",
                "schemas/test/Regex/1-0.json:13:42: pattern is not a regular expression Java can run"
                        + " (Unclosed group); simplify it.",
                "schemas/test/Symbols/1-0.json:7:5: self.name '***' has no ASCII letter or digit to name"
                        + " a class; rename the event.",
                "schemas/test/Long/1-0.json:7:5: self.name makes a class name of 124 characters; file"
                        + " systems take 120 at most here; shorten the event name.");

        Generator.Result result = generate(p, List.of("java", "typescript"), "segment");
        assertThat(result.events()).isEqualTo(1);
        assertThat(result.skipped())
                .extracting(EventTypes.Skipped::file)
                .containsExactlyInAnyOrder(
                        "schemas/test/Clash/1-0.json",
                        "schemas/test/Regex/1-0.json",
                        "schemas/test/Symbols/1-0.json",
                        "schemas/test/Long/1-0.json");
        assertThat(result.skipped().stream().flatMap(s -> s.reasons().stream()))
                .containsExactlyInAnyOrderElementsOf(reasons);
        Map<String, String> java = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        assertThat(java).containsKey("x/events/Fine.java").hasSize(4); // Fine, the adapter, Violations, ReflektJson
        assertThat(Compilation.compile(dir.resolve("c"), java).errors()).isEmpty();

        deleteTree(dir.resolve("out"));
        assertThatThrownBy(() -> generateStrict(p, List.of("java")))
                .isInstanceOf(ReflektException.class)
                .satisfies(e -> assertThat(((ReflektException) e).problems())
                        .containsAll(reasons)
                        .last()
                        .isEqualTo("4 event(s) cannot be typed and reflekt.generate.strict is true; fix them, or set"
                                + " it to false to generate the others."));
        assertThat(dir.resolve("out")).doesNotExist();

        p.schema("test/Order_Completed/1-0.json", "Order Completed", "{}")
                .schema("test/order_completed/1-0.json", "order completed", "{}")
                .schema("test/Ref/1-0.json", "Ref", "{\"a\": {\"$ref\": \"../../.reflekt/definitions/x/1-0.json\"}}");
        assertThatThrownBy(() -> generate(p, List.of("java"), "none"))
                .isInstanceOf(ReflektException.class)
                .satisfies(e -> assertThat(((ReflektException) e).problems())
                        .containsExactlyInAnyOrder(
                                "schemas/test/order_completed/1-0.json:7:5: event 'order completed' and event 'Order"
                                        + " Completed' (schemas/test/Order_Completed/1-0.json) both make class"
                                        + " OrderCompleted; rename one of them.",
                                "schemas/test/Ref/1-0.json:13:24: $ref \"../../.reflekt/definitions/x/1-0.json\""
                                        + " points to schemas/.reflekt/definitions/x/1-0.json, which does not exist;"
                                        + " create it, or correct the path (definitions are"
                                        + " schemas/.reflekt/definitions/<name>/<MAJOR-MINOR>.json)."));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * What javac and file systems take decides, not luck: a 240-character required property (its builder step) and
     * objects nested three deep under 240-character names compile (javac writes the class files here); 2,000 enum
     * constants and 2,000 allowed integers compile; 4,000 values, or nesting whose class file name would pass 255
     * characters, are located errors.
     */
    @Test
    void namesAndEnumsAreSizedToWhatJavacAndFileSystemsTake() throws Throwable {
        String longName = "a".repeat(240);
        String values = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> "\"v" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        String numbers = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
        String deep = "{\"type\": \"string\", \"description\": \"D.\"}";
        for (int depth = 0; depth < 3; depth++) {
            deep = "{\"type\": \"object\", \"description\": \"N.\", \"required\": [\"" + longName + "\"],"
                    + " \"properties\": {\"" + longName + "\": " + deep + "}}";
        }
        String id = "shop/Sized/1-0.json";
        TestProject p = TestProject.create(dir.resolve("p"))
                .write(
                        "schemas/" + id,
                        TestProject.schemaJson(
                                        id,
                                        "Sized",
                                        "1-0",
                                        "{\"" + longName + "\": " + deep
                                                + ", \"level\": {\"type\": \"string\", \"description\": \"L.\", \"enum\": ["
                                                + values
                                                + "]}, \"code\": {\"type\": \"integer\", \"description\": \"C.\","
                                                + " \"enum\": [" + numbers + "]}}")
                                .replace(
                                        "\"type\": \"object\",\n",
                                        "\"type\": \"object\", \"required\": [\"" + longName + "\"],\n"));
        generate(p, List.of("java", "typescript"), "none");
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        assertThat(Compilation.compile(dir.resolve("c"), sources).errors()).isEmpty();

        String tooDeep = deep;
        for (int depth = 0; depth < 4; depth++) {
            tooDeep = "{\"type\": \"object\", \"description\": \"N.\", \"properties\": {\"" + longName + "\": "
                    + tooDeep + "}}";
        }
        String many = java.util.stream.IntStream.range(0, 4000)
                .mapToObj(i -> "\"v" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        TestProject q = TestProject.create(dir.resolve("q"))
                .schema("shop/Deep/1-0.json", "Deep", "{\"a\": " + tooDeep + "}")
                .schema("shop/Many/1-0.json", "Many", "{\"level\": {\"type\": \"string\", \"enum\": [" + many + "]}}")
                .schema(
                        "shop/Codes/1-0.json",
                        "Codes",
                        "{\"code\": {\"type\": \"integer\", \"enum\": ["
                                + many.replace("\"v", "").replace("\"", "") + "]}}");
        assertThatThrownBy(() -> generateStrict(q, List.of("java")))
                .isInstanceOf(ReflektException.class)
                .satisfies(e -> assertThat(((ReflektException) e).problems())
                        .hasSize(4)
                        .anySatisfy(m -> assertThat(m)
                                .startsWith("schemas/shop/Deep/1-0.json:13:")
                                .contains("types nest 6 deep here", "file systems take 255"))
                        .contains("schemas/shop/Many/1-0.json:13:46: property 'level' has an enum of 4000 values;"
                                + " generated Java takes at most 2000 (javac refuses a class initializer over 64 KB);"
                                + " keep the values in a lookup table and type the property as a string with a"
                                + " pattern.")
                        .anySatisfy(m -> assertThat(m)
                                .startsWith("schemas/shop/Codes/1-0.json:13:")
                                .contains("the enum of 4000 values")));
    }

    /**
     * A constant a JavaScript number cannot hold would be sent rounded by TypeScript: a located error when TypeScript
     * is generated (what it would send is what node's {@code JSON.stringify} prints: 9007199254740992 and
     * 12345678901234567000), while Java, whose constants are exact, sends it as written. Decimals a double holds as
     * written (0.1, 1e300, 2e23) pass.
     */
    @Test
    void constantsJavaScriptCannotHoldAreLocatedErrorsForTypeScriptOnly() throws Throwable {
        TestProject p = TestProject.create(dir.resolve("p")).schema("shop/Big/1-0.json", "Big", """
                        {"id": {"const": 9007199254740993, "description": "I."},
                         "fine": {"const": 0.1, "description": "F."},
                         "large": {"const": 1e300, "description": "L."},
                         "odd": {"const": 2e23, "description": "O."},
                         "nested": {"const": {"a": [1, 12345678901234567890]}, "description": "N."}}""");
        assertThatThrownBy(() -> generate(p, List.of("java", "typescript"), "none"))
                .isInstanceOf(ReflektException.class)
                .satisfies(e -> assertThat(((ReflektException) e).problems())
                        .containsExactly(
                                "schemas/shop/Big/1-0.json:13:25: the constant 9007199254740993 is not a number"
                                        + " JavaScript can hold; TypeScript would send 9007199254740992. Make the constant"
                                        + " a string, or generate Java only.",
                                "schemas/shop/Big/1-0.json:17:13: the constant 12345678901234567890 is not a number"
                                        + " JavaScript can hold; TypeScript would send 12345678901234567000. Make the"
                                        + " constant a string, or generate Java only."));
        assertThat(dir.resolve("out")).doesNotExist();
        generate(p, List.of("java"), "none");
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        sources.put("app/BigApp.java", """
                package app;

                public final class BigApp {
                    public static String json() {
                        return x.events.Big.builder().build().toJson();
                    }
                }
                """);
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).isEmpty();
        assertThat(JSON.readTree((String) r.load("app.BigApp").getMethod("json").invoke(null)))
                .isEqualTo(JSON.readTree("{\"id\": 9007199254740993, \"fine\": 0.1, \"large\": 1e300, \"odd\": 2e23,"
                        + " \"nested\": {\"a\": [1, 12345678901234567890]}}"));
    }

    @Test
    void badRequestsSayWhatToSet() {
        TestProject p = TestProject.create(dir.resolve("p")).schema("test/A/1-0.json", "A", "{}");
        assertThatThrownBy(() -> Generator.run(
                        p.load(),
                        new GenerateRequest(
                                List.of("java"),
                                "com.my-co.events",
                                dir.resolve("j"),
                                dir.resolve("t"),
                                "none",
                                null,
                                "T")))
                .hasMessage("'com.my-co.events' is not a Java package name (reflekt.generate.package); set one such as"
                        + " com.example.events.");
        assertThatThrownBy(() -> generate(p, List.of("kotlin"), "none"))
                .hasMessage("Unknown language 'kotlin' (reflekt.generate.languages); use java, typescript or both.");
        assertThatThrownBy(() -> generate(p, List.of("java"), "mixpanel"))
                .hasMessage("Unknown SDK 'mixpanel' (reflekt.generate.sdk); use one of segment, rudderstack, snowplow,"
                        + " amplitude, none.");
        assertThat(Generator.isPackageName("com.example.events")).isTrue();
        assertThat(Generator.isPackageName("com.class.events")).isFalse();
    }

    @Test
    void theHighestMinorOfEachMajorMakesOneClass() throws Exception {
        TestProject p = TestProject.create(dir.resolve("p"))
                .schema("test/Signed_Up/1-0.json", "Signed Up", "{\"a\": {\"type\": \"string\"}}")
                .schema(
                        "test/Signed_Up/1-1.json",
                        "Signed Up",
                        "{\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"string\"}}")
                .schema("test/Signed_Up/2-0.json", "Signed Up", "{\"c\": {\"type\": \"string\"}}");
        generate(p, List.of("java"), "none");
        Map<String, String> files = GeneratedJavaTest.read(dir.resolve("out/java"), ".java");
        assertThat(files.keySet())
                .containsExactly(
                        "x/events/ReflektJson.java",
                        "x/events/SignedUp.java",
                        "x/events/SignedUpV2.java",
                        "x/events/Violations.java");
        assertThat(files.get("x/events/SignedUp.java"))
                .contains("Builder b(String b);")
                .contains("1-1.json");
        assertThat(files.get("x/events/SignedUpV2.java")).contains("Builder c(String c);");
    }

    @Test
    void anEventWithoutPropertiesIsAClassWithABuildStepOnly() throws Throwable {
        TestProject p = TestProject.create(dir.resolve("p")).write("schemas/test/Ping/1-0.json", """
                {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "test/Ping/1-0.json",
                 "self": {"vendor": "com.example", "name": "Ping", "format": "jsonschema", "version": "1-0"},
                 "type": "object"}
                """);
        generate(p, List.of("java", "typescript"), "snowplow");
        Map<String, String> sources = new TreeMap<>(GeneratedJavaTest.read(dir.resolve("out/java"), ".java"));
        sources.put(
                "app/UsePing.java",
                "package app;\npublic class UsePing {\n    public static String json() {\n"
                        + "        return x.events.Ping.builder().build().toJson();\n    }\n}\n");
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).isEmpty();
        assertThat(GeneratedJavaTest.invoke(r.load("app.UsePing"), "json")).isEqualTo("{}");
        assertThat(Files.readString(dir.resolve("out/ts/events.ts"))).contains("export interface Ping {\n}");
    }

    @Test
    void stepsFollowTheRequiredArrayNotThePropertyOrder() throws Exception {
        TestProject p = TestProject.create(dir.resolve("p"))
                .write(
                        "schemas/test/Steps/1-0.json",
                        TestProject.schemaJson(
                                "test/Steps/1-0.json",
                                "Steps Taken",
                                "1-0",
                                "{\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"integer\"}, \"c\": {\"type\": \"string\"}},"
                                        + " \"required\": [\"c\", \"a\"]"));
        generate(p, List.of("java"), "none");
        String code = Files.readString(dir.resolve("out/java/x/events/StepsTaken.java"));
        assertThat(code)
                .contains("public static CStep builder()")
                .contains("AStep c(String c);")
                .contains("Builder a(String a);")
                .contains("Builder b(Long b);");
    }

    @Test
    void outputIsReplacedWholeOnlyWhenItChangesAndNeverWhenItIsNotOurs() throws Exception {
        TestProject p =
                TestProject.create(dir.resolve("p")).schema("test/A/1-0.json", "A", "{\"a\": {\"type\": \"string\"}}");
        Generator.Result first = generate(p, List.of("java", "typescript"), "segment");
        assertThat(first.written()).containsValues(true, true);
        Path a = dir.resolve("out/java/x/events/A.java");
        String before = Files.readString(a);
        var stamp = Files.getLastModifiedTime(a);
        Files.writeString(dir.resolve("out/java/x/events/Stale.java"), "class Stale {}");
        // a stray file makes the folder differ: it is replaced, and the stray file is gone
        assertThat(generate(p, List.of("java", "typescript"), "segment").written())
                .containsEntry(dir.resolve("out/java"), true);
        assertThat(dir.resolve("out/java/x/events/Stale.java")).doesNotExist();
        assertThat(Files.readString(a)).isEqualTo(before);
        stamp = Files.getLastModifiedTime(a);
        Thread.sleep(20);
        Generator.Result again = generate(p, List.of("java", "typescript"), "segment");
        assertThat(again.written()).containsValues(false, false);
        assertThat(Files.getLastModifiedTime(a)).isEqualTo(stamp);
        try (var list = Files.list(dir.resolve("out"))) {
            assertThat(list.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("java", "ts");
        }

        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("Main.java"), "class Main {}");
        assertThatThrownBy(() -> Generator.run(
                        p.load(),
                        new GenerateRequest(List.of("java"), "x.events", mine, dir.resolve("t"), "none", null, "T")))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining("holds files Reflekt did not generate (no " + OutputFolder.MARKER + ")");
        assertThat(Files.readString(mine.resolve("Main.java"))).isEqualTo("class Main {}");
    }
}
