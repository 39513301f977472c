package dev.reflekt.core.collector.amplitude;

import dev.reflekt.core.generate.EventType;
import dev.reflekt.core.generate.Sdk;
import dev.reflekt.core.internal.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Amplitude's SDKs: the Java SDK's {@code com.amplitude.Event} (an identify as a {@code $identify} event with
 * {@code $set}), the browser and Node SDKs' {@code track(eventType, eventProperties, options)} and
 * {@code identify(new Identify().set(...))}. Groups and Snowplow's entities have no adapter: Amplitude's group
 * identify is another API.
 */
public final class AmplitudeSdk implements Sdk {

    @Override
    public String name() {
        return "amplitude";
    }

    @Override
    public Optional<JavaClass> javaAdapter(String pkg, List<EventType> events) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EventType e : events) {
            if (e.call() == EventType.Call.TRACK || e.call() == EventType.Call.IDENTIFY) {
                out.add(Map.of("call", e.call().name(), "type", e.typeName()));
            }
        }
        return Optional.of(new JavaClass(
                "AmplitudeEvents",
                Templates.render(
                        "dev/reflekt/core/collector/amplitude/AmplitudeEvents.java.vm",
                        Map.of("pkg", pkg, "events", out, "identifyType", "$identify", "setOperation", "$set"))));
    }

    @Override
    public String tsClient() {
        return Templates.render("dev/reflekt/core/collector/amplitude/client.ts.vm", Map.of());
    }

    @Override
    public String tsTrack(EventType event, String payload) {
        if (event.call() != EventType.Call.TRACK && event.call() != EventType.Call.IDENTIFY) {
            return "";
        }
        return Templates.render(
                "dev/reflekt/core/collector/amplitude/track.ts.vm",
                Map.of("call", event.call().name(), "type", event.typeName(), "payload", payload));
    }

    @Override
    public Set<String> typeNames() {
        return Set.of("AmplitudeEvents", "AmplitudeClient", "AmplitudeIdentifyClient", "AmplitudeIdentify");
    }
}
