package dev.reflekt.core.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders an output is assembled in beside its final place: {@code .<name>-build-<pid>-<random>}. They
 * carry the id of the process that made them, so that the next run can delete those of a process that is
 * gone (killed mid-build) without touching those of a build still running. They are made like any other
 * folder (the umask decides their permissions), since the build folder becomes the output.
 */
public final class ScratchFolders {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ScratchFolders() {}

    /** Creates a new scratch folder for {@code name} in {@code parent}; {@code kind} is {@code build} or {@code old}. */
    public static Path create(Path parent, String name, String kind) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(candidate(parent, name, kind));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A free name for a scratch folder (not created), to move a folder to. */
    public static Path reserve(Path parent, String name, String kind) {
        Path p;
        do {
            p = candidate(parent, name, kind);
        } while (Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        return p;
    }

    private static Path candidate(Path parent, String name, String kind) {
        return parent.resolve("." + name + "-" + kind + "-"
                + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
    }

    /** Deletes the scratch folders of {@code name} whose process is no longer running. */
    public static void cleanStale(Path parent, String name) throws IOException {
        List<Path> found;
        try (Stream<Path> list = Files.list(parent)) {
            found = list.filter(p -> {
                        String f = p.getFileName().toString();
                        return f.startsWith("." + name + "-build-") || f.startsWith("." + name + "-old-");
                    })
                    .toList();
        }
        for (Path p : found) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String rest = p.getFileName().toString().substring(name.length() + 2);
            String[] parts = rest.split("-");
            long pid = -1;
            if (parts.length >= 3) {
                try {
                    pid = Long.parseLong(parts[1]);
                } catch (NumberFormatException e) {
                    pid = -1; // an older build's folder (no pid in its name): stale
                }
            }
            boolean running =
                    pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!running) {
                FileTrees.delete(p);
            }
        }
    }
}
