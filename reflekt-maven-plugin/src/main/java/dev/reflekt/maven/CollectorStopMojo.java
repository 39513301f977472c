package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.CollectorCommand;
import dev.reflekt.core.events.LocalCollector;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Stops the local collector {@code collector-start} started (phase {@code post-integration-test}) and says what it
 * recorded.
 */
@Mojo(name = "collector-stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class CollectorStopMojo extends AbstractCollectorMojo {

    @Override
    protected String goal() {
        return "collector-stop";
    }

    @Override
    protected void run(Path dir) throws ReflektException {
        if (!(project.getContextValue(RUNNING) instanceof LocalCollector collector)) {
            getLog().info("Reflekt collector: none running in this project; nothing to stop");
            return;
        }
        project.setContextValue(RUNNING, null);
        Map<String, Integer> recorded = CollectorCommand.stop(collector);
        String shown = request().shown();
        getLog().info("Reflekt collector: stopped; recorded "
                + (recorded.isEmpty()
                        ? "nothing"
                        : recorded.entrySet().stream()
                                .map(e -> e.getValue() + " in " + shown + "/" + e.getKey())
                                .collect(Collectors.joining(", ")))
                + (collector.refused() > 0
                        ? "; refused " + collector.refused() + " request(s), see the warnings"
                        : ""));
    }
}
