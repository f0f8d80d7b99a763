package dev.parley.live.internal;

import dev.parley.conversation.LiveConversations;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.CallerResolver;
import dev.parley.platform.Scope;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agents' stream, {@code /v1/agent/ws}: the console authenticates in its first frame with anything the platform
 * resolves to a caller holding {@code conversations:read} (a secret key as {@code api_key}, or a console token as
 * {@code token}), then hears every conversation event of that workspace and mode, and the customers' typing; its
 * {@code typing} frames ({@code conversation_id}, {@code is_typing}) reach that conversation's customer.
 */
@Component
class AgentSocket extends SocketHandler {

    private final LiveConversations conversations;
    private final CallerResolver callers;
    private final Fanout fanout;

    AgentSocket(
            Hub hub,
            Frames frames,
            LiveProperties properties,
            JsonMapper json,
            LiveConversations conversations,
            CallerResolver callers,
            Fanout fanout) {
        super(Connection.Kind.AGENT, hub, frames, properties, json);
        this.conversations = conversations;
        this.callers = callers;
        this.fanout = fanout;
    }

    @Override
    void authenticate(SocketConnection connection, JsonNode frame, WebSocketSession session) {
        String credential = text(frame, "token") != null ? text(frame, "token") : text(frame, "api_key");
        if (credential == null) {
            refuse(connection, "live.unauthorized.missing");
            return;
        }
        Optional<Caller> caller;
        try {
            caller = callers.resolve(
                    credential, null, session.getHandshakeHeaders().getOrigin());
        } catch (ApiException refused) {
            refuse(connection, frames.error(refused, connection.locale));
            return;
        }
        if (caller.isEmpty()) {
            refuse(connection, "live.unauthorized.key");
            return;
        }
        if (!caller.get().has(Scope.CONVERSATIONS_READ)) {
            refuse(connection, "live.unauthorized.scope", Scope.CONVERSATIONS_READ.value());
            return;
        }
        connection.caller = caller.get();
        hub.watch(connection);
        connection.send(frames.authenticated(null, null));
    }

    @Override
    void handle(SocketConnection connection, String type, JsonNode frame) {
        if (!type.equals("typing")) {
            invalid(connection, "live.invalid_message.unknown_type", type);
            return;
        }
        String conversationId = text(frame, "conversation_id");
        JsonNode typing = frame.path("is_typing");
        if (conversationId == null) {
            invalid(connection, "live.invalid_message.conversation_id");
            return;
        }
        if (!typing.isBoolean()) {
            invalid(connection, "live.invalid_message.is_typing");
            return;
        }
        Caller caller = connection.caller;
        if (!conversationId.equals(connection.checkedConversation)) {
            if (conversations.find(caller, conversationId).isEmpty()) {
                throw ApiException.notFound("conversation", conversationId);
            }
            connection.checkedConversation = conversationId;
        }
        fanout.publish(Signal.typing(
                caller.workspaceId(), caller.mode(), conversationId, Signal.Typist.AGENT, typing.asBoolean()));
    }
}
