package dev.reflekt.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final Set<String> KNOWN = Set.of(
            "reflekt.select", "reflekt.against", "reflekt.generate.languages", "reflekt.skip", "reflekt.lint.skip");

    @Test
    void aMistypedPropertyIsNamedWithWhatItMayHaveMeant() {
        assertThat(Suggestions.unknownProperties(
                        List.of(
                                "reflekt.selct",
                                "reflekt.generate.language",
                                "reflekt.aginst",
                                "reflekt.select",
                                "maven.test.skip",
                                "reflekt.nothing.like.it\n::error::x"),
                        KNOWN))
                .containsExactly(
                        "Unknown property reflekt.aginst is ignored by every Reflekt goal; did you mean"
                                + " reflekt.against?",
                        "Unknown property reflekt.generate.language is ignored by every Reflekt goal; did you mean"
                                + " reflekt.generate.languages?",
                        "Unknown property reflekt.nothing.like.it\\u000a::error::x is ignored by every Reflekt goal;"
                                + " see mvn reflekt:help -Ddetail for the properties there are.",
                        "Unknown property reflekt.selct is ignored by every Reflekt goal; did you mean reflekt.select?");
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Suggestions.distance("from", "form")).isEqualTo(1);
        assertThat(Suggestions.distance("abc", "abc")).isZero();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
