package dev.reflekt.core.events;

import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.LogText;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the foreground collector prints: one line per event received, {@code ✓} when the plan accepts it, {@code !}
 * when it has warnings only, {@code ✗} with its findings (paths and rules, never a value unless asked) otherwise, as
 * Snowplow Micro shows good and bad events; one line per refused request. Every line is inert log text.
 */
public final class CollectorConsole implements LocalCollector.Listener {

    private final EventCheck check;
    private final Consumer<String> out;

    public CollectorConsole(EventCheck check, Consumer<String> out) {
        this.check = check;
        this.out = out;
    }

    @Override
    public synchronized void event(SentEvent event) {
        List<Finding> findings = check.check(event);
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean warnings = findings.stream().anyMatch(f -> f.severity() == Severity.WARNING);
        String mark = errors ? "✗" : warnings ? "!" : "✓";
        out.accept(LogText.line(mark + " " + event.call() + " '" + EventCheck.shown(event.name()) + "'  "
                + event.where().file() + ":" + event.where().line()));
        for (Finding f : findings) {
            out.accept(
                    LogText.line("    " + f.severity().label() + " [" + f.rule().id() + "] " + f.text()));
        }
    }

    @Override
    public synchronized void refused(String request, int status, String why) {
        out.accept(LogText.line("✗ " + request + " refused (" + status + "): " + why));
    }
}
