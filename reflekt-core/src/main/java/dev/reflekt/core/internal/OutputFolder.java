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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder that holds only generated files and is replaced as a whole: assembled beside its place, then swapped
 * in with two renames, so a reader sees the old content or the new, never a mix. A marker file lists what Reflekt
 * wrote; a folder that is not empty and has no marker belongs to someone else and is never replaced. When the
 * content would not change the folder is left alone (its timestamps too, so incremental compilers stay quiet).
 */
public final class OutputFolder {

    /** The marker: the list of generated files, one per line. */
    public static final String MARKER = ".reflekt-generated";

    private static final Pattern RELATIVE =
            Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$.\\-]*(/[A-Za-z0-9_$][A-Za-z0-9_$.\\-]*)*");

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
            if (!RELATIVE.matcher(relative).matches() || relative.contains("..")) {
                throw new IllegalArgumentException("not a plain relative path: " + relative);
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
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        ScratchFolders.cleanStale(parent, name);
        Path scratch = ScratchFolders.create(parent, name, "build");
        Path old = null;
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = scratch.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue().getBytes(StandardCharsets.UTF_8)); // an unpaired surrogate becomes ?
            }
            Files.write(scratch.resolve(MARKER), marker.getBytes(StandardCharsets.UTF_8));
            if (exists) {
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
