package dev.parley.live.internal;

import dev.parley.conversation.Channel;
import dev.parley.conversation.LiveConversations;
import dev.parley.conversation.LiveConversations.SessionAccess;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.CallerResolver;
import dev.parley.platform.Ids;
import dev.parley.platform.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 001's widget socket, {@code /v1/ws}. The client authenticates in its first frame with an API key (a
 * publishable {@code pk_} key, accepted only from the store's domains as the upgrade's {@code Origin} names them, or
 * a secret key with {@code conversations:write}) or a seed 004 session token, optionally naming its conversation and
 * the last message it has ({@code last_message_id}: what it missed is replayed first). A publishable key names only a
 * conversation it opened, with the {@code visitor_token} it got then; a conversation the socket opens is announced
 * with its new visitor token. Then {@code message} frames are acknowledged ({@code message_received}, with the
 * stored id and the frame's optional {@code client_message_id}) and answered by the assistant (its {@code typing}
 * while it works; to a client that sent {@code stream: true} in its auth frame, the reply's pieces as it is written,
 * {@code message.delta} frames, before the reply's {@code message}), {@code typing} frames reach the agents, and
 * everything said in the conversation, by anyone on any node, reaches the socket: the customer's own messages as the
 * user's, except to the socket that sent them.
 */
@Component
class WidgetSocket extends SocketHandler {

    static final int MAX_CLIENT_MESSAGE_ID = 100;
    /** Messages of one socket that may wait behind the one being answered; the frame rate bounds them first. */
    static final int MAX_WAITING_TURNS = 16;

    /** The longest {@code context.page_url} an auth frame may give a conversation it opens; longer ones are dropped. */
    static final int MAX_PAGE_URL = 2000;

    private final LiveConversations conversations;
    private final CallerResolver callers;
    private final Fanout fanout;

    WidgetSocket(
            Hub hub,
            Frames frames,
            LiveProperties properties,
            JsonMapper json,
            LiveConversations conversations,
            CallerResolver callers,
            Fanout fanout) {
        super(Connection.Kind.CUSTOMER, hub, frames, properties, json);
        this.conversations = conversations;
        this.callers = callers;
        this.fanout = fanout;
    }

    @Override
    void authenticate(SocketConnection connection, JsonNode frame, WebSocketSession session) {
        String token = text(frame, "token");
        String apiKey = text(frame, "api_key");
        String conversationId = text(frame, "conversation_id");
        String sessionId = null;
        Caller caller;
        if (token != null) {
            Optional<SessionAccess> access = conversations.session(token);
            if (access.isEmpty()
                    || (conversationId != null
                            && !conversationId.equals(access.get().conversationId()))) {
                refuse(connection, "live.unauthorized.token");
                return;
            }
            caller = access.get().caller();
            sessionId = access.get().sessionId();
            conversationId = access.get().conversationId();
        } else if (apiKey != null) {
            Optional<Caller> resolved;
            try {
                resolved = callers.resolve(
                        apiKey, null, session.getHandshakeHeaders().getOrigin());
            } catch (ApiException refused) {
                refuse(connection, frames.error(refused, connection.locale));
                return;
            }
            if (resolved.isEmpty()) {
                refuse(connection, "live.unauthorized.key");
                return;
            }
            caller = resolved.get().visiting(text(frame, "visitor_token"));
            if (!caller.has(Scope.WIDGET) && !caller.has(Scope.CONVERSATIONS_WRITE)) {
                refuse(connection, "live.unauthorized.scope", Scope.CONVERSATIONS_WRITE.value());
                return;
            }
        } else {
            refuse(connection, "live.unauthorized.missing");
            return;
        }
        if (conversationId != null) {
            if (conversations.find(caller, conversationId).isEmpty()) {
                refuse(
                        connection,
                        frames.error(ApiException.notFound("conversation", conversationId), connection.locale));
                return;
            }
        }
        connection.caller = caller;
        connection.sessionId = sessionId;
        JsonNode stream = frame.path("stream");
        connection.streaming = stream.isBoolean() && stream.asBoolean();
        if (conversationId == null) {
            JsonNode pageUrl = frame.path("context").path("page_url");
            connection.pageUrl =
                    pageUrl.isString() && pageUrl.asString().length() <= MAX_PAGE_URL ? pageUrl.asString() : null;
            connection.send(frames.authenticated(null, sessionId));
            return;
        }
        // The connection follows its conversation before it is told it is authenticated, what arrives meanwhile held
        // back: from that frame on, it misses nothing said in the conversation, nor the end of its session.
        connection.hold();
        hub.follow(connection, conversationId);
        List<Frame> first = new ArrayList<>();
        first.add(frames.authenticated(conversationId, sessionId));
        String lastMessageId = text(frame, "last_message_id");
        try {
            if (lastMessageId != null) {
                conversations.messagesAfter(caller, conversationId, lastMessageId, properties.replayLimit()).stream()
                        .map(m -> frames.message(m.id(), m.role(), m.content(), m.createdAt()))
                        .forEach(first::add);
            }
        } catch (ApiException unknownMessage) {
            first.add(frames.error(unknownMessage, connection.locale));
        } finally {
            connection.release(first);
        }
    }

    @Override
    void handle(SocketConnection connection, String type, JsonNode frame) {
        switch (type) {
            case "message" -> inTurn(connection, () -> message(connection, frame));
            case "typing" -> typing(connection, frame);
            default -> invalid(connection, "live.invalid_message.unknown_type", type);
        }
    }

    /**
     * Answers a message off the socket's own thread, after the socket's earlier messages: a slow turn holds up neither
     * this socket's pings and other frames nor anyone else.
     */
    private void inTurn(SocketConnection connection, Runnable turn) {
        if (connection.turns == null) {
            connection.turns = new TurnLane(MAX_WAITING_TURNS);
        }
        boolean queued = connection.turns.offer(
                () -> {
                    if (!connection.isClosed()) {
                        answering(connection, turn);
                    }
                },
                hub.writers());
        if (!queued) {
            connection.send(frames.error("rate_limited", "live.rate_limited", connection.locale));
        }
    }

    private void message(SocketConnection connection, JsonNode frame) {
        JsonNode content = frame.path("content");
        if (!content.isString() || content.asString().isBlank()) {
            invalid(connection, "live.invalid_message.content");
            return;
        }
        JsonNode clientMessageId = frame.path("client_message_id");
        if (!clientMessageId.isMissingNode()
                && !clientMessageId.isNull()
                && (!clientMessageId.isString()
                        || clientMessageId.asString().isBlank()
                        || clientMessageId.asString().length() > MAX_CLIENT_MESSAGE_ID)) {
            invalid(connection, "live.invalid_message.client_message_id", MAX_CLIENT_MESSAGE_ID);
            return;
        }
        Caller caller = connection.caller;
        String conversationId = connection.conversationId;
        if (conversationId == null) {
            LiveConversations.Opened opened = conversations.open(caller, Channel.WIDGET, connection.pageUrl);
            conversationId = opened.conversationId();
            caller = caller.visiting(opened.visitorToken());
            connection.caller = caller;
            hub.follow(connection, conversationId);
            connection.send(frames.conversation(conversationId, opened.visitorToken()));
        }
        // Its own message comes back to this client as message_received (other tabs and agents see it as the user's).
        String messageId = Ids.next("msg");
        connection.sending(messageId, clientMessageId.isString() ? clientMessageId.asString() : null);
        // The conversation decides whether the assistant answers (not while a human holds it); it says so, from the
        // one read the message needs, before the turn, and the assistant is shown typing until the reply.
        Caller answerer = caller;
        String answered = conversationId;
        AtomicBoolean answering = new AtomicBoolean();
        try {
            LiveConversations.Exchange exchange = conversations.send(
                    caller,
                    conversationId,
                    messageId,
                    content.asString(),
                    () -> {
                        answering.set(true);
                        fanout.publish(Signal.typing(
                                answerer.workspaceId(), answerer.mode(), answered, Signal.Typist.ASSISTANT, true));
                    },
                    connection.streaming ? new ReplyPreview(connection, messageId) : null);
            String unacknowledged = connection.acknowledge(messageId);
            if (unacknowledged != null) {
                // Acknowledged as it went live, normally; here if that did not reach this node's clients.
                connection.send(frames.received(
                        messageId, unacknowledged, exchange.received().createdAt()));
            }
        } catch (RuntimeException refused) {
            connection.acknowledge(messageId);
            throw refused;
        } finally {
            if (answering.get()) {
                fanout.publish(Signal.typing(
                        caller.workspaceId(), caller.mode(), conversationId, Signal.Typist.ASSISTANT, false));
            }
        }
    }

    /**
     * The assistant's reply to one message, sent to the client that asked for it as {@code message.delta} frames as
     * it is written. Pieces wait while the client falls behind and go together in the next frame; the reply's own
     * {@code message} frame ends it in any case, so a slow client misses none of the reply.
     */
    private final class ReplyPreview implements Consumer<String> {

        private final SocketConnection connection;
        private final String replyTo;
        private final StringBuilder waiting = new StringBuilder();

        ReplyPreview(SocketConnection connection, String replyTo) {
            this.connection = connection;
            this.replyTo = replyTo;
        }

        @Override
        public void accept(String piece) {
            waiting.append(piece);
            if (!waiting.isEmpty() && connection.keepsUp()) {
                connection.send(frames.delta(replyTo, waiting.toString()));
                waiting.setLength(0);
            }
        }
    }

    private void typing(SocketConnection connection, JsonNode frame) {
        JsonNode typing = frame.path("is_typing");
        if (!typing.isBoolean()) {
            invalid(connection, "live.invalid_message.is_typing");
            return;
        }
        if (connection.conversationId != null) {
            Caller caller = connection.caller;
            fanout.publish(Signal.typing(
                    caller.workspaceId(),
                    caller.mode(),
                    connection.conversationId,
                    Signal.Typist.CUSTOMER,
                    typing.asBoolean()));
        }
    }
}
