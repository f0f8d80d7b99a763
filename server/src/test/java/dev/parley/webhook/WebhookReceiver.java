package dev.parley.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real webhook receiver for tests: a JDK HTTP server on a loopback address that records every request and answers
 * from a script (then 200). Each request is handled on its own thread, so a slow answer does not hold up the next.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(String path, Map<String, String> headers, String body, long receivedAtNanos) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String eventId() {
            return header("X-Webhook-Id");
        }
    }

    record Answer(int status, String body, Duration delay, Map<String, String> headers) {

        static Answer status(int status) {
            return new Answer(status, "", Duration.ZERO, Map.of());
        }

        static Answer status(int status, String body) {
            return new Answer(status, body, Duration.ZERO, Map.of());
        }

        static Answer slow(Duration delay) {
            return new Answer(200, "late", delay, Map.of());
        }

        static Answer redirect(String location) {
            return new Answer(302, "", Duration.ZERO, Map.of("Location", location));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Answer always;

    private WebhookReceiver(String address, int port) throws IOException {
        if (!InetAddress.getByName(address).isLoopbackAddress()) {
            throw new IllegalArgumentException("Test receivers live on loopback addresses only");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, System.nanoTime()));
            Answer answer = script.pollFirst();
            if (answer == null) {
                answer = always != null ? always : Answer.status(200, "ok");
            }
            try {
                if (!answer.delay().isZero()) {
                    Thread.sleep(answer.delay());
                }
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException | InterruptedException gone) {
                // the client gave up (a timeout): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** A receiver on {@code address} (a loopback address such as 127.0.0.2) and any free port. */
    static WebhookReceiver on(String address) throws IOException {
        return new WebhookReceiver(address, 0);
    }

    /** A receiver on a given port, e.g. one that was down until now. */
    static WebhookReceiver on(String address, int port) throws IOException {
        return new WebhookReceiver(address, port);
    }

    /** Answers the next requests in this order, then 200. */
    WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Answers every request (after the script) this way. */
    WebhookReceiver always(Answer answer) {
        this.always = answer;
        return this;
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until the requests received satisfy {@code condition}, for up to 20 seconds. */
    List<Received> await(Predicate<List<Received>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> now = received();
            if (condition.test(now)) {
                return now;
            }
            sleep(25);
        }
        throw new AssertionError("The receiver did not get what was expected; it got " + received());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
