package dev.reflekt.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflekt.core.definitions.RefsFixture;
import dev.reflekt.core.project.ReflektProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDefinitionsCatalogTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)]+)\\)");

    @TempDir
    Path dir;

    @Test
    void definitionsHaveTheirOwnPagesAndEventsLinkToThem() throws Exception {
        ReflektProject project = RefsFixture.create(dir).load();
        Catalog catalog = Catalog.of(project, project.schemaFiles());
        Path out = dir.resolve("report");
        catalog.write(out);

        String money = Files.readString(out.resolve(".reflekt/definitions/money/1-0.md"));
        assertThat(money)
                .startsWith("# Definition definitions/money/1-0\n\nAn amount of money in one currency.\n")
                .contains(
                        "## Used by\n\n- [Cart Viewed 1-0](../../../shop/Cart_Viewed/1-0.md)\n"
                                + "- [Checkout Started 1-0](../../../shop/Checkout_Started/1-0.md)\n"
                                + "- [Order Completed 1-0](../../../shop/Order_Completed/1-0.md)\n"
                                + "- [Product Viewed 1-0](../../../shop/Product_Viewed/1-0.md)\n",
                        "| `currency` | string | yes | ISO 4217 code of the currency. | pattern: `^[A-Z]{3}$` |");
        String order = Files.readString(out.resolve("shop/Order_Completed/1-0.md"));
        assertThat(order)
                .contains(
                        "| `products` | array of object, items from"
                                + " [definitions/product/1-0](../../.reflekt/definitions/product/1-0.md) | yes |",
                        "| `products[].price` | object, from"
                                + " [definitions/money/1-0](../../.reflekt/definitions/money/1-0.md) | yes | The unit"
                                + " price. |",
                        "| `total.currency` | string | yes |");
        assertThat(Files.readString(out.resolve("shop/Checkout_Started/1-0.md")))
                .contains("| `billing_address` | object, from `#/definitions/address` | no | A postal address. |");
        assertThat(catalog.index())
                .contains("## Shared definitions\n\n| Definition | Used by |\n| --- | --- |\n"
                        + "| [definitions/money/1-0](.reflekt/definitions/money/1-0.md) | 4 event schemas |\n"
                        + "| [definitions/product/1-0](.reflekt/definitions/product/1-0.md) | 3 event schemas |\n");

        // Every relative link of every page leads to a page that exists.
        List<String> broken = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(out)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher m = LINK.matcher(Files.readString(page));
                while (m.find()) {
                    Path target =
                            page.resolveSibling(m.group(1).replace("%20", " ")).normalize();
                    if (!Files.isRegularFile(target)) {
                        broken.add(out.relativize(page) + " -> " + m.group(1));
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(Catalog.of(project, project.schemaFiles()).pages())
                .extracting(Catalog.Page::markdown)
                .isEqualTo(catalog.pages().stream().map(Catalog.Page::markdown).toList());
    }
}
