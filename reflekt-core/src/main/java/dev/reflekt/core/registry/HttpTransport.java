package dev.reflekt.core.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * JSON over HTTP for the registry clients (the JDK's client): headers such as credentials are added to
 * every request but never logged; failed requests are retried per {@link RetryPolicy}.
 */
public final class HttpTransport {

    /** A response: status and body. */
    public record Response(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Waits; replaced in tests so that retries take no time. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final String registry;
    private final HttpClient client;
    private final RetryPolicy policy;
    private final Map<String, String> headers;
    private final Function<String, String> errorMessage;
    private final Consumer<String> log;
    private final Sleeper sleeper;
    private final Random random = new Random();

    /**
     * @param registry how messages name the registry ({@code Segment}, {@code Iglu})
     * @param headers sent with every request (credentials included; never logged)
     * @param errorMessage extracts the registry's explanation from an error body
     * @param log receives one line per retry (method, path, status, wait)
     */
    public HttpTransport(
            String registry,
            RetryPolicy policy,
            Map<String, String> headers,
            Function<String, String> errorMessage,
            Consumer<String> log,
            Sleeper sleeper) {
        this.registry = registry;
        this.policy = policy;
        this.headers = Map.copyOf(headers);
        this.errorMessage = errorMessage;
        this.log = log;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Sends a request; a body of null sends none. Non-2xx responses are returned, not thrown. */
    public Response send(String method, URI uri, String body) throws RegistryException {
        Instant deadline = Instant.now().plus(policy.maxTotal());
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(policy.requestTimeout())
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            int status;
            Duration wish = null;
            String failure;
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (!RetryPolicy.retryable(status)) {
                    return new Response(status, response.body());
                }
                wish = serverWish(response).orElse(null);
                failure = "HTTP " + status + " " + errorMessage.apply(response.body());
            } catch (IOException e) {
                status = 0;
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(registry + " request interrupted: " + method + " " + uri.getPath(), 0, e);
            }
            Duration wait = policy.delay(attempt, wish, random);
            if (attempt >= policy.maxAttempts() || Instant.now().plus(wait).isAfter(deadline)) {
                throw new RegistryException(
                        registry + " did not answer " + method + " " + uri.getPath() + " after " + attempt + " attempt"
                                + (attempt == 1 ? "" : "s") + ": " + failure,
                        status);
            }
            log.accept(registry + ": " + method + " " + uri.getPath() + " failed (" + failure + "); retrying in "
                    + wait.toMillis() + " ms (attempt " + (attempt + 1) + " of " + policy.maxAttempts() + ")");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(registry + " request interrupted: " + method + " " + uri.getPath(), 0, e);
            }
        }
    }

    /** Throws with the registry's explanation unless the response is 2xx. */
    public Response expectOk(Response response, String what) throws RegistryException {
        if (!response.ok()) {
            throw new RegistryException(
                    registry + " refused " + what + ": HTTP " + response.status() + " "
                            + errorMessage.apply(response.body()),
                    response.status());
        }
        return response;
    }

    /** {@code Retry-After} (seconds or HTTP date), else {@code X-RateLimit-Reset} (epoch seconds or ms). */
    static Optional<Duration> serverWish(HttpResponse<?> response) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            String v = retryAfter.get().strip();
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                try {
                    Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return Optional.of(nonNegative(Duration.between(Instant.now(), at)));
                } catch (DateTimeParseException ignored) {
                    return Optional.empty();
                }
            }
        }
        return response.headers().firstValue("X-RateLimit-Reset").flatMap(v -> {
            try {
                long reset = Long.parseLong(v.strip());
                long millis = reset > 100_000_000_000L ? reset : reset * 1000; // epoch ms or epoch s
                return Optional.of(nonNegative(Duration.between(Instant.now(), Instant.ofEpochMilli(millis))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
