package dev.reflekt.core.collector.segment;

/** Segment: analytics-java's {@code TrackMessage}/{@code IdentifyMessage}/{@code GroupMessage}, analytics.js. */
public final class SegmentSdk extends AnalyticsJavaSdk {

    public SegmentSdk() {
        super("SegmentMessages", "com.segment.analytics.messages", "com.segment.analytics.java:analytics", "Segment");
    }

    @Override
    public String name() {
        return "segment";
    }
}
