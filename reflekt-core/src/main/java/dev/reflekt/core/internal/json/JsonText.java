package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree with Jackson's streaming generator only: the same text as an {@code ObjectMapper} with
 * {@code INDENT_OUTPUT}, without loading databind's serializers (a goal that writes one report pays for
 * them in start-up time).
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {}

    /** {@code node} indented by two spaces, LF line endings, a final newline. */
    public static String pretty(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().replace("\r\n", "\n") + "\n";
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.writeFieldName(e.getKey());
                    write(out, e.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode item : node) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case FLOAT -> out.writeNumber(node.floatValue());
                    case DOUBLE -> out.writeNumber(node.doubleValue());
                    default -> out.writeNumber(node.decimalValue());
                }
            }
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node");
        }
    }
}
