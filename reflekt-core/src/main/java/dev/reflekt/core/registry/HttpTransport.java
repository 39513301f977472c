package dev.reflekt.core.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private static final int MAX_REDIRECTS = 5;

    private final String registry;
    private final HttpClient client;
    private final RetryPolicy policy;
    private final Map<String, String> headers;
    private final Function<String, String> errorMessage;
    private final Consumer<String> log;
    private final Sleeper sleeper;
    private final Random random = new Random();
    private final Instant deadline;

    /**
     * @param registry how messages name the registry ({@code Segment}, {@code Iglu})
     * @param headers sent with every request (credentials included; never logged), and only to the origin
     *     of the request's address: redirects are followed within that origin and refused across origins
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
        this.deadline = Instant.now().plus(policy.deadline());
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends a request; a body of null sends none. Non-2xx responses are returned, not thrown. */
    public Response send(String method, URI uri, String body) throws RegistryException {
        return send(method, uri, body, "application/json");
    }

    /** As {@link #send(String, URI, String)}, the body of type {@code contentType}. */
    public Response send(String method, URI uri, String body, String contentType) throws RegistryException {
        Instant retryEnd = Instant.now().plus(policy.maxTotal());
        for (int attempt = 1; ; attempt++) {
            int status;
            Duration wish = null;
            String failure;
            try {
                Exchange response = exchange(method, uri, body, contentType);
                status = response.status();
                if (!RetryPolicy.retryable(status)) {
                    return new Response(status, response.body());
                }
                wish = response.wish();
                failure = "HTTP " + status + " " + errorMessage.apply(response.body());
            } catch (IOException e) {
                status = 0;
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            Duration wait = policy.delay(attempt, wish, random);
            if (Instant.now().plus(wait).isAfter(deadline)) {
                throw new RegistryException(
                        registry + ": gave up on " + method + " " + uri.getPath() + " (" + failure + "): "
                                + (wish == null ? "a retry" : "the registry's wait of " + wish.toSeconds() + " s")
                                + " would pass the goal's deadline of "
                                + policy.deadline().toSeconds()
                                + " s (reflekt.registry.deadlineSeconds); try again later or raise it.",
                        status);
            }
            if (attempt >= policy.maxAttempts() || Instant.now().plus(wait).isAfter(retryEnd)) {
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

    /** One answer: its status, body and the wait it asks for (null when none). */
    private record Exchange(int status, String body, Duration wish) {}

    /**
     * One exchange, following redirects within the origin; an {@link IOException} for what may pass (a
     * timeout, a reset), a {@link RegistryException} for what will not (no server there, a redirect to
     * another origin, a body over the limit).
     */
    private Exchange exchange(String method, URI uri, String body, String contentType)
            throws IOException, RegistryException {
        URI at = uri;
        String m = method;
        String b = body;
        for (int hop = 0; ; hop++) {
            HttpResponse<String> response = once(m, at, b, contentType);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status < 300 || status > 399 || status == 304 || location.isEmpty()) {
                return new Exchange(
                        status, response.body(), serverWish(response).orElse(null));
            }
            URI next;
            try {
                next = at.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new RegistryException(
                        registry + " at " + origin(at) + " redirected to an address that is not a URL; set the"
                                + " registry's url in reflekt_profiles.yml to the final address.",
                        status);
            }
            if (!origin(next).equals(origin(at))) {
                throw new RegistryException(
                        registry + " at " + origin(at) + " redirected to " + origin(next) + "; credentials are only"
                                + " sent to the address you configured, so set the registry's url (api_url) in"
                                + " reflekt_profiles.yml to the final address.",
                        status);
            }
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryException(
                        registry + " at " + origin(at) + " redirected more than " + MAX_REDIRECTS + " times from "
                                + uri.getPath() + "; set the registry's url to the final address.",
                        status);
            }
            if (status == 303 || ((status == 301 || status == 302) && !m.equals("GET"))) {
                m = "GET";
                b = null;
            }
            at = next;
        }
    }

    /** {@code scheme://host:port} with the scheme's default port made explicit. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** One request and its whole response, within the request timeout and the goal's deadline. */
    private HttpResponse<String> once(String method, URI uri, String body, String contentType)
            throws IOException, RegistryException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new RegistryException(
                    registry + ": the goal's deadline of " + policy.deadline().toSeconds()
                            + " s (reflekt.registry.deadlineSeconds) passed before " + method + " " + uri.getPath()
                            + "; try again later or raise it.",
                    0);
        }
        Duration limit = policy.requestTimeout().compareTo(left) < 0 ? policy.requestTimeout() : left;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(limit)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        CappedBody handler = new CappedBody(policy.maxBodyBytes());
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(request.build(), handler);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            handler.cancel();
            throw new HttpTimeoutException(
                    "no complete answer within " + limit.toMillis() + " ms (reflekt.registry.timeoutSeconds)");
        } catch (InterruptedException e) {
            future.cancel(true);
            handler.cancel();
            Thread.currentThread().interrupt();
            throw new RegistryException(registry + " request interrupted: " + method + " " + uri.getPath(), 0, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CappedBody.TooLarge) {
                throw new RegistryException(
                        registry + " sent more than " + (policy.maxBodyBytes() >> 20) + " MiB in answer to " + method
                                + " " + uri.getPath() + "; Reflekt stops reading there"
                                + " (reflekt.registry.maxBodyMegabytes).",
                        0);
            }
            if (unreachable(cause)) {
                throw new RegistryException(
                        registry + ": cannot connect to " + uri.getHost() + ":"
                                + (uri.getPort() == -1
                                        ? (origin(uri).substring(origin(uri).lastIndexOf(':') + 1))
                                        : String.valueOf(uri.getPort()))
                                + " ("
                                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
                                + "); check the registry's url in reflekt_profiles.yml and that it is running.",
                        0,
                        cause);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** Whether a failure means there is no server to answer (refused, unknown host): not worth a retry. */
    private static boolean unreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException && !(c instanceof java.net.http.HttpConnectTimeoutException)) {
                return c.getMessage() == null
                        || !c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out");
            }
            if (c instanceof java.net.UnknownHostException
                    || c instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
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
