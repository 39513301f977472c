package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.events.LocalCollector;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Starts the local collector for integration tests (phase {@code pre-integration-test}): an HTTP server on 127.0.0.1
 * speaking Segment's and RudderStack's HTTP APIs, Snowplow's tracker protocol and Amplitude's upload APIs (with
 * {@code reflekt.collector.https}, on an HTTPS port too), recording every event it receives to
 * {@code target/reflekt/events/<api>.ndjson}. Its URL is the project property {@code reflekt.collector.url}: hand it
 * to the app under test (failsafe's {@code systemPropertyVariables}). {@code collector-stop} stops it;
 * {@code check-events} at {@code verify} checks the recording.
 */
@Mojo(name = "collector-start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class CollectorStartMojo extends AbstractCollectorMojo {

    @Override
    protected String goal() {
        return "collector-start";
    }

    @Override
    protected void run(Path dir) throws ReflektException {
        if (project.getContextValue(RUNNING) instanceof LocalCollector running) {
            getLog().warn("Reflekt collector: already running at " + running.url() + "; this start does nothing");
            return;
        }
        CollectorCommand.Request request = request();
        LocalCollector collector = CollectorCommand.start(request, new LocalCollector.Listener() {
            @Override
            public void refused(String what, int status, String why) {
                getLog().warn("Reflekt collector: refused " + what + " (" + status + "): " + why);
            }
        });
        project.setContextValue(RUNNING, collector);
        project.getProperties().setProperty("reflekt.collector.url", collector.url());
        getLog().info("Reflekt collector: listening on " + served(collector.url()) + ", recording to " + request.shown()
                + "; reflekt.collector.url=" + collector.url());
        if (collector.httpsUrl().isPresent()) {
            String store = collector.trustStore().orElseThrow().toString();
            project.getProperties()
                    .setProperty(
                            "reflekt.collector.https.url", collector.httpsUrl().get());
            project.getProperties().setProperty("reflekt.collector.truststore", store);
            getLog().info("Reflekt collector: and on " + collector.httpsUrl().get() + " (HTTPS: the app's JVM trusts it"
                    + " with -Djavax.net.ssl.trustStore=${reflekt.collector.truststore}"
                    + " -Djavax.net.ssl.trustStorePassword=changeit); reflekt.collector.https.url="
                    + collector.httpsUrl().get());
        }
    }
}
