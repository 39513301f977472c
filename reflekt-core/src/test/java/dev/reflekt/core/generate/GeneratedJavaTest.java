package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example project's generated Java compiles as Java 11 with every lint warning an error and ASCII only; code
 * that uses it right compiles and sends what the schemas accept; code that uses it wrong does not compile.
 */
class GeneratedJavaTest {

    static final String PKG = "com.jaffleshop.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Generates the example project's Java for {@code sdk} and returns the sources. */
    static Map<String, String> generate(Path out, String sdk) throws Exception {
        ReflektProject project = ReflektProject.load(TestProject.EXAMPLE);
        Generator.run(
                project, new GenerateRequest(List.of("java"), PKG, out, out.resolveSibling("ts"), sdk, null, "TEST"));
        return read(out, ".java");
    }

    static Map<String, String> read(Path root, String suffix) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && p.toString().endsWith(suffix)) {
                    files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    static String resource(String name) throws IOException {
        try (var in = GeneratedJavaTest.class.getResourceAsStream("/generate/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The example's schema files by {@code $id}, as validators. */
    static Map<String, SchemaValidator> validators() throws Exception {
        Map<String, SchemaValidator> out = new HashMap<>();
        for (var file : ReflektProject.load(TestProject.EXAMPLE).schemaFiles()) {
            JsonNode schema = new LocatedTreeReader().readJson(file.path()).root();
            out.put(file.id(), SchemaValidator.compile("https://reflekt.test/" + file.id(), schema));
        }
        return out;
    }

    /** Compiles the example's classes with {@code extra} sources and fails on any diagnostic. */
    static Compilation.Result compiled(Path dir, String sdk, Map<String, String> extra) throws Exception {
        Map<String, String> sources = new TreeMap<>(generate(dir.resolve("java"), sdk));
        sources.putAll(extra);
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).isEmpty();
        return r;
    }

    @Test
    void everyEventBuiltByAnApplicationIsAcceptedByItsSchema() throws Exception {
        Compilation.Result r = compiled(dir, "none", Map.of("app/Samples.java", resource("Samples.java.txt")));
        Map<String, SchemaValidator> validators = validators();
        List<?> events = (List<?>) r.load("app.Samples").getMethod("all").invoke(null);
        List<String> ids = new ArrayList<>();
        for (Object e : events) {
            String id = (String) e.getClass().getMethod("schemaId").invoke(e);
            String json = (String) e.getClass().getMethod("toJson").invoke(e);
            ids.add(id);
            assertThat(validators.get(id).validate(JSON.readTree(json)))
                    .as(id + " " + json)
                    .isEmpty();
            // toJson() and properties() say the same
            Object properties = e.getClass().getMethod("properties").invoke(e);
            assertThat(json).isEqualTo(JSON.writeValueAsString(properties));
        }
        assertThat(ids).hasSize(6).contains("jaffle_shop/Product_Added/2-0.json", "jaffle_shop/Identify/1-0.json");
        Object order = r.load("app.Samples").getMethod("order").invoke(null);
        assertThat(order.getClass().getMethod("toJson").invoke(order))
                .isEqualTo("{\"order_id\":\"o-1\",\"revenue\":12.5,\"currency\":\"EUR\",\"products\":["
                        + "{\"product_id\":\"p-1\",\"quantity\":2,\"toppings\":[{\"topping_name\":\"cheese\"},{}]},"
                        + "{\"product_id\":\"p-2\",\"quantity\":1}]}");
        assertThat(order.getClass().getMethod("name").invoke(order)).isEqualTo("Order Completed");
        assertThat(order.getClass().getMethod("schemaUri").invoke(order))
                .isEqualTo("iglu:com.jaffleshop/Order_Completed/jsonschema/1-0-0");
        assertThat(order).isEqualTo(r.load("app.Samples").getMethod("order").invoke(null));
        assertThat(order.toString()).startsWith("Order Completed {\"order_id\":\"o-1\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a required property left out: the next step has no such method
                "skipped step|OrderCompleted.builder().orderId(\"o\").currency(OrderCompleted.Currency.EUR)"
                        + "|cannot find symbol|currency(",
                // build() before the last required property
                "build too early|OrderCompleted.builder().orderId(\"o\").revenue(1).currency(OrderCompleted.Currency.EUR).build()"
                        + "|cannot find symbol|build()",
                "wrong type|OrderCompleted.builder().orderId(42)|incompatible types|int cannot be converted to java.lang.String",
                "unknown enum constant|OrderCompleted.Currency.JPY|cannot find symbol|JPY",
                "enum as a string|OrderCompleted.builder().orderId(\"o\").revenue(1).currency(\"EUR\")"
                        + "|incompatible types|java.lang.String cannot be converted to",
                "nested required left out|OrderCompleted.ProductsItem.builder().quantity(1)|cannot find symbol|quantity(",
                "const-free optional set twice still typed|OrderCompleted.ProductsItem.builder().productId(\"p\").quantity(1)"
                        + ".toppings(List.of(\"cheese\"))|incompatible types|",
            })
    void wrongUsesDoNotCompile(String name, String expression, String error, String detail) throws Exception {
        Map<String, String> sources = new TreeMap<>(generate(dir.resolve("java"), "none"));
        sources.put("app/Bad.java", resource("Bad.java.txt").replace("/*BAD*/", expression));
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).as(name).isNotEmpty().allMatch(e -> e.startsWith("app/Bad.java:"));
        assertThat(String.join("\n", r.errors())).as(name).contains(error).contains(detail == null ? "" : detail);
    }

    @Test
    void aViolationThrowsNamingEventPathAndRuleUnlessAHandlerTakesIt() throws Throwable {
        String code = """
                package app;

                import com.jaffleshop.events.OrderCompleted;
                import com.jaffleshop.events.Violations;
                import java.util.ArrayList;
                import java.util.List;

                public final class Violating {
                    public static Object zeroQuantity() {
                        return OrderCompleted.ProductsItem.builder().productId("p").quantity(0).build();
                    }

                    public static Object nullOrderId() {
                        return OrderCompleted.builder().orderId(null).revenue(1).currency(OrderCompleted.Currency.EUR)
                                .products(List.of()).build();
                    }

                    public static List<String> logged() {
                        List<String> seen = new ArrayList<>();
                        Violations.handler(v -> seen.add(v.event() + "|" + v.path() + "|" + v.rule()));
                        try {
                            Object built = OrderCompleted.ProductsItem.builder().productId(null).quantity(-1).build();
                            seen.add(built.toString());
                        } finally {
                            Violations.handler(Violations.THROW);
                        }
                        return seen;
                    }
                }
                """;
        Compilation.Result r = compiled(dir, "none", Map.of("app/Violating.java", code));
        Class<?> app = r.load("app.Violating");
        assertThatThrownBy(() -> invoke(app, "zeroQuantity"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Order Completed: products[].quantity is less than 1 (minimum)");
        assertThatThrownBy(() -> invoke(app, "nullOrderId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Order Completed: order_id is required (required)");
        assertThat(invoke(app, "logged"))
                .isEqualTo(List.of(
                        "Order Completed|products[].product_id|required",
                        "Order Completed|products[].quantity|minimum",
                        "ProductsItem{\"product_id\":null,\"quantity\":-1}"));
    }

    static Object invoke(Class<?> type, String method) throws Throwable {
        try {
            return type.getMethod(method).invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
