package dev.reflekt.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A compiled draft-07 JSON Schema. References to the draft-07 meta-schema resolve from the class path;
 * nothing is ever fetched from the network. Thread-safe once built.
 *
 * <p>An instance the {@link QuickSchema} proves valid is answered without the full validator, which is
 * then compiled only when the first instance needs it: in a lint run where every file is valid it is never
 * loaded at all. The answers are the same either way.
 */
public final class SchemaValidator {

    private final String baseUri;
    private final JsonNode schemaNode;
    private final QuickSchema quick;
    private volatile Schema full;

    private SchemaValidator(String baseUri, JsonNode schemaNode, QuickSchema quick, Schema full) {
        this.baseUri = baseUri;
        this.schemaNode = schemaNode;
        this.quick = quick;
        this.full = full;
    }

    /**
     * Compiles {@code schemaNode}, whose relative {@code $id} and {@code $ref}s resolve against
     * {@code baseUri}.
     *
     * @throws IllegalArgumentException when the schema cannot be compiled (for example an unresolvable
     *     {@code $ref}); the message says why
     */
    public static SchemaValidator compile(String baseUri, JsonNode schemaNode) {
        String cycle = inPlaceCycle(schemaNode);
        if (cycle != null) {
            throw new IllegalArgumentException(cycle);
        }
        Optional<QuickSchema> quick = FastPaths.QUICK ? QuickSchema.compile(schemaNode) : Optional.empty();
        if (quick.isPresent()) {
            return new SchemaValidator(baseUri, schemaNode, quick.get(), null);
        }
        return new SchemaValidator(baseUri, schemaNode, null, Full.compile(baseUri, schemaNode));
    }

    /**
     * Why validating against {@code root} would never end, or null: a chain of {@code $ref}, {@code allOf},
     * {@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else} that comes back to where it
     * started without descending into the instance ({@code "allOf": [{"$ref": "#"}]}) applies the schema to the same
     * value forever; both validators would end in a stack overflow.
     */
    static String inPlaceCycle(JsonNode root) {
        java.util.Set<String> done = new java.util.HashSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(""));
        while (!pending.isEmpty()) {
            String pointer = pending.pop();
            String found = inPlace(root, pointer, new java.util.ArrayDeque<>(), done);
            if (found != null) {
                return found;
            }
            JsonNode node = pointer.isEmpty() ? root : root.at(pointer);
            node.fieldNames().forEachRemaining(name -> pending.push(pointer + "/" + LocatedTree.escape(name)));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                pending.push(pointer + "/" + i);
            }
        }
        return null;
    }

    private static String inPlace(
            JsonNode root, String pointer, java.util.Deque<String> path, java.util.Set<String> done) {
        if (path.contains(pointer)) {
            return "'#" + path.peekLast() + "' leads back to '#" + pointer + "' without descending into the"
                    + " instance, so validation would never end; remove that $ref or combinator";
        }
        if (!done.add(pointer)) {
            return null;
        }
        JsonNode node = pointer.isEmpty() ? root : root.at(pointer);
        if (!node.isObject()) {
            return null;
        }
        path.addLast(pointer);
        try {
            java.util.List<String> next = new ArrayList<>();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.textValue().startsWith("#")) {
                String target = ref.textValue().substring(1);
                next.add(target.equals("/") ? "" : target);
            }
            for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
                JsonNode list = node.get(combinator);
                if (list != null && list.isArray()) {
                    for (int i = 0; i < list.size(); i++) {
                        next.add(pointer + "/" + combinator + "/" + i);
                    }
                }
            }
            for (String applicator : new String[] {"not", "if", "then", "else"}) {
                if (node.has(applicator)) {
                    next.add(pointer + "/" + applicator);
                }
            }
            for (String n : next) {
                if (path.contains(n)) {
                    return "'#" + pointer + "' leads back to '#" + n + "' without descending into the instance,"
                            + " so validation would never end; remove that $ref or combinator";
                }
                String found = inPlace(root, n, path, done);
                if (found != null) {
                    return found;
                }
            }
            return null;
        } finally {
            path.removeLast();
        }
    }

    /** As {@link #compile}, without the quick path: the reference the quick path is tested against. */
    static SchemaValidator compileFull(String baseUri, JsonNode schemaNode) {
        return new SchemaValidator(baseUri, schemaNode, null, Full.compile(baseUri, schemaNode));
    }

    /** Whether instances this schema's quick path proves valid skip the full validator. */
    boolean hasQuickPath() {
        return quick != null;
    }

    /**
     * Whether {@code instance} is valid: the quick path's answer when it has one (either way: it never answers unlike
     * the full validator), else the full validator's. Cheaper than {@link #validate} for an invalid instance.
     */
    public boolean isValid(JsonNode instance) {
        if (quick != null) {
            int answer = quick.evaluate(instance);
            if (answer != QuickSchema.UNKNOWN) {
                return answer == QuickSchema.VALID;
            }
        }
        return validate(instance).isEmpty();
    }

    /** Validates {@code instance}; the violations come sorted by location, then message. */
    public List<SchemaViolation> validate(JsonNode instance) {
        if (quick != null && quick.evaluate(instance) == QuickSchema.VALID) {
            return List.of();
        }
        List<Error> errors;
        java.util.Set<String> slow = new java.util.TreeSet<>();
        Full.SLOW.set(slow);
        try {
            errors = full().validate(instance);
        } catch (RuntimeException e) {
            return List.of(new SchemaViolation("", "$ref", null, describe(e)));
        } finally {
            Full.SLOW.remove();
        }
        List<SchemaViolation> out = new ArrayList<>(errors.size());
        for (String pattern : slow) {
            out.add(new SchemaViolation(
                    slowAt(instance, EcmaRegex.compile(pattern), pattern, ""),
                    "pattern",
                    null,
                    new EcmaRegex.TooSlow(pattern).getMessage()));
        }
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

    /** Where in {@code node} (a string or a property name) {@code pattern} runs out of time, or "" when nowhere. */
    private static String slowAt(JsonNode node, java.util.regex.Pattern pattern, String source, String pointer) {
        if (node.isTextual()) {
            try {
                EcmaRegex.find(pattern, source, node.textValue());
            } catch (EcmaRegex.TooSlow e) {
                return pointer;
            }
        }
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            String at = pointer + "/" + LocatedTree.escape(e.getKey());
            try {
                EcmaRegex.find(pattern, source, e.getKey());
            } catch (EcmaRegex.TooSlow slow) {
                return at;
            }
            String found = slowAt(e.getValue(), pattern, source, at);
            if (!found.isEmpty()) {
                return found;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = slowAt(node.get(i), pattern, source, pointer + "/" + i);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return "";
    }

    private Schema full() {
        Schema schema = full;
        if (schema == null) {
            synchronized (this) {
                schema = full;
                if (schema == null) {
                    schema = Full.compile(baseUri, schemaNode);
                    full = schema;
                }
            }
        }
        return schema;
    }

    /** networknt, loaded only when used. */
    private static final class Full {

        /**
         * Draft-07 where keywords it does not know ({@code self} in a Reflekt meta-schema) are annotations,
         * silently: they are legal in draft-07 and not worth a warning in every build log.
         */
        private static final Dialect DRAFT_7 = Dialect.builder(Dialects.getDraft7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();

        /** The patterns that ran out of time in the validation under way on this thread. */
        static final ThreadLocal<java.util.Set<String>> SLOW = new ThreadLocal<>();

        /**
         * Patterns as {@link EcmaRegex} runs them: the same meaning as networknt's own JDK engine, bounded in time. One
         * that runs out of time counts as a match and is noted in {@link #SLOW}, for {@link #validate} to report where
         * it happened (networknt would log an exception with the schema's text in it).
         */
        private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
                .regularExpressionFactory(source -> {
                    java.util.regex.Pattern pattern = EcmaRegex.compile(source);
                    return text -> {
                        try {
                            return EcmaRegex.find(pattern, source, text);
                        } catch (EcmaRegex.TooSlow e) {
                            java.util.Set<String> slow = SLOW.get();
                            if (slow != null) {
                                slow.add(source);
                            }
                            return true;
                        }
                    };
                })
                .build();

        static Schema compile(String baseUri, JsonNode schemaNode) {
            SchemaRegistry registry =
                    SchemaRegistry.withDefaultDialect(DRAFT_7, builder -> builder.schemaRegistryConfig(CONFIG)
                            .schemaLoader(loader -> loader.fetchRemoteResources(false)));
            try {
                Schema schema = registry.getSchema(SchemaLocation.of(baseUri), schemaNode);
                schema.initializeValidators();
                return schema;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(describe(e), e);
            }
        }
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
