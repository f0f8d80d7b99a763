package dev.parley.live.internal;

import dev.parley.live.AgentStreams;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Component
class AgentEventStreams implements AgentStreams {

    private final Hub hub;
    private final LiveProperties properties;

    AgentEventStreams(Hub hub, LiveProperties properties) {
        this.hub = hub;
        this.properties = properties;
    }

    @Override
    public SseEmitter open(Caller caller, Locale locale) {
        caller.require(Scope.CONVERSATIONS_READ);
        SseEmitter emitter = new SseEmitter(LiveController.STREAM_MILLIS);
        SseConnection connection =
                new SseConnection(Connection.Kind.AGENT, locale, emitter, hub.writers(), properties.sendQueue());
        connection.caller = caller;
        Runnable gone = () -> {
            connection.markClosed();
            hub.remove(connection);
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(failure -> gone.run());
        hub.add(connection);
        hub.watch(connection);
        // a first comment flushes the headers, so the browser knows the stream is open before the first event
        connection.send(Frame.PING);
        return emitter;
    }
}
