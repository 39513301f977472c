package app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amplitude.Amplitude;
import com.amplitude.AmplitudeCallbacks;
import com.amplitude.Event;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app's tracking, as its integration test runs it: through the real Amplitude SDK, to the collector it is given. */
class SendEventsIT {

    private static final String URL = System.getProperty("collector.url");

    @Test
    void tracksAnOrder() throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(2);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Amplitude amplitude = Amplitude.getInstance("it");
        amplitude.init("it-api-key-canary-9K4");
        amplitude.setServerUrl(URL + "/2/httpapi");
        amplitude.setCallbacks(new AmplitudeCallbacks() {
            @Override
            public void onLogEventServerResponse(Event event, int status, String message) {
                statuses.add(status);
                answered.countDown();
            }
        });
        amplitude.logEvent(new Event("$identify", "user-1")
                .setUserProperties(Map.of("$set", Map.of("plan", "pro"))));
        amplitude.logEvent(new Event("Order Completed", "user-1")
                .setEventProperties(Map.of(
                        "order_id", "o-canary-7Q2", "revenue", 12.5, "shipping", Map.of("city", "Paris"))));
        amplitude.flushEvents();
        assertTrue(answered.await(30, TimeUnit.SECONDS), "the collector answered every event");
        assertEquals(List.of(200, 200), statuses);
        amplitude.shutdown();
    }
}
