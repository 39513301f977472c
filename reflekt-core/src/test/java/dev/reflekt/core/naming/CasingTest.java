package dev.reflekt.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each casing on tricky names: acronyms, digits, spaces, leading underscores. {@code matches} is
 * whether the name passes; {@code suggestion} is what lint tells the user to rename it to.
 */
class CasingTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SNAKE  | cart_id          | true  | cart_id",
                "SNAKE  | cartId           | false | cart_id",
                "SNAKE  | CartID           | false | cart_id",
                "SNAKE  | HTTPStatus       | false | http_status",
                "SNAKE  | cart id          | false | cart_id",
                "SNAKE  | _private         | true  | _private",
                "SNAKE  | product_2        | true  | product_2",
                "SNAKE  | cart-id          | false | cart_id",
                "CAMEL  | cartId           | true  | cartId",
                "CAMEL  | cart_id          | false | cartId",
                "CAMEL  | CartId           | false | cartId",
                "CAMEL  | cartID           | true  | cartID",
                "CAMEL  | _private         | true  | _private",
                "PASCAL | CartId           | true  | CartId",
                "PASCAL | cartId           | false | CartId",
                "PASCAL | cart_id          | false | CartId",
                "TITLE  | Order Completed  | true  | Order Completed",
                "TITLE  | Identify         | true  | Identify",
                "TITLE  | order completed  | false | Order Completed",
                "TITLE  | Order completed  | false | Order Completed",
                "TITLE  | OrderCompleted   | false | Order Completed",
                "TITLE  | Order_Completed  | false | Order Completed",
                "TITLE  | API Called       | false | Api Called",
                "TITLE  | Step 2 Completed | true  | Step 2 Completed",
                "TITLE  | User Id Set      | true  | User Id Set",
                "ANY    | whatEver_ Goes   | true  | whatEver_ Goes",
            })
    void casing(Casing casing, String name, boolean matches, String suggestion) {
        assertThat(casing.matches(name)).isEqualTo(matches);
        assertThat(casing.apply(name)).isEqualTo(suggestion);
    }

    @ParameterizedTest
    @CsvSource({"title, TITLE", "Snake, SNAKE", " camel , CAMEL", "pascal, PASCAL", "any, ANY"})
    void parsesConfigValues(String value, Casing expected) {
        assertThat(Casing.fromConfig(value)).isEqualTo(expected);
    }

    /** The character scan never accepts a name the Inflection regexes would change. */
    @Test
    void thePlainScanAgreesWithTheRegularExpressions() {
        String alphabet = "abcXYZ019_ -\u00e9\u00c9I'";
        Random random = new Random(3);
        int plain = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            if (random.nextBoolean()) {
                for (int n = 1 + random.nextInt(9); n > 0; n--) {
                    name.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            } else {
                // words, the shape real names have
                for (int w = 1 + random.nextInt(3); w > 0; w--) {
                    name.append(random.nextInt(4) == 0 ? "Ab" : random.nextBoolean() ? "Order" : "ID");
                    name.append(w > 1 ? new String[] {" ", "  ", "_", "", "1"}[random.nextInt(5)] : "");
                }
            }
            for (Casing casing : Casing.values()) {
                if (casing.plainlyIn(name.toString())) {
                    plain++;
                    assertThat(casing.apply(name.toString()))
                            .as("%s %s", casing, name)
                            .isEqualTo(name.toString());
                }
            }
        }
        assertThat(plain).isGreaterThan(1000);
        for (String usual : new String[] {"cart_id", "Order Completed", "cartId", "CartId", "A B", "id2"}) {
            assertThat(Casing.values()).anyMatch(c -> c != Casing.ANY && c.plainlyIn(usual));
        }
    }
}
