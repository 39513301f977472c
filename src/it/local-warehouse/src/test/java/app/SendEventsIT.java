package app;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app's tracking, as its integration test runs it: through the real SDK, to the collector it is given. */
class SendEventsIT {

    private static final String URL = System.getProperty("collector.url");
    private static final int ROUND = Integer.getInteger("app.round", 1);

    @Test
    void tracksACheckout() {
        Analytics segment = Analytics.builder("it-write-key").endpoint(URL).build();
        segment.enqueue(IdentifyMessage.builder().userId("u-1").traits(Map.of("email", "canary-7Q2@example.com")));
        segment.enqueue(TrackMessage.builder("Cart Viewed")
                .userId("u-1")
                .properties(Map.of("cart_id", "c-1", "items", 3)));
        segment.enqueue(TrackMessage.builder("Order Completed")
                .userId("u-1")
                .properties(Map.of("order_id", "o-1", "revenue", 12.5, "coupon", "SAVE-77123")));
        if (ROUND >= 2) {
            // nobody planned this one
            segment.enqueue(TrackMessage.builder("Coupon Applied")
                    .userId("u-1")
                    .properties(Map.of("coupon", "SAVE-77123")));
        }
        segment.flush();
        segment.shutdown();
    }
}
