package dev.parley.live.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** A WebSocket client: a widget or an agent's console. */
final class SocketConnection extends Connection {

    private final WebSocketSession session;
    /** A client frame arriving in parts, while it is assembled; {@code null} otherwise. */
    StringBuilder partial;
    /** Whether the frame being assembled is already too long and is skipped to its end. */
    boolean oversized;
    /** Token bucket of the client's frames: tokens left, and when they were last counted. */
    double tokens;

    long tokensAtNanos = System.nanoTime();
    long lastRateNoticeNanos;
    /** A widget's messages waiting to be answered, one at a time; made on its first message. */
    TurnLane turns;
    /** The conversation an agent last sent typing for, already checked to be the agent's. */
    String checkedConversation;

    SocketConnection(Kind kind, Locale locale, WebSocketSession session, Executor executor, int limit, int burst) {
        super(kind, locale, executor, limit);
        this.session = session;
        this.tokens = burst;
    }

    @Override
    void write(Frame frame) throws IOException {
        if (frame == Frame.PING) {
            session.sendMessage(new PingMessage());
        } else {
            session.sendMessage(new TextMessage(frame.json()));
        }
    }

    @Override
    void close(int code, String reason) {
        try {
            session.close(new CloseStatus(code, reason));
        } catch (IOException | RuntimeException alreadyGone) {
            // the client went away first
        }
    }

    @Override
    void abort() {
        markClosed();
        close(CloseStatus.POLICY_VIOLATION.getCode(), "dropped");
    }
}
