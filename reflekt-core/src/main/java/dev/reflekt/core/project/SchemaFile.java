package dev.reflekt.core.project;

import java.nio.file.Path;

/**
 * An event schema file found under {@code schemas/}.
 *
 * @param path the file
 * @param id the path relative to {@code schemas/} with forward slashes, which is what its {@code $id}
 *     must be ({@code jaffle_shop/Order_Completed/1-0.json})
 */
public record SchemaFile(Path path, String id) implements Comparable<SchemaFile> {

    /** The path relative to the project directory, as messages print it ({@code schemas/...}). */
    public String displayPath() {
        return ReflektProject.SCHEMAS_DIR + "/" + id;
    }

    @Override
    public int compareTo(SchemaFile other) {
        return id.compareTo(other.id);
    }
}
