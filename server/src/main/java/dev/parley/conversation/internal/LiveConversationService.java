package dev.parley.conversation.internal;

import dev.parley.conversation.Channel;
import dev.parley.conversation.LiveConversations;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** {@link LiveConversations} over the conversations of this module. */
@Service
class LiveConversationService implements LiveConversations {

    private final Conversations conversations;
    private final ConversationRows conversationRows;
    private final Sessions sessions;
    private final Clock clock;

    LiveConversationService(
            Conversations conversations, ConversationRows conversationRows, Sessions sessions, Clock clock) {
        this.conversations = conversations;
        this.conversationRows = conversationRows;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Opened open(Caller caller, Channel channel) {
        return open(caller, channel, null);
    }

    @Override
    public Opened open(Caller caller, Channel channel, String pageUrl) {
        Conversations.Opened opened = conversations.open(
                caller, channel, null, pageUrl == null ? java.util.Map.of() : java.util.Map.of("page_url", pageUrl));
        return new Opened(opened.conversation().id(), opened.visitorToken());
    }

    @Override
    public Optional<ConversationState> find(Caller caller, String conversationId) {
        return conversationRows.find(caller, conversationId).map(LiveConversationService::state);
    }

    @Override
    public Exchange send(Caller caller, String conversationId, String messageId, String content) {
        return send(caller, conversationId, messageId, content, () -> {});
    }

    @Override
    public Exchange send(
            Caller caller,
            String conversationId,
            String messageId,
            String content,
            Runnable answering,
            Consumer<String> onText) {
        if (messageId == null || !messageId.startsWith("msg_")) {
            throw new IllegalArgumentException("a new msg_ id is needed");
        }
        Conversations.Exchange exchange = conversations.send(
                caller, conversationId, messageId, content, List.of(), new Conversations.Watcher(answering, onText));
        return new Exchange(state(exchange.conversation()), view(exchange.received()), view(exchange.reply()));
    }

    @Override
    public List<LiveMessage> messagesAfter(Caller caller, String conversationId, String afterMessageId, int limit) {
        conversations.get(caller, conversationId);
        return conversationRows
                .messagesAfter(
                        caller.workspaceId(), caller.mode(), conversationId, afterMessageId, CUSTOMER_ROLES, limit)
                .orElseThrow(() -> ApiException.invalidField("after", "invalid_value"))
                .stream()
                .map(LiveConversationService::view)
                .toList();
    }

    @Override
    public Optional<SessionAccess> session(String token) {
        if (token == null || !token.startsWith("st_")) {
            return Optional.empty();
        }
        return sessions.active(token, clock.instant())
                .map(session -> new SessionAccess(
                        new Caller(
                                session.workspaceId(),
                                session.mode(),
                                session.id(),
                                Caller.KeyKind.PUBLISHABLE,
                                Set.of(Scope.WIDGET),
                                0,
                                null,
                                null,
                                token),
                        session.id(),
                        session.conversationId()));
    }

    private static ConversationState state(Conversation c) {
        return new ConversationState(c.id(), c.channel(), c.status());
    }

    private static LiveMessage view(Message m) {
        return m == null ? null : new LiveMessage(m.id(), m.role(), m.content(), m.createdAt());
    }
}
