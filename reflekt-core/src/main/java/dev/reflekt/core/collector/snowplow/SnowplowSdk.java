package dev.reflekt.core.collector.snowplow;

import dev.reflekt.core.generate.EventType;
import dev.reflekt.core.generate.Sdk;
import java.util.List;
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

    private static final String EVENTS = "com.snowplowanalytics.snowplow.tracker.events";

    @Override
    public String name() {
        return "snowplow";
    }

    @Override
    public Optional<JavaClass> javaAdapter(String pkg, List<EventType> events) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n");
        out.append("/**\n * Snowplow self-describing events from the generated events:"
                + " {@code tracker.track(SnowplowEvents.selfDescribing(event).build())},\n * and contexts from the"
                + " generated entities: {@code selfDescribing(event).customContext(List.of(SnowplowEvents.context("
                + "entity)))}.\n"
                + " * Compiles against {@code com.snowplowanalytics:snowplow-java-tracker}, which the application adds;"
                + " the events\n * themselves need only the JDK.\n */\n");
        out.append("public final class SnowplowEvents {\n\n    private SnowplowEvents() {}\n");
        for (EventType e : events) {
            if (e.call() == EventType.Call.ENTITY) {
                out.append("\n    /** A context of entity {@code ")
                        .append(e.typeName())
                        .append("}, naming its schema by Iglu URI, for {@code customContext}. */\n")
                        .append("    public static com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson")
                        .append(" context(")
                        .append(e.typeName())
                        .append(" entity) {\n        return new ")
                        .append("com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson(")
                        .append("entity.schemaUri(), entity.properties());\n    }\n");
                continue;
            }
            out.append("\n    /** A self-describing event of {@code ")
                    .append(e.typeName())
                    .append("}, naming its schema by Iglu URI; add a subject or contexts before {@code build()}. */\n")
                    .append("    public static ")
                    .append(EVENTS)
                    .append(".SelfDescribing.Builder<?> selfDescribing(")
                    .append(e.typeName())
                    .append(" event) {\n        return ")
                    .append(EVENTS)
                    .append(".SelfDescribing.builder()\n                .eventData(new ")
                    .append("com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson(")
                    .append("event.schemaUri(), event.properties()));\n    }\n");
        }
        out.append("}\n");
        return Optional.of(new JavaClass("SnowplowEvents", out.toString()));
    }

    @Override
    public String tsClient() {
        return """
                /**
                 * What track functions need of Snowplow's browser tracker: pass the module
                 * (`import * as snowplow from '@snowplow/browser-tracker'`).
                 */
                export interface SnowplowClient {
                  trackSelfDescribingEvent(event: { event: SelfDescribingJson; context?: SelfDescribingJson[] }): void;
                }

                /** A self-describing JSON: an event's or a context's schema (Iglu URI) and data. */
                export interface SelfDescribingJson {
                  schema: string;
                  data: Record<string, unknown>;
                }
                """;
    }

    @Override
    public String tsTrack(EventType event, String payload) {
        String type = event.typeName();
        if (event.call() == EventType.Call.ENTITY) {
            return "export function context" + type + "(properties: " + type + "): SelfDescribingJson {\n  return {"
                    + " schema: " + type + "Schema.uri, data: " + payload + " };\n}\n";
        }
        return "export function track" + type + "(client: SnowplowClient, properties: " + type
                + ", context?: SelfDescribingJson[]): void {\n  client.trackSelfDescribingEvent({ event: { schema: "
                + type + "Schema.uri, data: " + payload + " }, context });\n}\n";
    }

    @Override
    public Set<String> typeNames() {
        return Set.of("SnowplowEvents", "SnowplowClient", "SelfDescribingJson");
    }
}
