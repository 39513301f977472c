package dev.reflekt.core.definitions;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.internal.json.Position;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shared definitions of a project: {@code schemas/.reflekt/definitions/<name>/<MAJOR-MINOR>.json},
 * each a plain JSON Schema that event schemas use with {@code $ref}. Read once, from the working tree or
 * from a git ref; immutable, so that any number of threads may resolve against it.
 */
public final class Definitions {

    /** The id prefix of every definition file (path relative to {@code schemas/}). */
    public static final String PREFIX = ReflektProject.DEFINITIONS_DIR + "/";

    /** A definition file: its parsed tree, or why it could not be read and how to fix that. */
    public record Loaded(String id, LocatedTree tree, String error, Position errorAt, String hint) {

        Loaded(String id, LocatedTree tree) {
            this(id, tree, null, null, null);
        }

        static Loaded failed(String id, String error, Position at) {
            return new Loaded(id, null, error, at, "fix the definition's JSON syntax");
        }

        /** Whether the file was read. */
        public boolean readable() {
            return tree != null;
        }
    }

    private static final Definitions NONE = new Definitions(Map.of());

    private final Map<String, Loaded> files;

    private Definitions(Map<String, Loaded> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** No definitions. */
    public static Definitions none() {
        return NONE;
    }

    /** The definitions of the working tree. */
    public static Definitions of(ReflektProject project) throws ReflektException {
        List<SchemaFile> found = project.definitionFiles();
        if (found.isEmpty()) {
            return NONE;
        }
        LocatedTreeReader reader = new LocatedTreeReader();
        Map<String, Loaded> files = new TreeMap<>();
        java.nio.file.Path schemas = realPath(project.schemasDir());
        for (SchemaFile f : found) {
            try {
                java.nio.file.Path real = realPath(f.path());
                if (schemas == null || real == null || !real.startsWith(schemas)) {
                    // discovery follows links inside the project; a $ref reads only what is inside schemas/
                    files.put(
                            f.id(),
                            new Loaded(
                                    f.id(),
                                    null,
                                    "the file is a link to "
                                            + (real == null ? "a file that does not exist" : project.display(real))
                                            + ", outside schemas/, and a $ref reads nothing outside schemas/",
                                    Position.START,
                                    "put the definition itself under schemas/.reflekt/definitions/, not a link"));
                    continue;
                }
                files.put(f.id(), new Loaded(f.id(), reader.readJson(f.path())));
            } catch (ParseException e) {
                files.put(f.id(), Loaded.failed(f.id(), e.reason(), e.position()));
            } catch (IOException e) {
                files.put(f.id(), Loaded.failed(f.id(), "cannot read the file: " + e.getMessage(), Position.START));
            }
        }
        return new Definitions(files);
    }

    private static java.nio.file.Path realPath(java.nio.file.Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** Definitions from file contents by id (as a git ref holds them); ids outside {@link #PREFIX} are ignored. */
    public static Definitions of(Map<String, byte[]> contents) {
        LocatedTreeReader reader = new LocatedTreeReader();
        Map<String, Loaded> files = new TreeMap<>();
        contents.forEach((id, bytes) -> {
            if (!id.startsWith(PREFIX)) {
                return;
            }
            try {
                files.put(id, new Loaded(id, reader.readJson(new String(bytes, StandardCharsets.UTF_8))));
            } catch (ParseException e) {
                files.put(id, Loaded.failed(id, e.reason(), e.position()));
            }
        });
        return files.isEmpty() ? NONE : new Definitions(files);
    }

    /** Every definition file by id, sorted. */
    public Map<String, Loaded> files() {
        return files;
    }

    /** The definition file with this id. */
    public Optional<Loaded> get(String id) {
        return Optional.ofNullable(files.get(id));
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** Resolves the {@code $ref}s of a schema (an event or a definition) with the id {@code id}. */
    public Resolved resolve(String id, LocatedTree tree) {
        if (!tree.hasRefs()) {
            return new Resolved(
                    tree.root(), List.of(), List.of(), Collections.emptySortedSet(), Map.of()); // nothing to replace
        }
        return new Resolver(this).resolve(id, tree);
    }

    /**
     * As {@link #resolve}, for the goals that need every reference resolved.
     *
     * @throws ReflektException naming every problem with its file:line:col and fix
     */
    public Resolved resolveOrThrow(String id, LocatedTree tree) throws ReflektException {
        Resolved r = resolve(id, tree);
        if (!r.ok()) {
            throw new ReflektException(
                    r.problems().stream().map(RefProblem::describe).distinct().toList());
        }
        return r;
    }

    /**
     * The definition files a schema's own {@code $ref}s point to: each {@code $ref} as written, without its
     * fragment, to the definition's id; refs into the schema itself and refs that cannot name a definition
     * (which lint reports) are left out.
     */
    public Map<String, String> directReferences(String id, com.fasterxml.jackson.databind.JsonNode json) {
        Map<String, String> out = new TreeMap<>();
        collect(id, json, out);
        return out;
    }

    private void collect(String id, com.fasterxml.jackson.databind.JsonNode node, Map<String, String> out) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            String ref = node.path("$ref").asText();
            String base = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            String decoded = Resolver.decode(base);
            String target = base.isEmpty() || decoded == null ? null : Resolver.target(this, id, decoded);
            if (target != null && files.containsKey(target)) {
                out.put(base, target);
            }
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("enum")
                    && !e.getKey().equals("const")
                    && !e.getKey().equals("self")) {
                collect(id, e.getValue(), out);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collect(id, child, out));
        }
    }

    /** {@code definitions/product/1-0} for {@code .reflekt/definitions/product/1-0.json}. */
    public static String label(String id) {
        String s =
                id.startsWith(ReflektProject.META_DIR + "/") ? id.substring(ReflektProject.META_DIR.length() + 1) : id;
        return s.endsWith(".json") ? s.substring(0, s.length() - 5) : s;
    }
}
