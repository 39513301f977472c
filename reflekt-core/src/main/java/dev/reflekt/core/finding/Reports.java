package dev.reflekt.core.finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Writes the report files of a check into one folder ({@code target/reflekt/} by default). */
public final class Reports {

    private static final AtomicLong TEMP = new AtomicLong();

    private Reports() {}

    /** The SARIF file of check {@code name}: {@code lint.sarif}. */
    public static String sarifName(String name) {
        return name + ".sarif";
    }

    /** The JUnit XML file of check {@code name}: {@code TEST-reflekt-lint.xml}. */
    public static String junitName(String name) {
        return "TEST-reflekt-" + name + ".xml";
    }

    /** Writes {@code <name>.sarif} and {@code TEST-reflekt-<name>.xml}, each atomically. */
    public static void write(
            Path folder,
            String name,
            CheckResult result,
            List<? extends Rule> rules,
            boolean failOnWarning,
            String toolVersion)
            throws IOException {
        write(folder, name, result, rules, failOnWarning, toolVersion, SourceRoot.NONE);
    }

    /** As above, with the paths in both files relative to {@code root} (the git work tree). */
    public static void write(
            Path folder,
            String name,
            CheckResult result,
            List<? extends Rule> rules,
            boolean failOnWarning,
            String toolVersion,
            SourceRoot root)
            throws IOException {
        Files.createDirectories(folder);
        writeAtomically(folder.resolve(sarifName(name)), SarifReport.render(result, rules, toolVersion, root));
        writeAtomically(folder.resolve(junitName(name)), JUnitReport.render(result, name, failOnWarning, root));
    }

    /** Writes to a temporary file beside {@code target}, then moves it into place. */
    public static void writeAtomically(Path target, String content) throws IOException {
        // a name unique to this process and call, without createTempFile's SecureRandom (slow to seed)
        Path tmp = target.resolveSibling("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "-" + TEMP.incrementAndGet() + ".tmp");
        try {
            // getBytes writes an unpaired surrogate half (valid in a JSON string, not in UTF-8) as '?' where
            // writeString would refuse the whole report
            Files.write(
                    tmp,
                    content.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
