package dev.reflekt.core.report;

import java.util.List;

/** GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...::message}). */
public final class GithubAnnotations {

    private GithubAnnotations() {}

    /** One workflow command per finding. */
    public static List<String> render(List<Finding> findings) {
        return findings.stream().map(GithubAnnotations::line).toList();
    }

    static String line(Finding f) {
        return "::" + f.severity().label() + " file=" + property(f.file()) + ",line=" + f.line() + ",col=" + f.column()
                + ",title=" + property("reflekt " + f.rule().id()) + "::" + data(f.text());
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
