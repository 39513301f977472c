package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A compiled draft-07 JSON Schema. References to the draft-07 meta-schema resolve from the class path;
 * nothing is ever fetched from the network. Thread-safe once built.
 */
public final class SchemaValidator {

    /**
     * Draft-07 where keywords it does not know ({@code self} in a Reflekt meta-schema) are annotations,
     * silently: they are legal in draft-07 and not worth a warning in every build log.
     */
    private static final Dialect DRAFT_7 = Dialect.builder(Dialects.getDraft7())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();

    private final Schema schema;

    private SchemaValidator(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles {@code schemaNode}, whose relative {@code $id} and {@code $ref}s resolve against
     * {@code baseUri}.
     *
     * @throws IllegalArgumentException when the schema cannot be compiled (for example an unresolvable
     *     {@code $ref}); the message says why
     */
    public static SchemaValidator compile(String baseUri, JsonNode schemaNode) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                DRAFT_7, builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(baseUri), schemaNode);
            schema.initializeValidators();
            return new SchemaValidator(schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /** Validates {@code instance}; the violations come sorted by location, then message. */
    public List<SchemaViolation> validate(JsonNode instance) {
        List<Error> errors;
        try {
            errors = schema.validate(instance);
        } catch (RuntimeException e) {
            return List.of(new SchemaViolation("", "$ref", null, describe(e)));
        }
        List<SchemaViolation> out = new ArrayList<>(errors.size());
        for (Error error : errors) {
            out.add(new SchemaViolation(
                    pointer(error.getInstanceLocation()),
                    error.getKeyword(),
                    error.getProperty(),
                    stripPath(error.getMessage())));
        }
        out.sort(Comparator.comparing(SchemaViolation::pointer).thenComparing(SchemaViolation::message));
        return out;
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(LocatedTree.escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    /** networknt prefixes messages with the instance path ("$.self: ..."); we print our own location. */
    private static String stripPath(String message) {
        if (message != null && message.startsWith("$")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                return message.substring(colon + 2);
            }
        }
        return message;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
