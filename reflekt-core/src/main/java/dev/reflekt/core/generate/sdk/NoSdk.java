package dev.reflekt.core.generate.sdk;

import dev.reflekt.core.generate.EventType;
import dev.reflekt.core.generate.Sdk;
import java.util.List;
import java.util.Optional;

/** No SDK: the event types only, for applications that send events their own way. */
public final class NoSdk implements Sdk {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Optional<JavaClass> javaAdapter(String pkg, List<EventType> events) {
        return Optional.empty();
    }

    @Override
    public String tsClient() {
        return "";
    }

    @Override
    public String tsTrack(EventType event, String payload) {
        return "";
    }
}
