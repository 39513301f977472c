package dev.reflekt.core.registry;

import java.time.Duration;
import java.util.Random;

/**
 * How requests are retried: 429 and 5xx (and no response at all) are, with exponential backoff and
 * jitter, honouring {@code Retry-After} and {@code X-RateLimit-Reset}; other 4xx never are. Bounded by
 * attempts and by total time.
 *
 * @param maxAttempts attempts in all, first one included
 * @param maxTotal the time after which no new attempt starts
 * @param baseDelay the first backoff; doubled each retry, plus up to 50% jitter
 * @param maxDelay the longest single wait, whatever the server asks
 * @param connectTimeout connection timeout
 * @param requestTimeout timeout of each exchange, the whole response body included
 * @param deadline the time the goal may spend with the registry in all, waits included
 * @param maxBodyBytes the largest response body read; a larger one is an error
 */
public record RetryPolicy(
        int maxAttempts,
        Duration maxTotal,
        Duration baseDelay,
        Duration maxDelay,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration deadline,
        long maxBodyBytes) {

    /** The goal's default deadline with a registry: 5 minutes. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

    /** The default largest response body: 16 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

    /** A policy with the default deadline and body limit. */
    public RetryPolicy(
            int maxAttempts,
            Duration maxTotal,
            Duration baseDelay,
            Duration maxDelay,
            Duration connectTimeout,
            Duration requestTimeout) {
        this(
                maxAttempts,
                maxTotal,
                baseDelay,
                maxDelay,
                connectTimeout,
                requestTimeout,
                DEFAULT_DEADLINE,
                DEFAULT_MAX_BODY_BYTES);
    }

    /** 5 attempts within 2 minutes, 500 ms first backoff, 30 s timeouts. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                5,
                Duration.ofMinutes(2),
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    /** Whether a response with this status should be retried. */
    public static boolean retryable(int status) {
        return status == 429 || status >= 500 || status == 0;
    }

    /**
     * The wait before attempt {@code attempt + 1} (attempts count from 1): the server's wish when it said
     * one, else exponential backoff with jitter; never more than {@link #maxDelay}.
     */
    Duration delay(int attempt, Duration serverWish, Random random) {
        Duration d;
        if (serverWish != null) {
            d = serverWish;
        } else {
            long base = baseDelay.toMillis() << Math.min(attempt - 1, 16);
            d = Duration.ofMillis(base + (long) (random.nextDouble() * base / 2));
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
