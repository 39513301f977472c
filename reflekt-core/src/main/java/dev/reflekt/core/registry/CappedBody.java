package dev.reflekt.core.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as UTF-8 text up to a limit: past it the stream is cancelled and the exchange fails
 * with {@link TooLarge}, so that an endless body never fills the memory. Can be cancelled from outside
 * when the exchange's time is up.
 */
final class CappedBody implements HttpResponse.BodyHandler<String> {

    /** The body passed the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("response body over " + limit + " bytes");
        }
    }

    private final long limit;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    CappedBody(long limit) {
        this.limit = limit;
    }

    /** Stops reading the body (the exchange's time is up). */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
        return new HttpResponse.BodySubscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private final CompletableFuture<String> result = new CompletableFuture<>();

            @Override
            public CompletionStage<String> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                if (cancelled) {
                    s.cancel();
                    return;
                }
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer b : buffers) {
                    if (bytes.size() + (long) b.remaining() > limit) {
                        subscription.cancel();
                        result.completeExceptionally(new TooLarge(limit));
                        return;
                    }
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    bytes.writeBytes(chunk);
                }
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toString(StandardCharsets.UTF_8));
            }
        };
    }
}
