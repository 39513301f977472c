package dev.reflekt.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of Python {@code inflection}'s own documentation, which our port must reproduce. */
class InflectionTest {

    @ParameterizedTest
    @CsvSource({"DeviceType, device_type", "IOError, io_error", "HTTPStatus, http_status", "cart-id, cart_id"})
    void underscore(String in, String out) {
        assertThat(Inflection.underscore(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({"device_type, true, DeviceType", "device_type, false, deviceType", "cartID, false, cartID"})
    void camelize(String in, boolean upper, String out) {
        assertThat(Inflection.camelize(in, upper)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({"employee_salary, Employee salary", "author_id, Author"})
    void humanize(String in, String out) {
        assertThat(Inflection.humanize(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "man from the boondocks | Man From The Boondocks",
                "x-men: the last stand | X Men: The Last Stand",
                "TheManWithoutAPast | The Man Without A Past",
                "raiders_of_the_lost_ark | Raiders Of The Lost Ark"
            })
    void titleize(String in, String out) {
        assertThat(Inflection.titleize(in)).isEqualTo(out);
    }
}
