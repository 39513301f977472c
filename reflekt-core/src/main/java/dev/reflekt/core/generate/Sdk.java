package dev.reflekt.core.generate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tracking SDK that generated code hands events to: one implementation per collector (in {@code sdk/}), so
 * that nothing else asks which SDK it is. Each collector's package declares its SDK in
 * {@code META-INF/services/dev.reflekt.core.generate.Sdk}. Generated event classes never depend on an SDK; only the adapter
 * (Java) and the track functions (TypeScript) do.
 */
public interface Sdk {

    /** The name users configure ({@code segment}, {@code rudderstack}, {@code snowplow}, {@code none}). */
    String name();

    /**
     * The Java adapter for {@code events} in package {@code pkg}: a class name and its body after the package
     * line, or empty when the SDK has none.
     */
    Optional<JavaClass> javaAdapter(String pkg, List<EventType> events);

    /**
     * The type names the Java adapter and the TypeScript client declare ({@code SegmentMessages},
     * {@code TrackClient}): no generated type takes one.
     */
    Set<String> typeNames();

    /** A Java source: the simple class name and the text after the header (package line included). */
    record JavaClass(String name, String text) {}

    /**
     * TypeScript declarations the track functions use (the client's structural type), or empty when there are
     * no track functions.
     */
    String tsClient();

    /**
     * The body of {@code track<Event>(client, properties, options?)} for {@code event}, which sends
     * {@code payload} (an expression holding the properties with constants filled in); empty when the SDK has
     * no track functions.
     */
    String tsTrack(EventType event, String payload);
}
