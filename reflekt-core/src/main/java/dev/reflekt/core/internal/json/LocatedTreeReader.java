package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads JSON (with {@code //} and {@code /* *}{@code /} comments and trailing commas, as Reflekt's docs
 * write it) and YAML into a {@link LocatedTree}.
 *
 * <p>Duplicate keys are an error in both formats, and hard limits on file size and nesting depth keep
 * a hostile or broken file from exhausting memory. Instances are thread-safe.
 */
public final class LocatedTreeReader {

    /** Largest file read, in bytes. Real event schemas are a few kilobytes. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory json;
    private final StreamReadConstraints limits;
    /** Made on first use: a lint reads YAML once (the project file), and JSON thousands of times. */
    private volatile JsonFactory yaml;

    public LocatedTreeReader() {
        limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength((int) MAX_FILE_BYTES)
                .build();
        json = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .streamReadConstraints(limits)
                .build();
    }

    private JsonFactory yaml() {
        JsonFactory factory = yaml;
        if (factory == null) {
            factory = YAMLFactory.builder().streamReadConstraints(limits).build();
            yaml = factory;
        }
        return factory;
    }

    /** Reads a JSON file. */
    public LocatedTree readJson(Path file) throws IOException, ParseException {
        return readJson(readBounded(file));
    }

    /** Reads JSON with Jackson only: the reference {@link FastJsonReader} is tested against. */
    LocatedTree readJsonWithJackson(byte[] bytes) throws IOException, ParseException {
        return read(json, bytes);
    }

    /** Reads JSON bytes, as {@link #read(Path)} returns them. */
    public LocatedTree readJson(byte[] bytes) throws IOException, ParseException {
        LocatedTree fast = FastPaths.JSON ? FastJsonReader.read(bytes, MAX_DEPTH) : null;
        return fast != null ? fast : read(json, bytes);
    }

    /** Reads a YAML file. */
    public LocatedTree readYaml(Path file) throws IOException, ParseException {
        return readYaml(readBounded(file));
    }

    private LocatedTree readYaml(byte[] bytes) throws IOException, ParseException {
        return read(yaml(), bytes);
    }

    /** Reads JSON text. */
    public LocatedTree readJson(String text) throws ParseException {
        try {
            return readJson(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ParseException(e.getMessage(), Position.START);
        }
    }

    /** Reads YAML text. */
    public LocatedTree readYaml(String text) throws ParseException {
        try {
            return readYaml(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ParseException(e.getMessage(), Position.START);
        }
    }

    /**
     * The bytes of {@code file}, of at most {@link #MAX_FILE_BYTES}: for a caller that keeps them (to compare a file
     * with its published text) and parses them with {@link #readJson(byte[])}.
     */
    public static byte[] read(Path file) throws IOException, ParseException {
        return readBounded(file);
    }

    private static byte[] readBounded(Path file) throws IOException, ParseException {
        // RandomAccessFile: one open and one fstat, about half the cost of Files.size and Files.readAllBytes
        try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size > MAX_FILE_BYTES) {
                throw ParseException.overLimit(
                        "the file is " + size + " bytes, over the limit of " + MAX_FILE_BYTES + " bytes (4 MiB)",
                        Position.START);
            }
            byte[] bytes = new byte[(int) size];
            in.readFully(bytes);
            return bytes;
        } catch (java.io.FileNotFoundException e) {
            // the exceptions, and so the messages, of java.nio.file
            if (!Files.exists(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            throw Files.isDirectory(file)
                    ? new IOException("Is a directory")
                    : new java.nio.file.AccessDeniedException(file.toString());
        }
    }

    private static LocatedTree read(JsonFactory factory, byte[] bytes) throws IOException, ParseException {
        Map<String, Position> positions = new HashMap<>();
        try (JsonParser parser = factory.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("the file is empty", Position.START);
            }
            positions.put("", at(parser.currentTokenLocation()));
            boolean[] refs = {false};
            JsonNode root;
            try {
                root = readValue(parser, "", positions, refs);
            } catch (NumberFormatException | ArithmeticException e) {
                // valid JSON that no Java number holds (1e99999999999): the file's finding, not the goal's end
                throw new ParseException(
                        "the number " + parser.getText() + " is out of range (" + e.getMessage()
                                + "); write it within about 1e±2147483647",
                        at(parser.currentTokenLocation()));
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new ParseException(
                        "unexpected content after the end of the document", at(parser.currentTokenLocation()));
            }
            return new LocatedTree(root, positions, refs[0]);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            JsonLocation where = e.getLocation();
            String what =
                    e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting depth")
                            ? "nesting deeper than the limit of " + MAX_DEPTH + " levels"
                            : "a value over Reflekt's size limit (" + cleanMessage(e.getOriginalMessage()) + ")";
            throw ParseException.overLimit(what, where == null ? Position.START : at(where));
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.scanner.ScannerException yaml
                    && yaml.getProblemMark() != null) {
                // Jackson locates SnakeYAML's errors at its own last token, often a line above the problem: a tab
                // is where the problem mark is
                throw new ParseException(
                        cleanMessage(e.getOriginalMessage()),
                        new Position(
                                yaml.getProblemMark().getLine() + 1,
                                yaml.getProblemMark().getColumn() + 1));
            }
            JsonLocation where = e.getLocation();
            throw new ParseException(cleanMessage(e.getOriginalMessage()), where == null ? Position.START : at(where));
        }
    }

    private static JsonNode readValue(
            JsonParser parser, String pointer, Map<String, Position> positions, boolean[] refs)
            throws IOException, ParseException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    refs[0] |= name.equals("$ref");
                    String child = pointer + "/" + LocatedTree.escape(name);
                    Position keyAt = at(parser.currentTokenLocation());
                    if (object.has(name)) {
                        throw new ParseException(
                                "duplicate key '" + name + "' (first at " + positions.get(child) + ")", keyAt);
                    }
                    positions.put(child, keyAt);
                    parser.nextToken();
                    object.set(name, readValue(parser, child, positions, refs));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + index++;
                    positions.put(child, at(parser.currentTokenLocation()));
                    array.add(readValue(parser, child, positions, refs));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new ParseException("unexpected " + token, at(parser.currentTokenLocation()));
        }
    }

    private static Position at(JsonLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /**
     * Keeps the lines of a parser message that a schema author needs: SnakeYAML puts context and problem
     * on unindented lines and code excerpts on indented ones; Jackson appends its own API hints.
     */
    private static String cleanMessage(String message) {
        if (message == null || message.isBlank()) {
            return "malformed document";
        }
        String kept = message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip)
                .reduce((a, b) -> a + ": " + b)
                .orElse(message.strip());
        int hint = kept.indexOf(" (for ");
        return hint > 0 ? kept.substring(0, hint) : kept;
    }
}
