package dev.reflekt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlsAreWrittenAsEscapesAndNoLineStartsACommand() {
        assertThat(LogText.line("'a\n::error file=README.md,line=1::FORGED' is not snake case"))
                .isEqualTo("'a\\n::error file=README.md,line=1::FORGED' is not snake case");
        assertThat(LogText.line("b\r::add-mask::x")).isEqualTo("b\\r::add-mask::x");
        assertThat(LogText.line("d\u0001\u000b\u001b[31m\u0085\u2028\u2029\u007f"))
                .isEqualTo("d\\u0001\\u000b\\u001b[31m\\u0085\\u2028\\u2029\\u007f");
        assertThat(LogText.line("::stop-commands::tok")).isEqualTo(": :stop-commands::tok");
        assertThat(LogText.line("  ::warning::x")).isEqualTo("  : :warning::x");
        assertThat(LogText.line("plain text: with a tab\tand é")).isEqualTo("plain text: with a tab\tand é");
        assertThat(LogText.line(null)).isNull();
    }
}
