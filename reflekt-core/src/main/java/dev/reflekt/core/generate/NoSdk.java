package dev.reflekt.core.generate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    @Override
    public Set<String> typeNames() {
        return Set.of();
    }
}
