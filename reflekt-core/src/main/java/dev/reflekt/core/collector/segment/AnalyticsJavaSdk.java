package dev.reflekt.core.collector.segment;

import dev.reflekt.core.generate.EventType;
import dev.reflekt.core.generate.Sdk;
import java.util.List;
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
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n");
        out.append("/**\n * Messages for ")
                .append(product)
                .append(" from the generated events: {@code analytics.enqueue(")
                .append(adapter)
                .append(".track(event).userId(id))}.\n * Compiles against {@code ")
                .append(artifact)
                .append("}, which the application adds; the events themselves need only the JDK.\n */\n");
        out.append("public final class ")
                .append(adapter)
                .append(" {\n\n    private ")
                .append(adapter)
                .append("() {}\n");
        for (EventType e : events) {
            if (e.call() == EventType.Call.ENTITY) {
                continue; // a Snowplow entity: this SDK has no contexts
            }
            out.append('\n');
            String type = e.typeName();
            switch (e.call()) {
                case ENTITY -> {}
                case IDENTIFY ->
                    out.append("    /** An identify message whose traits are {@code traits}; add the user id. */\n")
                            .append("    public static ")
                            .append(messages)
                            .append(".IdentifyMessage.Builder identify(")
                            .append(type)
                            .append(" traits) {\n        return ")
                            .append(messages)
                            .append(".IdentifyMessage.builder().traits(withoutNulls(traits.properties()));\n    }\n");
                case GROUP ->
                    out.append("    /** A group message for {@code groupId} whose traits are {@code traits}. */\n")
                            .append("    public static ")
                            .append(messages)
                            .append(".GroupMessage.Builder group(String groupId, ")
                            .append(type)
                            .append(" traits) {\n        return ")
                            .append(messages)
                            .append(
                                    ".GroupMessage.builder(groupId).traits(withoutNulls(traits.properties()));\n    }\n");
                case TRACK ->
                    out.append("    /** A track message for {@code ")
                            .append(type)
                            .append("}; add the user id or anonymous id. */\n")
                            .append("    public static ")
                            .append(messages)
                            .append(".TrackMessage.Builder track(")
                            .append(type)
                            .append(" event) {\n        return ")
                            .append(messages)
                            .append(
                                    ".TrackMessage.builder(event.name()).properties(withoutNulls(event.properties()));\n    }\n");
            }
        }
        out.append("""

                    /**
                     * The properties without those set to null: the SDK copies them into a map that refuses null values
                     * (and its JSON leaves nulls out anyway), so a property set to null is not sent.
                     */
                    private static java.util.Map<String, Object> withoutNulls(java.util.Map<String, Object> properties) {
                        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(properties);
                        out.values().removeIf(java.util.Objects::isNull);
                        return out;
                    }
                }
                """);
        return Optional.of(new JavaClass(adapter, out.toString()));
    }

    @Override
    public String tsClient() {
        return """
                /** What track functions need of an analytics client (analytics.js, RudderStack JS): pass it as it is. */
                export interface TrackClient {
                  track(event: string, properties?: Record<string, unknown>, options?: Record<string, unknown>): unknown;
                }

                /** What identify functions need of an analytics client. */
                export interface IdentifyClient {
                  identify(userId: string, traits?: Record<string, unknown>, options?: Record<string, unknown>): unknown;
                }

                /** What group functions need of an analytics client. */
                export interface GroupClient {
                  group(groupId: string, traits?: Record<string, unknown>, options?: Record<string, unknown>): unknown;
                }
                """;
    }

    @Override
    public String tsTrack(EventType event, String payload) {
        String type = event.typeName();
        return switch (event.call()) {
            case ENTITY -> ""; // a Snowplow entity: this SDK has no contexts
            case IDENTIFY ->
                "export function track" + type + "(client: IdentifyClient, userId: string, properties: "
                        + type + ", options?: Record<string, unknown>): void {\n  client.identify(userId, " + payload
                        + ", options);\n}\n";
            case GROUP ->
                "export function track" + type + "(client: GroupClient, groupId: string, properties: "
                        + type + ", options?: Record<string, unknown>): void {\n  client.group(groupId, " + payload
                        + ", options);\n}\n";
            case TRACK ->
                "export function track" + type + "(client: TrackClient, properties: " + type
                        + ", options?: Record<string, unknown>): void {\n  client.track(" + type + "Schema.name, "
                        + payload + ", options);\n}\n";
        };
    }

    @Override
    public Set<String> typeNames() {
        return Set.of(adapter, "TrackClient", "IdentifyClient", "GroupClient");
    }
}
