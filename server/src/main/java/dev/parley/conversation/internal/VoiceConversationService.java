package dev.parley.conversation.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.conversation.VoiceConversations;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Voice turns are customer messages of the session's conversation, sent through {@link Conversations#send}. */
@Service
class VoiceConversationService implements VoiceConversations {

    private final Conversations conversations;
    private final Sessions sessions;
    private final Clock clock;

    VoiceConversationService(Conversations conversations, Sessions sessions, Clock clock) {
        this.conversations = conversations;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Optional<VoiceSession> session(String token) {
        if (token == null || !token.startsWith("st_") || token.length() > 100) {
            return Optional.empty();
        }
        return sessions.active(token, clock.instant())
                .map(s -> new VoiceSession(s.workspaceId(), s.mode(), s.id(), s.conversationId(), s.expiresAt()));
    }

    @Override
    public VoiceReply say(VoiceSession session, String text) {
        Caller caller = new Caller(
                session.workspaceId(),
                session.mode(),
                null,
                Caller.KeyKind.SECRET,
                Set.of(Scope.CONVERSATIONS_WRITE),
                0,
                null);
        Conversations.Exchange exchange = conversations.send(caller, session.conversationId(), text, List.of());
        if (exchange.reply() == null) {
            return new VoiceReply(null, null, null, List.of());
        }
        Message reply = exchange.reply();
        List<String> tools =
                reply.actions().stream().map(ActionTaken::tool).distinct().toList();
        return new VoiceReply(
                reply.id(), reply.content(), exchange.turn().analysis().intent(), tools);
    }
}
