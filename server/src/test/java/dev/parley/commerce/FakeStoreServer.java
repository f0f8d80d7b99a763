package dev.parley.commerce;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake store API (Shopify, WooCommerce, Gorgias) on 127.0.0.2, standing in for services that cannot be reached
 * from here: it answers from a queue of scripted responses, then from a default answer, and records every request.
 * What it answers is written by each test in the platform's documented format.
 */
final class FakeStoreServer implements AutoCloseable {

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
        static Response json(String body) {
            return new Response(200, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final Deque<Response> scripted = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> fallback = r -> new Response(404, Map.of(), "{}");

    FakeStoreServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            Request request =
                    new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Response response;
            synchronized (scripted) {
                response = scripted.isEmpty() ? fallback.apply(request) : scripted.poll();
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.2:" + server.getAddress().getPort();
    }

    FakeStoreServer then(Response response) {
        synchronized (scripted) {
            scripted.add(response);
        }
        return this;
    }

    FakeStoreServer otherwise(Function<Request, Response> answer) {
        fallback = answer;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
