package dev.reflekt.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaSelectorTest {

    private static final List<SchemaFile> ALL = List.of(
            file("jaffle_shop/Cart_Viewed/1-0.json"),
            file("jaffle_shop/Order_Completed/1-0.json"),
            file("jaffle_shop/Order_Completed/2-0.json"),
            file("segment/Identify/1-0.json"));

    private static SchemaFile file(String id) {
        return new SchemaFile(Path.of("schemas", id), id);
    }

    private static List<String> select(String expression) throws ReflektException {
        return SchemaSelector.select(ALL, expression).stream()
                .map(SchemaFile::id)
                .toList();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"schemas", "schemas/", "./schemas/", "  "})
    void nothingOrTheWholeFolderSelectsAll(String expression) throws Exception {
        assertThat(select(expression)).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jaffle_shop", "schemas/jaffle_shop", "schemas/jaffle_shop/", "./schemas/jaffle_shop"})
    void aFolderSelectsEverythingUnderIt(String expression) throws Exception {
        assertThat(select(expression)).hasSize(3).allMatch(id -> id.startsWith("jaffle_shop/"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jaffle_shop/Order_Completed/1-0",
                "jaffle_shop/Order_Completed/1-0.json",
                "schemas/jaffle_shop/Order_Completed/1-0.json",
                "'jaffle_shop/Order Completed/1-0'",
                "\"jaffle_shop/Order Completed/1-0.json\"",
                "schemas\\jaffle_shop\\Order_Completed\\1-0.json"
            })
    void anIdOrFileSelectsOneSchema(String expression) throws Exception {
        assertThat(select(expression)).containsExactly("jaffle_shop/Order_Completed/1-0.json");
    }

    @Test
    void anEventFolderSelectsEveryVersion() throws Exception {
        assertThat(select("\"jaffle_shop/Order Completed\"")).hasSize(2);
    }

    @Test
    void aFolderPrefixDoesNotMatchPartOfAName() {
        assertThatThrownBy(() -> select("jaffle")).isInstanceOf(ReflektException.class);
    }

    @Test
    void severalTermsAreUnitedSortedAndDeduplicated() throws Exception {
        assertThat(select("segment, jaffle_shop/Cart_Viewed/1-0,segment/Identify/1-0"))
                .containsExactly("jaffle_shop/Cart_Viewed/1-0.json", "segment/Identify/1-0.json");
    }

    @Test
    void aSelectionThatMatchesNothingSaysWhatWasSearched() {
        assertThatThrownBy(() -> select("'jaffle_shop/Order Placed'"))
                .isInstanceOf(ReflektException.class)
                .hasMessage("Selection ''jaffle_shop/Order Placed'' matched no schema: searched for the file"
                        + " schemas/jaffle_shop/Order Placed.json, the folder schemas/jaffle_shop/Order Placed/"
                        + " (also with spaces as underscores) among 4 schema files. Select a folder under"
                        + " schemas/, a schema $id or a file, e.g. -Dreflekt.select=jaffle_shop/Order_Completed/1-0.");
    }
}
