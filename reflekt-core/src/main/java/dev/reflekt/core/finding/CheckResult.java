package dev.reflekt.core.finding;

import java.util.List;

/**
 * What a check (lint, breaking-change detection) found.
 *
 * @param files every checked file with its findings, sorted by path
 * @param elapsedMillis wall-clock time of the run
 */
public record CheckResult(List<FileResult> files, long elapsedMillis) {

    /**
     * One checked file (or, for checks of something other than files, one checked thing in a file).
     *
     * @param file the path relative to the project directory
     * @param name what was checked as reports name it (a JUnit test case): the file, or an event name
     * @param findings its findings in output order
     */
    public record FileResult(String file, String name, List<Finding> findings) {

        /** A checked file, named by its path. */
        public FileResult(String file, List<Finding> findings) {
            this(file, file, findings);
        }

        /** Whether any finding has this severity. */
        public boolean has(Severity severity) {
            return findings.stream().anyMatch(f -> f.severity() == severity);
        }
    }

    public CheckResult {
        files = List.copyOf(files);
    }

    /** All findings, in output order. */
    public List<Finding> findings() {
        return files.stream()
                .flatMap(f -> f.findings().stream())
                .sorted(Finding.ORDER)
                .toList();
    }

    /** How many findings have {@code severity}. */
    public long count(Severity severity) {
        return files.stream()
                .flatMap(f -> f.findings().stream())
                .filter(f -> f.severity() == severity)
                .count();
    }

    /** {@code 9 schemas, 2 errors, 1 warning in 41 ms}. */
    public String summary() {
        return plural(files.size(), "schema") + ", " + counts();
    }

    /** The errors, the warnings and the time: {@code 3 errors, 1 warning in 269 ms}. */
    public String counts() {
        return plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + " in "
                + elapsedMillis + " ms";
    }

    /** {@code 1 error}, {@code 2 warnings}. */
    public static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
