package dev.parley.live.internal;

import dev.parley.conversation.LiveConversations;
import dev.parley.live.AgentStreams;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Component
class AgentEventStreams implements AgentStreams {

    private final Hub hub;
    private final LiveProperties properties;
    private final LiveConversations conversations;
    private final Fanout fanout;

    AgentEventStreams(Hub hub, LiveProperties properties, LiveConversations conversations, Fanout fanout) {
        this.hub = hub;
        this.properties = properties;
        this.conversations = conversations;
        this.fanout = fanout;
    }

    @Override
    public void typing(Caller caller, String conversationId, boolean typing) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        if (conversations.find(caller, conversationId).isEmpty()) {
            throw ApiException.notFound("conversation", conversationId);
        }
        fanout.publish(Signal.typing(caller.workspaceId(), caller.mode(), conversationId, Signal.Typist.AGENT, typing));
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
