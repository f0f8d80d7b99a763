package dev.parley.sdk.live;

import dev.parley.sdk.SocketException;
import dev.parley.sdk.core.Json;
import dev.parley.sdk.model.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The customer's live socket, {@code /v1/ws}, over {@code java.net.http.WebSocket}: authenticates with its first
 * frame, hands every server frame to listeners by type ({@code message}, {@code message_received}, {@code typing},
 * {@code escalated}, {@code conversation}, {@code error}; {@code *} for all), and after a lost connection reconnects
 * with backoff, sending {@code last_message_id} so the server replays what it missed. A refused credential (close
 * codes 4001, 4003) is final. Listeners run on the socket's thread: keep them short.
 *
 * <pre>{@code
 * LiveSocket live = parley.live().connect(LiveSocket.options().conversationId(conv.id()));
 * live.on("message", frame -> System.out.println(frame.getString("role") + ": " + frame.getString("content")));
 * live.ready().join();
 * JsonObject ack = live.send("Hello").join();
 * live.close();
 * }</pre>
 */
public final class LiveSocket implements AutoCloseable {
    private static final Set<Integer> FINAL_CLOSE_CODES = Set.of(1000, 1008, 4001, 4003);
    private static final AtomicLong COUNTER = new AtomicLong();

    private final HttpClient http;
    private final URI uri;
    private final String apiKey;
    private final Options options;
    private final Map<String, List<Consumer<JsonObject>>> listeners = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonObject>> acks = new ConcurrentHashMap<>();
    private final List<String> outbox = new ArrayList<>();
    private final CompletableFuture<JsonObject> ready = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-live-socket");
        thread.setDaemon(true);
        return thread;
    });

    private WebSocket socket;
    // java.net.http.WebSocket takes one send at a time: each waits for the one before.
    private CompletableFuture<?> pendingSend = CompletableFuture.completedFuture(null);
    private boolean authenticated;
    private boolean authenticatedOnce;
    private boolean closedByClient;
    private boolean ended;
    private int attempts;
    private volatile String conversationId;
    private volatile String lastMessageId;
    private volatile String visitorToken;

    /** Made by {@code parley.live().connect(...)}; connects at once. */
    public LiveSocket(HttpClient http, URI uri, String apiKey, Options options) {
        this.http = http;
        this.uri = uri;
        this.apiKey = apiKey;
        this.options = options;
        this.conversationId = options.conversationId;
        this.lastMessageId = options.lastMessageId;
        this.visitorToken = options.visitorToken;
        connect();
    }

    public static Options options() {
        return new Options();
    }

    /** Listens to frames of one {@code type}, or {@code "*"} for every frame; also {@code "close"}, {@code "reconnecting"}. */
    public LiveSocket on(String type, Consumer<JsonObject> listener) {
        listeners.computeIfAbsent(type, key -> new CopyOnWriteArrayList<>()).add(listener);
        return this;
    }

    /** Completes with the {@code authenticated} frame, or fails with {@link SocketException} when refused. */
    public CompletableFuture<JsonObject> ready() {
        return ready;
    }

    /** Completes with the close code once the socket has ended for good. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** The conversation the socket follows (from the {@code authenticated} or {@code conversation} frame). */
    public String conversationId() {
        return conversationId;
    }

    /** The newest message id seen: sent as {@code last_message_id} on reconnecting. */
    public String lastMessageId() {
        return lastMessageId;
    }

    /**
     * Sends the customer's message (now, or once authenticated again after a reconnect); completes with the server's
     * {@code message_received} acknowledgement ({@code message_id}).
     */
    public CompletableFuture<JsonObject> send(String content) {
        String clientMessageId = "c" + Long.toString(System.currentTimeMillis(), 36) + "_" + COUNTER.incrementAndGet();
        CompletableFuture<JsonObject> ack = new CompletableFuture<>();
        acks.put(clientMessageId, ack);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("content", content);
        frame.put("client_message_id", clientMessageId);
        sendFrame(frame);
        return ack;
    }

    /** Tells the agents the customer is (or stopped) typing. */
    public void typing(boolean isTyping) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "typing");
        frame.put("is_typing", isTyping);
        sendFrame(frame);
    }

    /** Closes the socket for good (no reconnect). */
    @Override
    public void close() {
        WebSocket current;
        synchronized (this) {
            closedByClient = true;
            current = socket;
        }
        if (current != null) {
            synchronized (this) {
                pendingSend = pendingSend
                        .handle((result, failure) -> null)
                        .thenCompose(ignored -> current.sendClose(WebSocket.NORMAL_CLOSURE, ""));
            }
            // Ends the socket even when the server never answers the close.
            schedule(() -> end(WebSocket.NORMAL_CLOSURE), 5_000);
        } else {
            end(WebSocket.NORMAL_CLOSURE);
        }
    }

    private void sendFrame(Map<String, Object> frame) {
        String text = Json.write(frame);
        synchronized (this) {
            if (ended) {
                throw new SocketException("socket_closed", "The socket is closed", null);
            }
            if (socket == null || !authenticated) {
                // Goes out once the socket is authenticated (again).
                outbox.add(text);
                return;
            }
            transmit(socket, text);
        }
    }

    private synchronized void transmit(WebSocket ws, String text) {
        pendingSend = pendingSend.handle((result, failure) -> null).thenCompose(ignored -> ws.sendText(text, true));
    }

    private void connect() {
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener())
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        lost(1006);
                        return;
                    }
                    boolean closeNow;
                    synchronized (this) {
                        socket = ws;
                        closeNow = closedByClient;
                    }
                    if (closeNow) {
                        ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
                        end(WebSocket.NORMAL_CLOSURE);
                        return;
                    }
                    transmit(ws, Json.write(authFrame()));
                });
    }

    private Map<String, Object> authFrame() {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "auth");
        if (options.token != null) {
            frame.put("token", options.token);
        } else {
            frame.put("api_key", apiKey);
        }
        if (conversationId != null) {
            frame.put("conversation_id", conversationId);
        }
        if (lastMessageId != null) {
            frame.put("last_message_id", lastMessageId);
        }
        if (visitorToken != null) {
            frame.put("visitor_token", visitorToken);
        }
        return frame;
    }

    private void receive(String text) {
        JsonObject frame;
        try {
            frame = JsonObject.parse(text);
        } catch (IllegalArgumentException notJson) {
            return;
        }
        String type = String.valueOf(frame.getString("type"));
        if (("authenticated".equals(type) || "conversation".equals(type)) && frame.has("conversation_id")) {
            conversationId = frame.getString("conversation_id");
        }
        if ("conversation".equals(type) && frame.has("visitor_token")) {
            visitorToken = frame.getString("visitor_token");
        }
        if (("message".equals(type) || "message_received".equals(type)) && frame.has("message_id")) {
            lastMessageId = frame.getString("message_id");
        }
        if ("authenticated".equals(type)) {
            List<String> pending;
            synchronized (this) {
                authenticated = true;
                authenticatedOnce = true;
                attempts = 0;
                pending = new ArrayList<>(outbox);
                outbox.clear();
                for (String queued : pending) {
                    transmit(socket, queued);
                }
            }
        }
        // Listeners hear the frame before ready() or an ack completes, so code waiting on those sees its effects.
        emit(type, frame);
        if ("authenticated".equals(type)) {
            ready.complete(frame);
        }
        if ("error".equals(type) && !ready.isDone()) {
            ready.completeExceptionally(new SocketException(
                    String.valueOf(frame.getString("code")),
                    String.valueOf(frame.getString("message")),
                    frame.getObject("details")));
        }
        if ("message_received".equals(type) && frame.has("client_message_id")) {
            CompletableFuture<JsonObject> ack = acks.remove(frame.getString("client_message_id"));
            if (ack != null) {
                ack.complete(frame);
            }
        }
    }

    private void emit(String type, JsonObject frame) {
        for (String key : new String[] {type, "*"}) {
            for (Consumer<JsonObject> listener : listeners.getOrDefault(key, List.of())) {
                try {
                    listener.accept(frame);
                } catch (RuntimeException failure) {
                    // A listener's failure must not stop the socket.
                }
            }
        }
    }

    private void lost(int code) {
        boolean reconnect;
        long delayMs;
        synchronized (this) {
            socket = null;
            authenticated = false;
            reconnect = !closedByClient
                    && options.reconnect
                    && authenticatedOnce
                    && !FINAL_CLOSE_CODES.contains(code)
                    && attempts < options.maxReconnectAttempts;
            attempts++;
            long ceiling = Math.min(10_000, 250L << Math.min(attempts - 1, 10));
            delayMs = ceiling / 2 + (long) (ThreadLocalRandom.current().nextDouble() * ceiling / 2);
        }
        if (!reconnect) {
            end(code);
            return;
        }
        emit("reconnecting", new JsonObject(Map.of("attempt", attempts, "delay_ms", delayMs)));
        schedule(this::connect, delayMs);
    }

    private void schedule(Runnable task, long delayMs) {
        try {
            timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException alreadyEnded) {
            // The socket ended meanwhile (the server answered the close first): nothing left to do.
        }
    }

    private void end(int code) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        SocketException gone = new SocketException("socket_closed", "The socket closed (" + code + ")", null);
        ready.completeExceptionally(gone);
        acks.values().forEach(ack -> ack.completeExceptionally(gone));
        emit("close", new JsonObject(Map.of("code", code)));
        closed.complete(code);
        timer.shutdown();
    }

    /** Receives text frames (assembling fragments) and the close. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                receive(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(1006);
        }
    }

    /** How {@link LiveSocket} connects. */
    public static final class Options {
        private String conversationId;
        private String lastMessageId;
        private String token;
        private String visitorToken;
        private boolean reconnect = true;
        private int maxReconnectAttempts = 10;

        /** Follow this conversation (else the first message starts one). */
        public Options conversationId(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        /** Replay the messages after this one before live ones. */
        public Options lastMessageId(String lastMessageId) {
            this.lastMessageId = lastMessageId;
            return this;
        }

        /** A session token ({@code st_...}, from {@code createSession}) instead of the client's API key. */
        public Options token(String token) {
            this.token = token;
            return this;
        }

        /** The widget's visitor token, with a publishable key. */
        public Options visitorToken(String visitorToken) {
            this.visitorToken = visitorToken;
            return this;
        }

        /** Reconnect after a lost connection (not after a refused credential). Default true. */
        public Options reconnect(boolean reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        /** Attempts in a row before giving up. Default 10. */
        public Options maxReconnectAttempts(int maxReconnectAttempts) {
            this.maxReconnectAttempts = maxReconnectAttempts;
            return this;
        }
    }
}
