package dev.reflekt.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON helpers shared by the registry clients. */
public final class Json {

    /** Compact writer and lenient reader. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Parses a response body; a malformed one is a registry error naming what was asked. */
    public static JsonNode parse(String body, String registry, String what) throws RegistryException {
        try {
            return MAPPER.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String reason = e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "");
            var at = e.getLocation();
            throw new RegistryException(
                    registry + " sent a malformed answer to " + what + ": " + reason
                            + (at == null ? "" : " at " + at.getLineNr() + ":" + at.getColumnNr()),
                    200,
                    e);
        }
    }

    /** Compact JSON. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schema file as Reflekt writes it: two-space indent, LF, final newline. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node).replace("\r\n", "\n") + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code message} field of an error body, else the body's first line. */
    public static String message(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n != null && n.path("message").isTextual()) {
                return n.path("message").asText();
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // not JSON: the text itself
        }
        return body == null || body.isBlank()
                ? "(empty body)"
                : body.lines().findFirst().orElse(body);
    }

    /**
     * The messages of an error body listing {@code {"errors": [{"message": ...}]}} (Segment's Public API, Amplitude's
     * Taxonomy API), joined with {@code ; }; else as {@link #message}.
     */
    public static String errorsMessage(String body) {
        try {
            JsonNode errors = MAPPER.readTree(body).path("errors");
            if (errors.isArray() && errors.size() > 0) {
                java.util.List<String> messages = new java.util.ArrayList<>();
                errors.forEach(e -> messages.add(e.path("message").asText(e.toString())));
                return String.join("; ", messages);
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // not JSON
        }
        return message(body);
    }
}
