package dev.parley.live.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Languages;
import jakarta.websocket.Session;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both sockets share: a client frame is JSON with a {@code type}; the first must be {@code auth}; frames are
 * limited in size (a longer one is refused with {@code invalid_message}, the connection kept) and in rate (a flood
 * gets {@code rate_limited}, the connection kept); pongs and frames keep a socket alive. The container hands one
 * socket's frames over one at a time, so the per-socket state needs no locks; work that takes long (a widget's turn)
 * runs elsewhere, so the socket keeps reading.
 */
abstract class SocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SocketHandler.class);
    private static final String CONNECTION = "parley.connection";
    static final int TEXT_BUFFER_CHARS = 1024;
    static final int BINARY_BUFFER_BYTES = 256;

    final Hub hub;
    final Frames frames;
    final LiveProperties properties;
    final JsonMapper json;
    private final Connection.Kind kind;

    SocketHandler(Connection.Kind kind, Hub hub, Frames frames, LiveProperties properties, JsonMapper json) {
        this.kind = kind;
        this.hub = hub;
        this.frames = frames;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof Session standard) {
            standard.getUserProperties()
                    .put(
                            "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT",
                            properties.sendTimeout().toMillis());
        }
        // Small buffers, so a node holds many sockets (Tomcat resizes them at the next frame): a longer client frame
        // arrives in parts and is assembled up to parley.live.max-frame-chars; binary frames are not in the protocol.
        session.setTextMessageSizeLimit(TEXT_BUFFER_CHARS);
        session.setBinaryMessageSizeLimit(BINARY_BUFFER_BYTES);
        Locale locale = Languages.preferred(session.getHandshakeHeaders().getFirst("Accept-Language"));
        SocketConnection connection = new SocketConnection(
                kind, locale, session, hub.writers(), properties.sendQueue(), properties.frameBurst());
        session.getAttributes().put(CONNECTION, connection);
        hub.add(connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        SocketConnection connection = connection(session);
        if (connection == null || connection.isClosed()) {
            return;
        }
        connection.seen();
        String text = assemble(connection, message);
        if (text == null) {
            return;
        }
        if (!admit(connection)) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException notJson) {
            frame = null;
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isString()) {
            invalid(connection, "live.invalid_message");
            return;
        }
        String type = frame.path("type").asString();
        try {
            if (!connection.authenticated()) {
                if (!type.equals("auth")) {
                    refuse(connection, "live.unauthorized.first_frame");
                    return;
                }
                authenticate(connection, frame, session);
            } else if (type.equals("auth")) {
                invalid(connection, "live.invalid_message.already_authenticated");
            } else {
                handle(connection, type, frame);
            }
        } catch (RuntimeException failure) {
            failed(connection, failure);
        }
    }

    /** Handles a frame's work where it runs (the socket's thread, or a turn's), telling the client if it fails. */
    void answering(Connection connection, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failure) {
            failed(connection, failure);
        }
    }

    private void failed(Connection connection, RuntimeException failure) {
        if (failure instanceof ApiException refused) {
            connection.send(frames.error(refused, connection.locale));
        } else {
            log.error("A live frame failed", failure);
            connection.send(frames.error("internal_error", "error.internal_error", connection.locale));
        }
    }

    /** The whole frame once its last part is in, {@code null} before that or when it is too long. */
    private String assemble(SocketConnection connection, TextMessage message) {
        String payload = message.getPayload();
        if (message.isLast() && connection.partial == null && !connection.oversized) {
            if (payload.length() > properties.maxFrameChars()) {
                invalid(connection, "live.invalid_message.too_large", String.valueOf(properties.maxFrameChars()));
                return null;
            }
            return payload;
        }
        if (!connection.oversized) {
            if (connection.partial == null) {
                connection.partial = new StringBuilder();
            }
            if (connection.partial.length() + payload.length() > properties.maxFrameChars()) {
                connection.partial = null;
                connection.oversized = true;
            } else {
                connection.partial.append(payload);
            }
        }
        if (!message.isLast()) {
            return null;
        }
        if (connection.oversized) {
            connection.oversized = false;
            invalid(connection, "live.invalid_message.too_large", String.valueOf(properties.maxFrameChars()));
            return null;
        }
        String whole = connection.partial.toString();
        connection.partial = null;
        return whole;
    }

    /** The socket's token bucket; a flood is told once a second, and the socket stays open. */
    private boolean admit(SocketConnection connection) {
        long now = System.nanoTime();
        connection.tokens = Math.min(
                properties.frameBurst(),
                connection.tokens + (now - connection.tokensAtNanos) / 1e9 * properties.framesPerSecond());
        connection.tokensAtNanos = now;
        if (connection.tokens >= 1) {
            connection.tokens -= 1;
            return true;
        }
        if (now - connection.lastRateNoticeNanos > 1_000_000_000L || connection.lastRateNoticeNanos == 0) {
            connection.lastRateNoticeNanos = now;
            connection.send(frames.error("rate_limited", "live.rate_limited", connection.locale));
        }
        return false;
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        SocketConnection connection = connection(session);
        if (connection != null && !connection.isClosed() && message.isLast()) {
            connection.seen();
            invalid(connection, "live.invalid_message");
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        SocketConnection connection = connection(session);
        if (connection != null) {
            connection.seen();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Live socket transport error: {}", exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        SocketConnection connection = connection(session);
        if (connection != null) {
            connection.markClosed();
            hub.remove(connection);
        }
    }

    /** Checks the auth frame and, when it is good, sets the connection's caller and says so to the client. */
    abstract void authenticate(SocketConnection connection, JsonNode frame, WebSocketSession session);

    /** Handles a frame of an authenticated client. */
    abstract void handle(SocketConnection connection, String type, JsonNode frame);

    void invalid(Connection connection, String key, Object... args) {
        connection.send(frames.error("invalid_message", key, connection.locale, args));
    }

    /** An error frame, then the socket closes: authentication failed. */
    void refuse(Connection connection, String key, Object... args) {
        refuse(connection, frames.error("unauthorized", key, connection.locale, args));
    }

    void refuse(Connection connection, Frame error) {
        hub.remove(connection);
        connection.send(error);
        connection.closeAfterSending(4001, "unauthorized");
    }

    static String text(JsonNode frame, String field) {
        JsonNode value = frame.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static SocketConnection connection(WebSocketSession session) {
        return (SocketConnection) session.getAttributes().get(CONNECTION);
    }
}
