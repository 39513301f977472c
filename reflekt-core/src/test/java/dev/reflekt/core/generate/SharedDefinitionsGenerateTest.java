package dev.reflekt.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.RefsFixture;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reflekt:generate on the shared-definitions fixture: one class per definition, reused by every event. */
class SharedDefinitionsGenerateTest {

    private static final String APP = """
            package app;

            import com.example.events.*;
            import java.util.List;

            public final class Shop {
                private Shop() {}

                public static List<Object> all() {
                    Money price = Money.builder().amount(3.0).currency("EUR").build();
                    Product jaffle = Product.builder().productId("p1").price(price).name_("Jaffle").build();
                    return List.of(
                            OrderCompleted.builder().orderId("o1").products(List.of(jaffle)).total(price).build(),
                            CartViewed.builder().cartId("c1").products(List.of(jaffle)).build(),
                            ProductViewed.builder().product(jaffle).position(2L).build(),
                            CheckoutStarted.builder()
                                    .shippingAddress(CheckoutStarted.ShippingAddress.builder().city("Paris").build())
                                    .total(price)
                                    .build());
                }
            }
            """;

    @TempDir
    Path dir;

    private ReflektProject project() throws Exception {
        return RefsFixture.create(dir.resolve("project")).load();
    }

    private Map<String, String> generate(ReflektProject project, List<String> languages) throws Exception {
        Generator.run(
                project,
                new GenerateRequest(
                        languages, "com.example.events", dir.resolve("java"), dir.resolve("ts"), "none", null, "TEST"));
        return languages.contains("java") ? GeneratedJavaTest.read(dir.resolve("java"), ".java") : Map.of();
    }

    @Test
    void aDefinitionIsOneClassThatEveryEventUses() throws Exception {
        ReflektProject project = project();
        Map<String, String> sources = new TreeMap<>(generate(project, List.of("java")));
        assertThat(sources.keySet()).contains("com/example/events/Product.java", "com/example/events/Money.java");
        assertThat(sources.get("com/example/events/Product.java"))
                .contains(" * Schema: .reflekt/definitions/product/1-0.json", "public final class Product {");
        assertThat(sources.get("com/example/events/OrderCompleted.java"))
                .contains("java.util.List<Product> products", "Money total")
                .doesNotContain("class ProductsItem", "class Total");

        sources.put("app/Shop.java", APP);
        Compilation.Result r = Compilation.compile(dir.resolve("c"), sources);
        assertThat(r.errors()).isEmpty();
        List<?> events = (List<?>) r.load("app.Shop").getMethod("all").invoke(null);
        Definitions definitions = Definitions.of(project);
        ObjectMapper json = new ObjectMapper();
        LocatedTreeReader reader = new LocatedTreeReader();
        for (Object e : events) {
            String id = (String) e.getClass().getMethod("schemaId").invoke(e);
            SchemaFile file = new SchemaFile(project.schemasDir().resolve(id), id);
            JsonNode resolved =
                    definitions.resolveOrThrow(id, reader.readJson(file.path())).json();
            JsonNode sent =
                    json.readTree((String) e.getClass().getMethod("toJson").invoke(e));
            assertThat(SchemaValidator.compile("urn:test:" + id, resolved).validate(sent))
                    .as(id + " " + sent)
                    .isEmpty();
        }
        assertThat(events.get(0).getClass().getMethod("toJson").invoke(events.get(0)))
                .isEqualTo("{\"order_id\":\"o1\",\"products\":[{\"product_id\":\"p1\",\"name\":\"Jaffle\",\"price\":"
                        + "{\"amount\":3.0,\"currency\":\"EUR\"}}],\"total\":{\"amount\":3.0,\"currency\":\"EUR\"}}");

        // A Money where a Product belongs does not compile.
        sources.put(
                "app/Wrong.java",
                "package app;\nimport com.example.events.*;\nfinal class Wrong {\n    Object x(Money m) {\n"
                        + "        return ProductViewed.builder().product(m).build();\n    }\n}\n");
        Compilation.Result wrong = Compilation.compile(dir.resolve("w"), sources);
        assertThat(String.join("\n", wrong.errors())).contains("Wrong.java", "incompatible types");
    }

    @Test
    void typeScriptDeclaresEachDefinitionOnce() throws Exception {
        generate(project(), List.of("typescript"));
        String ts = Files.readString(dir.resolve("ts/events.ts"));
        assertThat(ts)
                .contains("export interface Product {", "export interface Money {", "products?: Array<Product>;")
                .containsOnlyOnce("product_id");
        String tools = System.getenv()
                .getOrDefault("REFLEKT_TEST_TOOLS_DIR", System.getProperty("user.home") + "/.cache/reflekt-test-tools");
        Path tsc = Path.of(tools, "node_modules", ".bin", "tsc");
        if (!Files.isExecutable(tsc) && System.getenv("CI") != null) {
            throw new AssertionError("tsc is missing on CI at " + tsc);
        }
        Assumptions.assumeTrue(Files.isExecutable(tsc), "TypeScript is not installed at " + tsc);
        Files.writeString(dir.resolve("ts/use.ts"), """
                import { Product, Money, OrderCompleted, ProductViewed } from "./events";
                const price: Money = { amount: 3, currency: "EUR" };
                const jaffle: Product = { product_id: "p1", price };
                const order: OrderCompleted = { order_id: "o1", products: [jaffle], total: price };
                const viewed: ProductViewed = { product: jaffle };
                const wrong: ProductViewed = { product: price };
                console.log(order, viewed, wrong);
                """);
        Process p = new ProcessBuilder(
                        tsc.toString(), "--strict", "--noEmit", "--target", "es2020", "--lib", "es2020,dom", "use.ts")
                .directory(dir.resolve("ts").toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip().lines().toList())
                .singleElement()
                .asString()
                .isEqualTo("use.ts(6,32): error TS2739: Type 'Money' is missing the following properties from type"
                        + " 'Product': product_id, price");
    }
}
