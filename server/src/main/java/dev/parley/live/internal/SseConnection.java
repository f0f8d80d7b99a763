package dev.parley.live.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A server-sent event stream: of one conversation, for clients that cannot hold a WebSocket, or of a workspace's
 * events, for the console. The console's frames are unnamed, so one {@code onmessage} handler hears them all.
 */
final class SseConnection extends Connection {

    private final SseEmitter emitter;

    SseConnection(Kind kind, Locale locale, SseEmitter emitter, Executor executor, int limit) {
        super(kind, locale, executor, limit);
        this.emitter = emitter;
    }

    @Override
    void write(Frame frame) throws IOException {
        if (frame == Frame.PING) {
            emitter.send(SseEmitter.event().comment("ping"));
            seen();
            return;
        }
        SseEmitter.SseEventBuilder event = SseEmitter.event().data(frame.json());
        if (kind == Kind.CUSTOMER) {
            event.name(frame.type());
        }
        if (frame.id() != null) {
            event.id(frame.id());
        }
        emitter.send(event);
    }

    @Override
    void close(int code, String reason) {
        emitter.complete();
    }

    @Override
    void abort() {
        markClosed();
        try {
            emitter.complete();
        } catch (RuntimeException alreadyDone) {
            // the client went away first
        }
    }
}
