package dev.parley.live.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A server-sent event stream of one conversation, for clients that cannot hold a WebSocket. */
final class SseConnection extends Connection {

    private final SseEmitter emitter;

    SseConnection(Locale locale, SseEmitter emitter, Executor executor, int limit) {
        super(Kind.CUSTOMER, locale, executor, limit);
        this.emitter = emitter;
    }

    @Override
    void write(Frame frame) throws IOException {
        if (frame == Frame.PING) {
            emitter.send(SseEmitter.event().comment("ping"));
            seen();
            return;
        }
        SseEmitter.SseEventBuilder event = SseEmitter.event().name(frame.type()).data(frame.json());
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
