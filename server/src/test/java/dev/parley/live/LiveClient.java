package dev.parley.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client for tests (the JDK's), on loopback: frames in as JSON, frames out as maps or text. */
final class LiveClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    private volatile String closeReason;
    /** Frames taken from the queue while waiting for another, in order. */
    final List<JsonNode> passed = new ArrayList<>();

    private WebSocket socket;

    static LiveClient connect(int port, String path, Map<String, String> headers) {
        LiveClient client = new LiveClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), client.listener())
                .join();
        return client;
    }

    static LiveClient widget(int port) {
        return connect(port, "/v1/ws", Map.of());
    }

    static LiveClient widget(int port, String origin) {
        return connect(port, "/v1/ws", Map.of("Origin", origin));
    }

    static LiveClient agent(int port) {
        return connect(port, "/v1/agent/ws", Map.of());
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(JSON.readTree(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
                pongs.add(
                        java.nio.charset.StandardCharsets.UTF_8.decode(message).toString());
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeReason = reason;
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    LiveClient send(Object frame) {
        String text = frame instanceof String s ? s : JSON.writeValueAsString(frame);
        socket.sendText(text, true).join();
        return this;
    }

    /** Sends a WebSocket ping and waits for its pong: whether the server answered it within {@link #WAIT}. */
    boolean pingAnswered(String payload) {
        socket.sendPing(java.nio.ByteBuffer.wrap(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .join();
        try {
            while (true) {
                String pong = pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (pong == null) {
                    return false;
                }
                if (pong.equals(payload)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Authenticates and returns the {@code authenticated} frame. */
    JsonNode auth(Map<String, Object> frame) {
        send(frame);
        return next();
    }

    JsonNode next() {
        JsonNode frame = poll(WAIT);
        if (frame == null) {
            throw new AssertionError("No frame within " + WAIT + "; passed so far: " + passed);
        }
        return frame;
    }

    /** The next frame, or {@code null} when none comes within {@code wait}. */
    JsonNode poll(Duration wait) {
        try {
            return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame matching, passing over (and keeping in {@link #passed}) those that do not. */
    JsonNode next(Predicate<JsonNode> matching) {
        while (true) {
            JsonNode frame = next();
            if (matching.test(frame)) {
                return frame;
            }
            passed.add(frame);
        }
    }

    JsonNode next(String type) {
        return next(f -> f.path("type").asString().equals(type));
    }

    /** The next message frame of this role. */
    JsonNode message(String role) {
        return next(f -> f.path("type").asString().equals("message")
                && f.path("role").asString().equals(role));
    }

    /** The close code the server sent, waiting for it. */
    int closeCode() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The reason the server gave with its close, once it closed. */
    String closeReason() {
        closeCode();
        return closeReason;
    }

    /** Every frame received so far: those passed over while waiting, and those not taken yet. */
    List<JsonNode> received() {
        List<JsonNode> all = new ArrayList<>(passed);
        frames.drainTo(all);
        return all;
    }

    boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
