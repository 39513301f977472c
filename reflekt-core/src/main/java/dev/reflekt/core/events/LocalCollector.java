package dev.reflekt.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A collector on the loopback interface for tests and manual checks: it speaks the ingestion APIs of the collectors
 * Reflekt knows ({@link IngestionApi}: Segment's HTTP Tracking API, which RudderStack's SDKs speak too, and
 * Snowplow's tracker protocol), answers as they answer, and records every document it accepts as one line of
 * {@code <api>.ndjson}, which {@code check-events} then reads. Bounded: each API's request size, a total cap on what
 * is recorded, a few threads; a request it cannot read gets the API's error status, never a crash.
 */
public final class LocalCollector implements AutoCloseable {

    /** The default cap on what one run records. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 4;
    /** How much of a refused body is read and dropped before the connection is closed. */
    private static final long DRAIN = 16L * 1024 * 1024;

    /**
     * How to run.
     *
     * @param port the port on 127.0.0.1; 0 for a free one
     * @param folder where the recordings go (created; each API's recording is started afresh)
     * @param shown the folder as users read paths ({@code target/reflekt/events}), for the events' locations
     * @param maxBytes the most it records in one run; requests past it are refused (503)
     * @param https whether it also listens for HTTPS, on a free port ({@link CollectorTls})
     */
    public record Options(int port, Path folder, String shown, long maxBytes, boolean https) {

        /** Plain HTTP only. */
        public Options(int port, Path folder, String shown, long maxBytes) {
            this(port, folder, shown, maxBytes, false);
        }
    }

    /** Told what arrives, on the collector's threads, one call at a time. */
    public interface Listener {

        /** An event was recorded (read from the line just recorded). */
        default void event(SentEvent event) {}

        /** A request was refused: {@code request} is its method and path, {@code why} the collector's own words. */
        default void refused(String request, int status, String why) {}
    }

    private final Options options;
    private final List<IngestionApi> apis;
    private final List<PayloadFormat> formats;
    private final Listener listener;
    private final HttpServer server;
    private HttpServer httpsServer;
    private CollectorTls tls;
    private final ExecutorService threads;
    private final Map<String, OutputStream> recordings = new TreeMap<>();
    private final Map<String, Integer> lines = new TreeMap<>();
    private long recorded;
    private int refused;
    private boolean closed;

    private LocalCollector(
            Options options,
            List<IngestionApi> apis,
            List<PayloadFormat> formats,
            Listener listener,
            HttpServer server,
            ExecutorService threads) {
        this.options = options;
        this.apis = apis;
        this.formats = formats;
        this.listener = listener;
        this.server = server;
        this.threads = threads;
    }

    /** Starts a collector serving {@code apis}, reading what it records with {@code formats} for the listener. */
    public static LocalCollector start(
            Options options, List<IngestionApi> apis, List<PayloadFormat> formats, Listener listener)
            throws IOException {
        Files.createDirectories(options.folder());
        for (IngestionApi api : apis) {
            Files.deleteIfExists(options.folder().resolve(api.name() + ".ndjson")); // a run records afresh
        }
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "reflekt-collector");
            t.setDaemon(true);
            return t;
        });
        LocalCollector collector = new LocalCollector(options, apis, formats, listener, server, threads);
        server.createContext("/", collector::handle);
        server.setExecutor(threads);
        server.start();
        if (options.https()) {
            try {
                collector.tls = CollectorTls.create(options.folder());
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(collector.tls.context()));
                https.createContext("/", collector::handle);
                https.setExecutor(threads);
                https.start();
                collector.httpsServer = https;
            } catch (dev.reflekt.core.ReflektException | IOException e) {
                collector.close();
                throw new IOException(e.getMessage(), e);
            }
        }
        return collector;
    }

    /** The collector's HTTPS URL ({@code https://127.0.0.1:<port>}), when it listens for HTTPS. */
    public java.util.Optional<String> httpsUrl() {
        return java.util.Optional.ofNullable(httpsServer)
                .map(h -> "https://" + h.getAddress().getAddress().getHostAddress() + ":"
                        + h.getAddress().getPort());
    }

    /** The trust store holding the HTTPS certificate, for the app's JVM, when it listens for HTTPS. */
    public java.util.Optional<Path> trustStore() {
        return java.util.Optional.ofNullable(tls).map(CollectorTls::trustStore);
    }

    /** The collector's URL: {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** The recording of {@code api}. */
    public Path recording(String api) {
        return options.folder().resolve(api + ".ndjson");
    }

    /** The lines recorded so far, per recording file name ({@code segment.ndjson}). */
    public synchronized Map<String, Integer> recorded() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(lines));
    }

    /** How many requests were refused. */
    public synchronized int refused() {
        return refused;
    }

    /** Stops serving (waiting up to two seconds for requests under way) and closes the recordings. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.stop(2);
        if (httpsServer != null) {
            httpsServer.stop(0);
        }
        threads.shutdownNow();
        synchronized (this) {
            for (OutputStream out : recordings.values()) {
                out.close();
            }
            recordings.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " "
                + shownPath(exchange.getRequestURI().getRawPath());
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            // browsers' SDKs post from pages: answer their preflight and let them read the answer
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin == null ? "*" : origin);
            exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Authorization");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String path = path(exchange.getRequestURI().getRawPath());
            IngestionApi api =
                    apis.stream().filter(a -> a.serves(path)).findFirst().orElse(null);
            if (api == null) {
                answer(
                        exchange,
                        request,
                        IngestionApi.Answer.text(
                                404,
                                "Reflekt's local collector serves Segment's and RudderStack's /v1/batch, /v1/import,"
                                        + " /v1/track... and Snowplow's /com.snowplowanalytics.snowplow/tp2 and /i;"
                                        + " nothing here\n",
                                List.of()));
                return;
            }
            IngestionApi.Request r = read(exchange, path, api.maxRequestBytes());
            IngestionApi.Answer a = api.receive(r);
            if (a.accepted() && !a.documents().isEmpty() && !record(api, a.documents())) {
                a = IngestionApi.Answer.text(
                        503,
                        "the local collector has recorded its cap of " + options.maxBytes()
                                + " bytes this run (reflekt.collector.maxMegabytes); nothing more is recorded\n",
                        List.of());
            }
            answer(exchange, request, a);
        } catch (IOException | RuntimeException e) {
            // a broken connection, or a bug: the request fails, the collector goes on
            synchronized (this) {
                refused++;
                listener.refused(
                        request,
                        500,
                        "the collector could not handle it (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private void answer(HttpExchange exchange, String request, IngestionApi.Answer a) throws IOException {
        if (!a.accepted()) {
            synchronized (this) {
                refused++;
                listener.refused(
                        request, a.status(), new String(a.body(), java.nio.charset.StandardCharsets.UTF_8).strip());
            }
        }
        exchange.getResponseHeaders().add("Content-Type", a.contentType());
        exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        if (a.body().length > 0) {
            exchange.getResponseBody().write(a.body());
        }
    }

    /** The request's body, decompressed, read up to {@code max} bytes. */
    private static IngestionApi.Request read(HttpExchange exchange, String path, int max) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        byte[] raw = bounded(exchange.getRequestBody(), max);
        boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")
                || raw != null && raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
        byte[] body = raw;
        boolean bad = false;
        if (raw != null && gzip) {
            try {
                body = bounded(new GZIPInputStream(new ByteArrayInputStream(raw)), max);
            } catch (EOFException | ZipException e) {
                body = new byte[0];
                bad = true;
            }
        }
        boolean tooLarge = body == null || query != null && query.length() > max;
        return new IngestionApi.Request(
                exchange.getRequestMethod(),
                path,
                query == null ? "" : query,
                type == null ? "" : type,
                tooLarge ? new byte[0] : body,
                tooLarge,
                bad);
    }

    /**
     * At most {@code max} bytes of {@code in}; null when there are more (the rest is read and dropped, up to
     * {@value #DRAIN} bytes, so that the client reads the answer rather than a reset connection).
     */
    private static byte[] bounded(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        long total = 0;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                while (total < DRAIN && (n = in.read(buffer)) > 0) {
                    total += n;
                }
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Records {@code documents} as lines of the API's recording; false when the cap would be passed. */
    private synchronized boolean record(IngestionApi api, List<JsonNode> documents) throws IOException {
        List<byte[]> encoded = new ArrayList<>(documents.size());
        long size = 0;
        for (JsonNode d : documents) {
            byte[] line = JSON.writeValueAsBytes(d);
            encoded.add(line);
            size += line.length + 1;
        }
        if (recorded + size > options.maxBytes()) {
            return false;
        }
        String file = api.name() + ".ndjson";
        OutputStream out = recordings.get(file);
        if (out == null) {
            out = Files.newOutputStream(recording(api.name()), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            recordings.put(file, out);
        }
        for (byte[] line : encoded) {
            out.write(line);
            out.write('\n');
        }
        out.flush(); // every accepted request is on disk before it is answered
        recorded += size;
        int line = lines.getOrDefault(file, 0);
        String shown = options.shown().isEmpty() ? file : options.shown() + "/" + file;
        for (JsonNode d : documents) {
            line++;
            SentEvent.Location where = new SentEvent.Location(shown, line, 1, "");
            for (PayloadFormat format : formats) {
                if (format.read(d, where, listener::event)) {
                    break;
                }
            }
        }
        lines.put(file, line);
        return true;
    }

    /** The path without trailing slashes ({@code /v1/import/} is where analytics-java posts). */
    private static String path(String raw) {
        String p = raw == null ? "/" : raw;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** A request's path as shown in messages: strangers' text, so cut short. */
    private static String shownPath(String raw) {
        String p = raw == null ? "/" : raw;
        return p.length() <= 80 ? p : p.substring(0, 80) + "...";
    }
}
