package dev.parley.sdk;

import com.sun.net.httpserver.HttpServer;
import dev.parley.sdk.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server answering with scripted responses in turn (the last one repeats), recording every request.
 * A fake because a real Parley cannot be made to answer 502/503 or drop a connection on demand.
 */
final class FakeUpstream implements AutoCloseable {
    /** One scripted answer; {@code drop} closes the connection without any. */
    static final class Step {
        final int status;
        final Map<String, String> headers;
        final Object body;
        final boolean drop;

        private Step(int status, Map<String, String> headers, Object body, boolean drop) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.drop = drop;
        }

        static Step answer(int status, Object body) {
            return new Step(status, Map.of(), body, false);
        }

        static Step answer(int status, Map<String, String> headers, Object body) {
            return new Step(status, headers, body, false);
        }

        static Step drop() {
            return new Step(0, Map.of(), null, true);
        }
    }

    /** What the fake received. */
    static final class Received {
        final String method;
        final String uri;
        final Map<String, List<String>> headers;
        final String body;
        final long atNanos;

        Received(String method, String uri, Map<String, List<String>> headers, String body, long atNanos) {
            this.method = method;
            this.uri = uri;
            this.headers = headers;
            this.body = body;
            this.atNanos = atNanos;
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    final List<Received> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeUpstream(Step... script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    System.nanoTime()));
            Step step = script[Math.min(requests.size() - 1, script.length - 1)];
            if (step.drop) {
                exchange.close();
                return;
            }
            byte[] bytes = Json.write(step.body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Request-Id", "req_fake");
            step.headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(step.status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Parley.Builder client() {
        return Parley.builder()
                .apiKey("sk_test_" + "a".repeat(32))
                .baseUrl(baseUrl())
                .maxRetryDelay(Duration.ofMillis(50));
    }

    static Map<String, Object> envelope(String code, String message, Map<String, Object> details) {
        return Map.of(
                "error", Map.of("code", code, "message", message, "details", details), "request_id", "req_envelope");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
