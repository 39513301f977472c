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

    /** A definition file: its parsed tree, or why it could not be read. */
    public record Loaded(String id, LocatedTree tree, String error, Position errorAt) {

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
        for (SchemaFile f : found) {
            try {
                files.put(f.id(), new Loaded(f.id(), reader.readJson(f.path()), null, null));
            } catch (ParseException e) {
                files.put(f.id(), new Loaded(f.id(), null, e.reason(), e.position()));
            } catch (IOException e) {
                files.put(f.id(), new Loaded(f.id(), null, "cannot read the file: " + e.getMessage(), Position.START));
            }
        }
        return new Definitions(files);
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
                files.put(id, new Loaded(id, reader.readJson(new String(bytes, StandardCharsets.UTF_8)), null, null));
            } catch (ParseException e) {
                files.put(id, new Loaded(id, null, e.reason(), e.position()));
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
