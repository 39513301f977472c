package dev.reflekt.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Copying and deleting folder trees, for the outputs that are assembled aside and swapped in. */
public final class FileTrees {

    private FileTrees() {}

    /** Copies {@code from} into {@code to}, replacing files that exist. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Copies {@code from} into {@code to} without following or copying symbolic links: a link in an output
     * folder could point anywhere, so it is left behind rather than read or written through.
     */
    public static void copyWithoutLinks(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Whether two folders hold the same relative paths with the same bytes (links compared as paths). */
    public static boolean sameTree(Path a, Path b) throws IOException {
        Map<String, Path> left = listing(a);
        Map<String, Path> right = listing(b);
        if (!left.keySet().equals(right.keySet())) {
            return false;
        }
        for (Map.Entry<String, Path> e : left.entrySet()) {
            Path l = e.getValue();
            Path r = right.get(e.getKey());
            boolean lf = Files.isRegularFile(l, LinkOption.NOFOLLOW_LINKS);
            if (lf != Files.isRegularFile(r, LinkOption.NOFOLLOW_LINKS) || (lf && Files.mismatch(l, r) != -1)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Path> listing(Path root) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root))
                    .forEach(p -> out.put(root.relativize(p).toString(), p));
        }
        return out;
    }

    /** Deletes {@code root} and everything in it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
