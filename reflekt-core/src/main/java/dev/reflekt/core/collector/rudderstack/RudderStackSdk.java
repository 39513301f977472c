package dev.reflekt.core.collector.rudderstack;

import dev.reflekt.core.collector.segment.AnalyticsJavaSdk;

/**
 * RudderStack: its Java SDK ({@code com.rudderstack.sdk.java.analytics:analytics}, a fork of Segment's, messages in
 * {@code com.rudderstack.sdk.java.analytics.messages}) and RudderStack JS.
 */
public final class RudderStackSdk extends AnalyticsJavaSdk {

    public RudderStackSdk() {
        super(
                "RudderStackMessages",
                "com.rudderstack.sdk.java.analytics.messages",
                "com.rudderstack.sdk.java.analytics:analytics",
                "RudderStack");
    }

    @Override
    public String name() {
        return "rudderstack";
    }
}
