package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.events.EventCheck;
import dev.reflekt.core.events.EventRule;
import dev.reflekt.core.events.LocalCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the local collector in the foreground for manual testing, as Snowplow Micro does: point an app (or a browser
 * page) at the URL it prints, and it prints one line per event received, {@code ✓} when the plan accepts it or
 * {@code ✗} with the findings (paths and rules, never a value unless {@code showValues}). It records as
 * {@code collector-start} does. Ctrl-C stops it. Runs with or without a pom.
 */
@Mojo(name = "collector", threadSafe = true, requiresProject = false)
public class CollectorMojo extends AbstractCollectorMojo {

    /** Which schemas make the plan, as {@code reflekt:lint} selects. Default: all; property {@code reflekt.select}. */
    @Parameter(property = "reflekt.select")
    private String select;

    /** Lines show the values sent. Default {@code false}; property {@code reflekt.checkEvents.showValues}. */
    @Parameter(property = "reflekt.checkEvents.showValues", defaultValue = "false")
    private boolean showValues;

    /** Severity per rule id, as {@code check-events}' {@code rules}. */
    @Parameter
    private Map<String, String> rules;

    /** The same as {@code rules}, as {@code id=severity} pairs; property {@code reflekt.checkEvents.rules}. */
    @Parameter(property = "reflekt.checkEvents.rules")
    private String rulesList;

    /**
     * Stops after this many seconds; {@code 0} runs until Ctrl-C. Default {@code 0}; property
     * {@code reflekt.collector.seconds}.
     */
    @Parameter(property = "reflekt.collector.seconds", defaultValue = "0")
    private int seconds;

    @Override
    protected String goal() {
        return "collector";
    }

    @Override
    protected void run(Path dir) throws ReflektException {
        CollectorCommand.Request request = request();
        LocalCollector collector = CollectorCommand.startChecking(
                loadProject(dir),
                request,
                select,
                AbstractCheckMojo.severities(rules, rulesList, List.of(EventRule.values())),
                new EventCheck.Options(false, showValues),
                getLog()::info);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            close(collector);
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        getLog().info("Reflekt collector: listening on " + served(collector.url()) + ", recording to " + request.shown()
                + (seconds > 0 ? "; stops in " + seconds + " s" : "; Ctrl-C stops it"));
        collector.httpsUrl().ifPresent(url -> getLog().info("Reflekt collector: and on " + url + " (HTTPS; trust store "
                + collector.trustStore().orElseThrow() + ", password changeit)"));
        try {
            if (seconds > 0) {
                stopped.await(seconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Ctrl-C: the hook has closed it
        }
        close(collector);
        getLog().info("Reflekt collector: stopped; "
                + collector.recorded().values().stream().mapToInt(i -> i).sum() + " events recorded in "
                + request.shown());
    }

    private static void close(LocalCollector collector) {
        try {
            CollectorCommand.stop(collector);
        } catch (ReflektException e) {
            // stopping: the recording is flushed after every request already
        }
    }
}
