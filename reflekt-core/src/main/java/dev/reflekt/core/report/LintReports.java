package dev.reflekt.core.report;

import dev.reflekt.core.lint.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the report files of a lint run into one folder ({@code target/reflekt/} by default). */
public final class LintReports {

    /** SARIF file name. */
    public static final String SARIF = "lint.sarif";
    /** JUnit XML file name. */
    public static final String JUNIT = "TEST-reflekt-lint.xml";

    private LintReports() {}

    /** Writes {@code lint.sarif} and {@code TEST-reflekt-lint.xml}, each atomically. */
    public static void write(Path folder, LintResult result, boolean failOnWarning, String toolVersion)
            throws IOException {
        Files.createDirectories(folder);
        writeAtomically(folder.resolve(SARIF), SarifReport.render(result, toolVersion));
        writeAtomically(folder.resolve(JUNIT), JUnitReport.render(result, failOnWarning));
    }

    /** Writes to a temporary file beside {@code target}, then moves it into place. */
    public static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
