package dev.parley.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent events client for tests, on loopback: each event's id, name and data as they arrive. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final HttpResponse<Stream<String>> response;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread.ofVirtual().start(this::read);
        }
    }

    static SseClient open(int port, String path, String key, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<Stream<String>>> response =
                HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(response.orTimeout(15, TimeUnit.SECONDS).join());
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    String body() {
        return String.join("\n", response.body().toList());
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || name != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        } finally {
            ended.complete(null);
        }
    }

    /** The events left once the server ends the stream, waiting for it to end. */
    List<Event> untilEnd() {
        ended.orTimeout(LiveClient.WAIT.toSeconds(), TimeUnit.SECONDS).join();
        List<Event> rest = new ArrayList<>();
        events.drainTo(rest);
        return rest;
    }

    Event next() {
        try {
            Event event = events.poll(LiveClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + LiveClient.WAIT);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event of this name, passing over others. */
    Event next(String name) {
        while (true) {
            Event event = next();
            if (name.equals(event.name())) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
