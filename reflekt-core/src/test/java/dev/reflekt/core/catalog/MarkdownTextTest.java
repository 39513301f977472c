package dev.reflekt.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;

/**
 * Report pages render schema text as text: rendered by an independent CommonMark parser (with GitHub's tables),
 * a hostile description makes no HTML, no link, no heading or list, keeps its table row whole, and reads back as
 * it was written.
 */
class MarkdownTextTest {

    private static final List<String> HOSTILE = List.of(
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "![i](https://evil.example/x.png)",
            "<https://evil.example>",
            "a | b | c",
            "# Heading",
            "- item",
            "+ item",
            "1. first",
            "2) second",
            "> quote",
            "*emph* _under_ **bold** ~~strike~~",
            "`code` ```fence```",
            "back\\\\slash &amp; entity",
            "===",
            "line one\nline two");

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @Test
    void hostileDescriptionsRenderAsTheirOwnText() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String text : HOSTILE) {
            ObjectNode schema = json.createObjectNode();
            schema.put("description", text);
            schema.putObject("self")
                    .put("name", text)
                    .put("version", "1-0")
                    .put("vendor", "v")
                    .putObject("metadata")
                    .put("owner", text);
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("p").put("type", "string").put("description", text);
            ObjectNode named = properties
                    .putObject(text)
                    .put("type", text)
                    .put("description", "D.")
                    .put("pattern", text);
            named.putArray("enum").add(text).add(1);

            String md = SchemaPage.render("a/B/1-0.json", schema);
            Node doc = PARSER.parse(md);
            String html = HtmlRenderer.builder()
                    .extensions(List.of(TablesExtension.create()))
                    .build()
                    .render(doc);
            assertThat(html)
                    .as(text)
                    .doesNotContain(
                            "<img",
                            "<a ",
                            "<h1>Heading",
                            "<li>",
                            "<ol",
                            "<ul",
                            "<blockquote",
                            "<em>",
                            "<strong>",
                            "<del>",
                            "<code>code",
                            "<hr",
                            "<h2>=");
            assertThat(html).as(text).doesNotContainPattern("<h1>.*</h1>[\\s\\S]*<h1>");
            final boolean[] link = {false};
            doc.accept(new org.commonmark.node.AbstractVisitor() {
                @Override
                public void visit(Link l) {
                    link[0] = true;
                }
            });
            assertThat(link[0]).as(text).isFalse();
            String plain = TextContentRenderer.builder().build().render(doc);
            assertThat(plain).as(text).contains(text.replace("\n", " "));
            // the metadata value is one cell, whole: no | in the text split it
            String cell = text.replace("\n", " ")
                    .replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
            assertThat(html).as(text).contains("<td>" + cell.strip() + "</td>");
        }
    }
}
