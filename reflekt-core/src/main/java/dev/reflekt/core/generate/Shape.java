package dev.reflekt.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a schema property holds, as the generators see it: decided once from the schema by {@link EventTypes}, so
 * that Java and TypeScript agree on every event.
 */
public sealed interface Shape {

    /** The name of the type generated for {@code s} (an enum, object, union or tuple), or null for the others. */
    static String typeNameOf(Shape s) {
        if (s instanceof Enumeration e) {
            return e.typeName();
        }
        if (s instanceof Obj o) {
            return o.typeName();
        }
        if (s instanceof Union u) {
            return u.typeName();
        }
        if (s instanceof Tuple t) {
            return t.typeName();
        }
        return null;
    }

    /** A JSON scalar, or any JSON value. */
    enum Scalar implements Shape {
        STRING,
        /** {@code format: date-time}. */
        INSTANT,
        /** {@code format: date}. */
        DATE,
        INTEGER,
        NUMBER,
        /** A number with {@code multipleOf}: exact decimal arithmetic. */
        DECIMAL,
        BOOLEAN,
        /** No type given: any JSON value. */
        ANY
    }

    /** A string enum; {@code typeName} is its type's name, unique in the enclosing type. */
    record Enumeration(String typeName, List<Constant> constants) implements Shape {

        /** One enum value: the constant's name in code and the value sent. */
        public record Constant(String name, String wire) {}
    }

    /** A {@code const}: always sent, never set; {@code where} is its file:line:col, for messages. */
    record Const(JsonNode value, String where) implements Shape {}

    /** An array. */
    record ListOf(Shape item) implements Shape {}

    /**
     * A value of one of several shapes ({@code anyOf}, {@code oneOf}, a type list): {@code typeName} is its type's
     * name (a Java class with one factory and one accessor per branch), unique in the enclosing type.
     */
    record Union(String typeName, List<Branch> branches) implements Shape {

        /**
         * One branch: {@code name} names its factory ({@code of<name>}) and accessor ({@code as<name>}), unique in
         * the union; {@code constraints} are what {@code build()} checks of a value of this branch.
         */
        public record Branch(String name, Shape shape, Constraints constraints) {}
    }

    /**
     * An array whose items are listed by position ({@code items: [...]}): {@code typeName} is its Java class's name;
     * {@code positions} are its items ({@code required} up to {@code minItems}); {@code rest} is the shape of items
     * after them, null when {@code additionalItems} is false.
     */
    record Tuple(String typeName, List<Property> positions, Shape rest) implements Shape {}

    /** An object without declared properties: any keys. */
    record FreeMap() implements Shape {}

    /**
     * An object with declared properties (in schema order); {@code typeName} is unique in the enclosing type;
     * {@code steps} are its required properties in the order of the schema's {@code required} array;
     * {@code definition} is the id of the shared definition it is ({@code .reflekt/definitions/product/1-0.json}),
     * whose type is generated once, at the top level, for every event that uses it; null for an object written in
     * the event.
     */
    record Obj(String typeName, String description, List<Property> properties, List<Property> steps, String definition)
            implements Shape {

        /** Whether this is a shared definition's type. */
        public boolean shared() {
            return definition != null;
        }
    }

    /**
     * A property of an object.
     *
     * @param wire the name sent
     * @param member its camelCase name in code (escaped)
     * @param shape what it holds
     * @param required listed in {@code required}
     * @param nullable its type allows {@code null}
     * @param description the schema's description, or empty
     * @param constraints what {@code build()} checks
     * @param stepName the step interface's name when required, else null
     */
    record Property(
            String wire,
            String member,
            Shape shape,
            boolean required,
            boolean nullable,
            String description,
            Constraints constraints,
            String stepName) {}

    /**
     * The checks a value gets at {@code build()}; null fields are absent. {@code format} is the schema's
     * {@code format} of a string, which generated code does not check (kept for documentation and tests);
     * {@code requiredKeys} the {@code required} keys of a map or of a value of no declared type, when an object.
     */
    record Constraints(
            Long minLength,
            Long maxLength,
            String pattern,
            BigDecimal minimum,
            BigDecimal maximum,
            BigDecimal exclusiveMinimum,
            BigDecimal exclusiveMaximum,
            Long minItems,
            Long maxItems,
            List<JsonNode> allowed,
            String format,
            List<String> requiredKeys) {

        /** No checks. */
        static final Constraints NONE =
                new Constraints(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
