package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.events.CollectorConsole;
import dev.reflekt.core.events.EventCheck;
import dev.reflekt.core.events.IngestionApis;
import dev.reflekt.core.events.LocalCollector;
import dev.reflekt.core.events.PayloadFormats;
import dev.reflekt.core.events.Plan;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code reflekt:collector-start}, {@code collector-stop} and {@code collector}: the local collector, recording what
 * apps send for {@code check-events}, or (in the foreground) also checking each event as it arrives.
 */
public final class CollectorCommand {

    private CollectorCommand() {}

    /**
     * How to run the collector.
     *
     * @param port the port on 127.0.0.1; 0 for a free one
     * @param folder where recordings go
     * @param shown that folder as users read paths
     * @param maxBytes the most one run records
     * @param https whether it also listens for HTTPS (Amplitude's Java SDK speaks nothing else)
     */
    public record Request(int port, Path folder, String shown, long maxBytes, boolean https) {

        /** Plain HTTP only. */
        public Request(int port, Path folder, String shown, long maxBytes) {
            this(port, folder, shown, maxBytes, false);
        }
    }

    /** Starts recording; {@code listener} hears of each event and each refused request. */
    public static LocalCollector start(Request request, LocalCollector.Listener listener) throws ReflektException {
        try {
            return LocalCollector.start(
                    new LocalCollector.Options(
                            request.port(), request.folder(), request.shown(), request.maxBytes(), request.https()),
                    IngestionApis.all(),
                    PayloadFormats.all(),
                    listener);
        } catch (BindException e) {
            throw new ReflektException("The local collector cannot listen on 127.0.0.1:" + request.port() + " ("
                    + e.getMessage() + "); set reflekt.collector.port to a free port, or 0 to take any.");
        } catch (IOException e) {
            throw new ReflektException("The local collector cannot start: " + e.getMessage());
        }
    }

    /**
     * Starts recording and checks each event against the selected schemas of {@code project} as it arrives, printing
     * one line per event to {@code out} (the foreground collector).
     */
    public static LocalCollector startChecking(
            ReflektProject project,
            Request request,
            String select,
            Severities severities,
            EventCheck.Options options,
            Consumer<String> out)
            throws ReflektException {
        Plan plan = Plan.of(Definitions.of(project), project.select(select));
        return start(request, new CollectorConsole(new EventCheck(plan, severities, options), out));
    }

    /** Stops {@code collector} and closes its recordings; what it recorded, per recording file. */
    public static java.util.Map<String, Integer> stop(LocalCollector collector) throws ReflektException {
        try {
            collector.close();
        } catch (IOException e) {
            throw new ReflektException("Cannot close the collector's recordings: " + e.getMessage());
        }
        return collector.recorded();
    }
}
