package dev.reflekt.core.definitions;

import dev.reflekt.core.internal.json.Position;
import dev.reflekt.core.project.ReflektProject;

/**
 * Why a {@code $ref} cannot be used, located in the file that holds it.
 *
 * @param file the file's id (path relative to {@code schemas/})
 * @param pointer the JSON Pointer of the object holding the {@code $ref} in that file
 * @param at its position
 * @param message what is wrong
 * @param hint how to fix it
 */
public record RefProblem(String file, String pointer, Position at, String message, String hint) {

    /** {@code schemas/x/1-0.json:4:9: message; hint}. */
    public String describe() {
        return ReflektProject.SCHEMAS_DIR + "/" + file + ":" + at + ": " + message + "; " + hint + ".";
    }
}
