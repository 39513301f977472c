package dev.reflekt.core.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A local HTTP server that answers from a script of responses and records what it received. */
final class ScriptedServer implements AutoCloseable {

    /** One scripted answer; {@code hangMillis} delays it (a hung server). */
    record Reply(int status, String body, Map<String, String> headers, long hangMillis) {
        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }
    }

    /** What a request carried. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    ScriptedServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply;
        synchronized (script) {
            reply = script.isEmpty() ? Reply.of(200, "{}") : script.poll();
        }
        try {
            Thread.sleep(reply.hangMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (timeout test)
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
