package dev.reflekt.maven;

import dev.reflekt.core.command.CollectorCommand;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** What the local collector's goals share: where it listens, where it records, how much. */
public abstract class AbstractCollectorMojo extends AbstractReflektMojo {

    /** The project's context key under which a running collector is kept from start to stop. */
    static final String RUNNING = "dev.reflekt.collector";

    /** The port on 127.0.0.1; {@code 0} takes a free one. Default {@code 0}; property {@code reflekt.collector.port}. */
    @Parameter(property = "reflekt.collector.port", defaultValue = "0")
    protected int port;

    /**
     * Where the recordings go ({@code segment.ndjson}, {@code snowplow.ndjson}), started afresh on each run. Default
     * {@code target/reflekt/events}, where {@code check-events} looks; property {@code reflekt.collector.folder}.
     */
    @Parameter(property = "reflekt.collector.folder")
    protected File folder;

    /**
     * The most one run records, in megabytes; requests past it are refused with 503. Default {@code 256}; property
     * {@code reflekt.collector.maxMegabytes}.
     */
    @Parameter(property = "reflekt.collector.maxMegabytes", defaultValue = "256")
    protected int maxMegabytes;

    /**
     * Also listen for HTTPS, on a free port, with a throwaway certificate for 127.0.0.1 made for this run: for SDKs
     * that speak nothing else (Amplitude's Java SDK). Its URL is the project property
     * {@code reflekt.collector.https.url}; the app's JVM trusts it through the trust store
     * {@code reflekt.collector.truststore} (PKCS12, password {@code changeit}). Default {@code false}; property
     * {@code reflekt.collector.https}.
     */
    @Parameter(property = "reflekt.collector.https", defaultValue = "false")
    protected boolean https;

    /** Skips the collector's goals. Default {@code false}; property {@code reflekt.collector.skip}. */
    @Parameter(property = "reflekt.collector.skip", defaultValue = "false")
    protected boolean skipCollector;

    @Override
    protected boolean isGoalSkipped() {
        return skipCollector;
    }

    @Override
    protected String skipProperty() {
        return "reflekt.collector.skip";
    }

    /** What to run. */
    protected CollectorCommand.Request request() {
        Path dir = folder == null
                ? defaultReportsDir().resolve("events")
                : baseDir().resolve(folder.toPath()).normalize();
        Path base = baseDir().toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        String shown = abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
        return new CollectorCommand.Request(port, dir, shown, Math.max(1, maxMegabytes) * 1024L * 1024L, https);
    }

    /** The paths the collector serves, for the log. */
    protected static String served(String url) {
        return url + " (Segment and RudderStack: /v1/batch, /v1/import, /v1/track...; Snowplow:"
                + " /com.snowplowanalytics.snowplow/tp2, /i; Amplitude:"
                + " /2/httpapi, /batch)";
    }
}
