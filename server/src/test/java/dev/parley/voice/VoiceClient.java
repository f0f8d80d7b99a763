package dev.parley.voice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's) for the voice socket on loopback. */
final class VoiceClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static VoiceClient connect(int port, String token) {
        return connect(port, token, null);
    }

    /** With an {@code Accept-Language} header on the upgrade request, when not {@code null}. */
    static VoiceClient connect(int port, String token, String acceptLanguage) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return open(builder, port, "/v1/ws/voice/session" + (token == null ? "" : "?token=" + token));
    }

    /** At seed 004's own path, the token in an {@code Authorization: Bearer} header as its wscat example sends it. */
    static VoiceClient connectAtSeedPathWithHeader(int port, String token) {
        return open(HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token), port, "/ws/voice/session");
    }

    /** At seed 004's own path, the token in the query as its connection URL shows it. */
    static VoiceClient connectAtSeedPath(int port, String token) {
        return open(HTTP.newWebSocketBuilder(), port, "/ws/voice/session?token=" + token);
    }

    private static VoiceClient open(WebSocket.Builder builder, int port, String pathAndQuery) {
        VoiceClient client = new VoiceClient();
        client.socket = builder.connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), client.listener())
                .join();
        return client;
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
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    void send(Object frame) {
        sendText(JSON.writeValueAsString(frame));
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    void start(Map<String, Object> preferences) {
        send(Map.of("type", "session.start", "data", Map.of("context", Map.of("preferences", preferences))));
    }

    void audio(byte[] pcm16, boolean endOfUtterance) {
        send(Map.of(
                "type",
                "audio.input",
                "data",
                Map.of(
                        "audio",
                        java.util.Base64.getEncoder().encodeToString(pcm16),
                        "format",
                        "pcm16",
                        "sample_rate",
                        16000,
                        "end_of_utterance",
                        endOfUtterance)));
    }

    /** The next frame, failing after {@link #WAIT}. */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame, which must be of this type. */
    JsonNode next(String type) {
        JsonNode frame = next();
        if (!frame.path("type").asString().equals(type)) {
            throw new AssertionError("expected " + type + " but got " + frame);
        }
        return frame.path("data");
    }

    /** The frames received and not taken yet, taken now. */
    java.util.List<JsonNode> remaining() {
        java.util.List<JsonNode> left = new java.util.ArrayList<>();
        frames.drainTo(left);
        return left;
    }

    int closeCode() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /**
     * Ends the session and waits for the server to close the socket, which it does once the turns it has queued are
     * done: a test never leaves a turn running into the next test (its requests reaching the next test's fake).
     */
    @Override
    public void close() {
        try {
            if (!closed.isDone() && !socket.isOutputClosed()) {
                try {
                    send(Map.of("type", "session.end"));
                } catch (java.util.concurrent.CompletionException closedMeanwhile) {
                    return;
                }
                if (closed.completeOnTimeout(null, WAIT.toSeconds(), TimeUnit.SECONDS)
                                .join()
                        == null) {
                    throw new AssertionError("the server did not close the socket within " + WAIT + " of session.end");
                }
            }
        } finally {
            socket.abort();
        }
    }

    /** A tone loud enough to count as speech, then a pause long enough to end the utterance. */
    static byte[] toneThenSilence(int toneMs, int silenceMs) {
        int toneSamples = 16 * toneMs;
        int total = toneSamples + 16 * silenceMs;
        byte[] pcm = new byte[total * 2];
        for (int i = 0; i < toneSamples; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }
}
