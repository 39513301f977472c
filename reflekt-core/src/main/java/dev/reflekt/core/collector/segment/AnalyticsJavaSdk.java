package dev.reflekt.core.collector.segment;

import dev.reflekt.core.generate.EventType;
import dev.reflekt.core.generate.Sdk;
import dev.reflekt.core.internal.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Segment's and RudderStack's SDKs share: RudderStack's Java SDK is a fork of Segment's analytics-java with
 * the same message builders in another package, and both JavaScript SDKs take {@code track(event, properties,
 * options)}, {@code identify(userId, traits, options)} and {@code group(groupId, traits, options)}.
 */
public abstract class AnalyticsJavaSdk implements Sdk {

    private final String product;
    private final String adapter;
    private final String messages;
    private final String artifact;

    /**
     * @param adapter the adapter class's name
     * @param messages the Java package of the SDK's message builders
     * @param artifact the SDK's Maven coordinates, for the adapter's Javadoc
     * @param product the collector's name as its users write it ({@code Segment})
     */
    protected AnalyticsJavaSdk(String adapter, String messages, String artifact, String product) {
        this.product = product;
        this.adapter = adapter;
        this.messages = messages;
        this.artifact = artifact;
    }

    @Override
    public Optional<JavaClass> javaAdapter(String pkg, List<EventType> events) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (EventType e : events) {
            if (e.call() != EventType.Call.ENTITY) { // a Snowplow entity: this SDK has no contexts
                messages.add(Map.of("call", e.call().name(), "type", e.typeName()));
            }
        }
        String text = Templates.render(
                "dev/reflekt/core/collector/segment/Messages.java.vm",
                Map.of(
                        "pkg", pkg,
                        "product", product,
                        "adapter", adapter,
                        "artifact", artifact,
                        "messages", this.messages,
                        "events", messages));
        return Optional.of(new JavaClass(adapter, text));
    }

    @Override
    public String tsClient() {
        return Templates.render("dev/reflekt/core/collector/segment/client.ts.vm", Map.of());
    }

    @Override
    public String tsTrack(EventType event, String payload) {
        if (event.call() == EventType.Call.ENTITY) {
            return ""; // a Snowplow entity: this SDK has no contexts
        }
        return Templates.render(
                "dev/reflekt/core/collector/segment/track.ts.vm",
                Map.of("call", event.call().name(), "type", event.typeName(), "payload", payload));
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(adapter, "TrackClient", "IdentifyClient", "GroupClient");
    }
}
