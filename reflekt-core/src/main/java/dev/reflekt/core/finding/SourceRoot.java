package dev.reflekt.core.finding;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where report paths start: the git work tree that holds the project, so that code scanning and
 * annotations point at the right file when the Reflekt project is a subfolder
 * ({@code examples/jaffle-shop/schemas/...}); the project folder itself outside git.
 *
 * @param root the folder paths are relative to (absolute)
 * @param prefix the project folder relative to {@code root}, with a trailing {@code /}, or empty
 */
public record SourceRoot(Path root, String prefix) {

    /** No prefix: paths relative to the project (for tests and callers that know no folder). */
    public static final SourceRoot NONE = new SourceRoot(null, "");

    /** The root for {@code projectDir}: the nearest folder above it (or it) holding {@code .git}. */
    public static SourceRoot of(Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        for (Path p = project; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                String relative = p.relativize(project).toString().replace('\\', '/');
                return new SourceRoot(p, relative.isEmpty() ? "" : relative + "/");
            }
        }
        return new SourceRoot(project, "");
    }

    /** A project-relative path ({@code schemas/...}) relative to the root. */
    public String path(String projectRelative) {
        return prefix + projectRelative;
    }

    /** The root as a {@code file:} URI ending in {@code /}, or null for {@link #NONE}. */
    public String uri() {
        if (root == null) {
            return null;
        }
        String u = root.toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }
}
