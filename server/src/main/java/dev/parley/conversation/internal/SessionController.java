package dev.parley.conversation.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.conversation.Channel;
import dev.parley.conversation.ConversationEvents.SessionEnded;
import dev.parley.conversation.ConversationEvents.SessionStarted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.internal.Sessions.Session;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Ids;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's sessions: a session is one conversation (channel {@code voice}) with a short-lived token for its
 * socket. The token is random and stored only as a hash ({@link Sessions}); it expires after {@link #TOKEN_TTL}.
 */
@RestController
class SessionController {

    static final Duration TOKEN_TTL = Duration.ofHours(1);

    private final Conversations conversations;
    private final ConversationRows conversationRows;
    private final Sessions sessions;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionController(
            Conversations conversations,
            ConversationRows conversationRows,
            Sessions sessions,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.conversationRows = conversationRows;
        this.sessions = sessions;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    record SessionRequest(String userId, Map<String, Object> metadata) {}

    record SessionCreated(String sessionId, String conversationId, String token, Instant expiresAt) {}

    record SessionMessage(MessageRole role, String content, Instant timestamp, List<String> toolsUsed) {}

    record SessionContext(List<Object> cartItems, List<String> viewedProducts) {}

    record SessionView(
            String sessionId,
            String conversationId,
            String status,
            String userId,
            Map<String, Object> metadata,
            Instant startedAt,
            Instant endedAt,
            Instant expiresAt,
            List<SessionMessage> messages,
            SessionContext context) {}

    record SessionEndedResponse(String message, long durationSeconds) {}

    @PostMapping("/v1/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    SessionCreated create(Caller caller, @RequestBody(required = false) SessionRequest request) {
        SessionRequest r = request == null ? new SessionRequest(null, null) : request;
        if (r.userId() != null && r.userId().length() > 200) {
            throw ApiException.invalidField("user_id", "too_long");
        }
        Map<String, Object> metadata = r.metadata() == null ? Map.of() : r.metadata();
        Instant now = clock.instant();
        Conversation conversation =
                conversations.open(caller, Channel.VOICE, r.userId(), metadata).conversation();
        String id = Ids.next("sess");
        String token = "st_" + Ids.random(40);
        Instant expires = now.plus(TOKEN_TTL);
        transactions.executeWithoutResult(tx -> {
            sessions.start(
                    caller.workspaceId(),
                    caller.mode(),
                    id,
                    conversation.id(),
                    r.userId(),
                    metadata,
                    token,
                    expires,
                    now);
            // The session's token is its visitor's: with it, the socket reaches this conversation and no other.
            conversationRows.bindVisitor(caller.workspaceId(), caller.mode(), conversation.id(), token);
            events.publishEvent(
                    new SessionStarted(caller.workspaceId(), caller.mode(), id, conversation.id(), r.userId()));
        });
        return new SessionCreated(id, conversation.id(), token, expires);
    }

    @GetMapping("/v1/sessions/{session_id}")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    SessionView get(Caller caller, @PathVariable("session_id") String id) {
        Session session = session(caller, id);
        List<SessionMessage> messages = conversations.messages(caller, session.conversationId(), 500).stream()
                .filter(m -> m.role() != MessageRole.SYSTEM && !m.isPrivate())
                .map(m -> new SessionMessage(
                        m.role(),
                        m.content(),
                        m.createdAt(),
                        m.role() == MessageRole.ASSISTANT
                                ? m.actions().stream()
                                        .map(ActionTaken::tool)
                                        .distinct()
                                        .toList()
                                : null))
                .toList();
        return new SessionView(
                session.id(),
                session.conversationId(),
                status(session).wire(),
                session.userId(),
                session.metadata(),
                session.startedAt(),
                session.endedAt(),
                session.expiresAt(),
                messages,
                new SessionContext(List.of(), List.of()));
    }

    @DeleteMapping("/v1/sessions/{session_id}")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    SessionEndedResponse end(Caller caller, @PathVariable("session_id") String id) {
        Session session = session(caller, id);
        if (session.status() == SessionStatus.ENDED) {
            throw new ApiException(
                    dev.parley.platform.ErrorCode.CONFLICT,
                    null,
                    Map.of("session_id", id, "status", SessionStatus.ENDED.wire()));
        }
        Instant now = clock.instant();
        long duration = Duration.between(session.startedAt(), now).toSeconds();
        Conversation conversation = conversations.get(caller, session.conversationId());
        transactions.executeWithoutResult(tx -> {
            sessions.end(caller.workspaceId(), caller.mode(), id, now);
            events.publishEvent(new SessionEnded(
                    caller.workspaceId(),
                    caller.mode(),
                    id,
                    conversation.id(),
                    conversation.messageCount(),
                    duration,
                    conversation.is(ConversationStatus.RESOLVED)));
        });
        return new SessionEndedResponse("Session ended successfully", duration);
    }

    private SessionStatus status(Session session) {
        if (session.status() == SessionStatus.ACTIVE && session.expiresAt().isBefore(clock.instant())) {
            return SessionStatus.EXPIRED;
        }
        return session.status();
    }

    private Session session(Caller caller, String id) {
        return sessions.find(caller.workspaceId(), caller.mode(), id)
                .orElseThrow(() -> ApiException.notFound("session", id));
    }
}
