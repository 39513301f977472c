package dev.reflekt.core.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How schema names become names in code. Only ASCII letters and digits ever reach code: every other character
 * separates words.
 *
 * <ul>
 *   <li>A member (method) is the camelCase of the wire name: {@code order_id} → {@code orderId}, {@code NAME} →
 *       {@code name}. One that starts with a digit gets a leading {@code _} ({@code 3d_secure} → {@code _3dSecure});
 *       one that is a Java keyword or a member every generated class has ({@link #GENERATED_MEMBERS}) gets a
 *       trailing {@code _} ({@code class} → {@code class_}, {@code name} → {@code name_}).
 *   <li>A type is the PascalCase of the words ({@code Order Completed} → {@code OrderCompleted}), with a leading
 *       {@code _} before a digit.
 *   <li>An enum constant is the words in upper snake case ({@code credit card} → {@code CREDIT_CARD}), with a
 *       leading {@code _} before a digit; the empty string is {@code EMPTY}.
 * </ul>
 */
final class Identifiers {

    static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "_",
            "var",
            "yield",
            "record",
            "sealed",
            "permits",
            "non-sealed");

    /**
     * Methods of every generated class (and of {@link Object}), and the first names of the packages generated code
     * names in full ({@code java.util.List}, {@code com.segment...}), which a field of that name would hide: a
     * property never takes these names.
     */
    static final Set<String> GENERATED_MEMBERS = Set.of(
            "java",
            "javax",
            "com",
            "org",
            "io",
            "name",
            "schemaId",
            "schemaUri",
            "properties",
            "toJson",
            "builder",
            "build",
            "equals",
            "hashCode",
            "toString",
            "getClass",
            "notify",
            "notifyAll",
            "wait",
            "clone",
            "finalize",
            "wire");

    /**
     * Type names a generated type never takes: the {@code java.lang} types generated code names without
     * qualification, the generated helpers, TypeScript's global types, and the types every SDK's adapter and client
     * declare ({@link Sdk#typeNames()}). A type that would take one gets {@code Value} appended.
     */
    static final Set<String> TAKEN_TYPES = withSdkTypes(Set.of(
            "String",
            "Object",
            "Long",
            "Double",
            "Boolean",
            "Integer",
            "Math",
            "Override",
            "Character",
            "Number",
            "StringBuilder",
            "IllegalArgumentException",
            "Enum",
            "Class",
            "System",
            "Iterable",
            "Comparable",
            "SuppressWarnings",
            "Deprecated",
            "Record",
            "Void",
            "Runnable",
            "Builder",
            "Steps",
            "Violations",
            "ReflektJson",
            // TypeScript's global types that events.ts (and the SDK clients in it) name: an interface called
            // Array would make every Array<...> in the file mean it
            "Array",
            "ReadonlyArray",
            "Partial",
            "Readonly",
            "Promise",
            "Date",
            "Map",
            "Set",
            "Error",
            "JSON",
            "Symbol",
            "BigInt",
            "Function",
            "RegExp",
            "Exclude",
            "Extract",
            "Pick",
            "Omit",
            "Required",
            "NonNullable",
            "ReturnType",
            "Parameters",
            "Awaited",
            "PropertyKey"));

    private Identifiers() {}

    /** The ASCII letter-and-digit words of {@code text}, split also where a lower case letter meets an upper. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (!alnum) {
                flush(word, out);
                continue;
            }
            if (word.length() > 0
                    && Character.isUpperCase(c)
                    && !Character.isUpperCase(word.charAt(word.length() - 1))) {
                flush(word, out);
            }
            word.append(c);
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    /** The member name of wire name {@code wire}, or null when it has no ASCII letter or digit. */
    static String member(String wire) {
        List<String> words = words(wire);
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i == 0) {
                out.append(
                        allUpper(w) ? w.toLowerCase(Locale.ROOT) : Character.toLowerCase(w.charAt(0)) + w.substring(1));
            } else {
                out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        String m = out.toString();
        if (Character.isDigit(m.charAt(0))) {
            m = "_" + m;
        }
        if (JAVA_KEYWORDS.contains(m) || GENERATED_MEMBERS.contains(m)) {
            m = m + "_";
        }
        return m;
    }

    /** The type name made of {@code text}'s words, or null when it has no ASCII letter or digit. */
    static String type(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return Character.isDigit(out.charAt(0)) ? "_" + out : out.toString();
    }

    /** The enum constant of {@code value}; {@code index} (from 1) names one without letters or digits. */
    static String constant(String value, int index) {
        if (value.isEmpty()) {
            return "EMPTY";
        }
        List<String> words = words(value);
        if (words.isEmpty()) {
            return "VALUE_" + index;
        }
        String c = String.join("_", words).toUpperCase(Locale.ROOT);
        return Character.isDigit(c.charAt(0)) ? "_" + c : c;
    }

    private static boolean allUpper(String w) {
        return w.chars().noneMatch(Character::isLowerCase);
    }

    /** Most characters of a property name that name a type nested in an event (its {@code .class} file name). */
    static final int MAX_NESTED_NAME = 48;

    /** {@code name}, cut to {@link #MAX_NESTED_NAME} characters: a prefix of an identifier is one. */
    static String capped(String name) {
        return name.length() <= MAX_NESTED_NAME ? name : name.substring(0, MAX_NESTED_NAME);
    }

    /** Type names in use in one class body, handed out so that none repeats or hides another. */
    static final class TypeScope {
        private final Set<String> taken = new HashSet<>(TAKEN_TYPES);

        TypeScope(Set<String> enclosing) {
            taken.addAll(enclosing);
        }

        /** {@code base}, else {@code base + "Value"}, else {@code base + "Value2"}, ... */
        String claim(String base) {
            String name = base;
            for (int n = 1; !taken.add(name); n++) {
                name = base + "Value" + (n == 1 ? "" : String.valueOf(n));
            }
            return name;
        }
    }

    private static Set<String> withSdkTypes(Set<String> names) {
        Set<String> out = new HashSet<>(names);
        out.addAll(Sdks.typeNames());
        return Set.copyOf(out);
    }
}
