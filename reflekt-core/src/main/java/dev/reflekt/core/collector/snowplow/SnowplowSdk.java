package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.generate.EventType;
import dev.reflekt.core.generate.Sdk;
import dev.reflekt.core.internal.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Snowplow: every event is a self-describing event naming its schema by Iglu URI, sent with the Java tracker's
 * {@code SelfDescribing} ({@code com.snowplowanalytics:snowplow-java-tracker}) or the browser tracker's
 * {@code trackSelfDescribingEvent}; every entity ({@code self.kind: entity}) a context attached to events, a
 * {@code SelfDescribingJson} for the Java tracker's {@code customContext} or {@code {schema, data}} for the browser
 * tracker's {@code context}.
 */
public final class SnowplowSdk implements Sdk {

    @Override
    public String name() {
        return "snowplow";
    }

    @Override
    public Optional<JavaClass> javaAdapter(String pkg, List<EventType> events) {
        List<Map<String, Object>> types = new ArrayList<>();
        for (EventType e : events) {
            types.add(Map.of("type", e.typeName(), "entity", e.call() == EventType.Call.ENTITY));
        }
        String text = Templates.render(
                "dev/reflekt/core/collector/snowplow/SnowplowEvents.java.vm", Map.of("pkg", pkg, "events", types));
        return Optional.of(new JavaClass("SnowplowEvents", text));
    }

    @Override
    public String tsClient() {
        return Templates.render("dev/reflekt/core/collector/snowplow/client.ts.vm", Map.of());
    }

    @Override
    public String tsTrack(EventType event, String payload) {
        return Templates.render(
                "dev/reflekt/core/collector/snowplow/track.ts.vm",
                Map.of("entity", event.call() == EventType.Call.ENTITY, "type", event.typeName(), "payload", payload));
    }

    @Override
    public Set<String> typeNames() {
        return Set.of("SnowplowEvents", "SnowplowClient", "SelfDescribingJson");
    }
}
