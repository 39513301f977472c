package app;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.TrackMessage;
import com.snowplowanalytics.snowplow.tracker.Snowplow;
import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app's tracking, as its integration test runs it: through the real SDKs, to the collector it is given. */
class SendEventsIT {

    private static final String URL = System.getProperty("collector.url");
    private static final boolean FIXED = Boolean.getBoolean("app.fixed");

    @Test
    void tracksACheckout() {
        Analytics segment = Analytics.builder("it-write-key").endpoint(URL).build();
        segment.enqueue(TrackMessage.builder("Order Completed")
                .userId("u-1")
                .properties(Map.of("order_id", "o-1")));
        // bug 1: the cart id sent as a number
        segment.enqueue(TrackMessage.builder("Cart Viewed")
                .userId("u-1")
                .properties(Map.of("cart_id", FIXED ? "c-77123" : 77123)));
        // bug 2: the order id left out
        segment.enqueue(TrackMessage.builder("Order Completed")
                .userId("u-1")
                .properties(FIXED ? Map.of("order_id", "o-2") : Map.of("note", "canary-7Q2")));
        // bug 3: an event nobody planned
        if (!FIXED) {
            segment.enqueue(TrackMessage.builder("Mystery").userId("u-1"));
        }
        segment.flush();
        segment.shutdown();

        Tracker tracker = Snowplow.createTracker("app", "shop", URL);
        tracker.track(SelfDescribing.builder()
                .eventData(new SelfDescribingJson(
                        "iglu:com.example/Button_Press/jsonschema/1-0-0", Map.of("label", "Buy")))
                .build());
        tracker.close(); // sends what is buffered
    }
}
