package dev.reflekt.core.finding;

import dev.reflekt.core.internal.LogText;
import java.util.List;

/** GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...::message}). */
public final class GithubAnnotations {

    private GithubAnnotations() {}

    /** One workflow command per finding. */
    public static List<String> render(List<Finding> findings) {
        return render(findings, SourceRoot.NONE);
    }

    /** One workflow command per finding, its file relative to {@code root} (GitHub wants the repository's). */
    public static List<String> render(List<Finding> findings, SourceRoot root) {
        return findings.stream().map(f -> line(f, root)).toList();
    }

    static String line(Finding f) {
        return line(f, SourceRoot.NONE);
    }

    static String line(Finding f, SourceRoot root) {
        return "::" + command(f.severity()) + " file=" + property(root.path(f.file())) + ",line=" + f.line() + ",col="
                + f.column() + ",title=" + property("reflekt " + f.rule().id()) + "::" + data(f.text());
    }

    /** GitHub's workflow command for a severity: {@code error}, {@code warning}, or {@code notice} for info. */
    private static String command(Severity severity) {
        return severity == Severity.INFO ? "notice" : severity.label();
    }

    /** GitHub's escapes for line breaks and {@code %}; other controls as visible text ({@link LogText}). */
    private static String data(String s) {
        return LogText.line(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
