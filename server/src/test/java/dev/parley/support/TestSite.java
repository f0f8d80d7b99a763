package dev.parley.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small website served by the tests on a loopback address, whose pages a test can change between requests. It
 * records every path requested.
 */
public final class TestSite implements AutoCloseable {

    public record Page(int status, String contentType, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private TestSite(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            if (exchange.getRequestURI().getRawQuery() != null) {
                path += "?" + exchange.getRequestURI().getRawQuery();
            }
            requested.add(path);
            Page page = pages.getOrDefault(path, new Page(404, "text/html", "<h1>Not found</h1>", Map.of()));
            byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
            page.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", page.contentType());
            exchange.sendResponseHeaders(page.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A site on {@code address}, which must be a loopback address such as 127.0.0.2. */
    public static TestSite on(String address) throws IOException {
        if (!InetAddress.getByName(address).isLoopbackAddress()) {
            throw new IllegalArgumentException("Test sites live on loopback addresses only");
        }
        return new TestSite(address);
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public TestSite html(String path, String html) {
        pages.put(path, new Page(200, "text/html; charset=utf-8", html, Map.of()));
        return this;
    }

    public TestSite text(String path, String contentType, String body) {
        pages.put(path, new Page(200, contentType, body, Map.of()));
        return this;
    }

    public TestSite redirect(String path, String location) {
        pages.put(path, new Page(302, "text/html", "", Map.of("Location", location)));
        return this;
    }

    public TestSite remove(String path) {
        pages.remove(path);
        return this;
    }

    public List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
