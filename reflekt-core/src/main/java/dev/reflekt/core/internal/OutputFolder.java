package dev.reflekt.core.internal;

import dev.reflekt.core.ReflektException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The only writer of generated folders. A folder is assembled beside its place, then swapped in with two renames, so
 * a reader sees the old content or the new, never a mix; every file name goes through {@link SafePath}. When the
 * content would not change the folder is left alone (its timestamps too, so incremental compilers stay quiet).
 *
 * <p>Two kinds: {@link #replace} for a folder that holds only generated files (a marker file lists them; a folder
 * that is not empty and has no marker belongs to someone else and is never replaced), and {@link #update} for a
 * folder a user may add to (the dbt package: the caller's manifest says what an earlier run generated; the rest
 * stays).
 */
public final class OutputFolder {

    /** The marker: the list of generated files, one per line. */
    public static final String MARKER = ".reflekt-generated";

    private OutputFolder() {}

    /**
     * Makes {@code target} hold exactly {@code files} (relative path to UTF-8 text).
     *
     * @return whether the folder changed
     * @throws ReflektException when {@code target} holds files Reflekt did not write
     */
    public static boolean replace(Path target, Map<String, String> files, Function<Path, String> display)
            throws IOException, ReflektException {
        for (String relative : files.keySet()) {
            for (String segment : relative.split("/", -1)) {
                String problem = SafePath.problem(segment);
                if (problem != null) {
                    throw new ReflektException("Cannot write '" + LogText.line(relative) + "' in "
                            + display.apply(target) + ": its path has " + problem + "; rename it.");
                }
            }
        }
        String marker = String.join("\n", new TreeSet<>(files.keySet())) + "\n";
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new ReflektException(display.apply(target) + " is not a folder; choose another output folder.");
            }
            boolean ours = Files.isRegularFile(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
            if (!ours && !empty(target)) {
                throw new ReflektException(display.apply(target) + " holds files Reflekt did not generate (no " + MARKER
                        + "); choose an empty or new output folder: generating replaces the whole folder.");
            }
            if (ours && same(target, files, marker)) {
                return false;
            }
        }
        Map<String, String> all = new java.util.TreeMap<>(files);
        all.put(MARKER, marker);
        try {
            return swap(target, all, null, null);
        } catch (Refused e) {
            throw new ReflektException("Cannot write '" + LogText.line(e.relative()) + "' in " + display.apply(target)
                    + ": a link there leads out of the folder; remove the link.");
        }
    }

    /** A file name that is not plain, or that a link in the folder leads out of it. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final String relative;

        Refused(String relative) {
            super(relative, null, false, false);
            this.relative = relative;
        }

        /** The name as the caller gave it. */
        public String relative() {
            return relative;
        }
    }

    /**
     * Makes {@code target} hold {@code files} and keep what a user added: the files of the present folder are kept
     * except those in {@code previous} (what an earlier run generated; their folders go when they empty) and
     * symbolic links (which could point anywhere). Nothing is touched when {@code target} already holds {@code
     * files} byte for byte and no link.
     *
     * @return whether the folder changed
     * @throws Refused when a name of {@code files} is not plain or leads out of the folder
     */
    public static boolean update(Path target, Map<String, String> files, Set<String> previous)
            throws IOException, Refused {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        ScratchFolders.cleanStale(parent, target.getFileName().toString());
        boolean exists = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && holds(target, files)) {
            return false;
        }
        return swap(target, files, exists ? target : null, previous);
    }

    /**
     * Assembles {@code files} (and, from {@code kept}, what is not in {@code previous}) in a scratch folder beside
     * {@code target} and swaps it in.
     */
    private static boolean swap(Path target, Map<String, String> files, Path kept, Set<String> previous)
            throws IOException, Refused {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        ScratchFolders.cleanStale(parent, name);
        Path scratch = ScratchFolders.create(parent, name, "build");
        Path old = null;
        try {
            if (kept != null) {
                FileTrees.copyWithoutLinks(kept, scratch, previous::contains);
            }
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = SafePath.create(scratch, e.getKey());
                if (file == null) {
                    throw new Refused(e.getKey());
                }
                Files.write(file, e.getValue().getBytes(StandardCharsets.UTF_8)); // an unpaired surrogate becomes ?
            }
            if (kept != null) {
                FileTrees.deleteEmptyFolders(scratch, previous);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = ScratchFolders.reserve(parent, name, "old");
                Files.move(target.toAbsolutePath(), old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(scratch, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            FileTrees.delete(scratch);
            if (old != null) {
                FileTrees.delete(old);
            }
        }
    }

    /** Whether {@code dir} already holds each of {@code files} byte for byte, and no link. */
    private static boolean holds(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                return false;
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.noneMatch(Files::isSymbolicLink);
        }
    }

    private static boolean empty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Whether {@code dir} holds exactly {@code files} and the marker, byte for byte. */
    private static boolean same(Path dir, Map<String, String> files, String marker) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
                    found.add(dir.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        Set<String> expected = new TreeSet<>(files.keySet());
        expected.add(MARKER);
        if (!found.equals(expected)) {
            return false;
        }
        if (!Files.readString(dir.resolve(MARKER), StandardCharsets.UTF_8).equals(marker)) {
            return false;
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            if (Files.isSymbolicLink(p)
                    || !Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
