package dev.reflekt.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copying and deleting folder trees, for the outputs that are assembled aside and swapped in. */
public final class FileTrees {

    private FileTrees() {}

    /**
     * Copies {@code from} into {@code to} without following or copying symbolic links (a link in an output
     * folder could point anywhere, so it is left behind rather than read or written through), and without
     * the files whose relative path {@code skip} accepts.
     */
    public static void copyWithoutLinks(Path from, Path to, java.util.function.Predicate<String> skip)
            throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                String relative = from.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p) || (!relative.isEmpty() && skip.test(relative))) {
                    continue;
                }
                Path dest = to.resolve(relative);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Deletes the folders of {@code files} (paths relative to {@code root}) that are empty, deepest first. */
    public static void deleteEmptyFolders(Path root, java.util.Collection<String> files) throws IOException {
        java.util.TreeSet<Path> folders = new java.util.TreeSet<>(Comparator.reverseOrder());
        for (String f : files) {
            for (Path p = root.resolve(f).normalize().getParent();
                    p != null && p.startsWith(root) && !p.equals(root);
                    p = p.getParent()) {
                folders.add(p);
            }
        }
        for (Path folder : folders) {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        }
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
