package dev.parley.analytics.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.KnowledgeGapFound;
import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.ConversationEvents.ConversationClosed;
import dev.parley.conversation.ConversationEvents.ConversationCreated;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationResolved;
import dev.parley.conversation.ConversationEvents.FeedbackSubmitted;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.MessageSent;
import dev.parley.conversation.ConversationEvents.SessionEnded;
import dev.parley.conversation.ConversationEvents.SessionStarted;
import dev.parley.conversation.ConversationEvents.TurnRecorded;
import dev.parley.conversation.MessageRole;
import dev.parley.knowledge.ScrapeCompleted;
import dev.parley.platform.PublicEvent;
import dev.parley.tenancy.AgentDeactivated;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every fact into the event log as it is published, inside the transaction that made it: a fact that rolls
 * back is never counted, a committed one always is. One listener per fact, taking its record: the conversation facts
 * also update the conversation's figures, and each is logged under its catalogue name. Message text stays out; only a conversation's first question,
 * shortened, is kept for the top-queries report (and erased with the customer's data).
 */
@Component
class AnalyticsRecorder {

    static final int QUERY_LENGTH = 200;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[?!.]+$");

    private final AnalyticsRows analyticsRows;
    private final Clock clock;
    private final JsonMapper json;

    AnalyticsRecorder(AnalyticsRows analyticsRows, Clock clock, JsonMapper json) {
        this.json = json;
        this.analyticsRows = analyticsRows;
        this.clock = clock;
    }

    @EventListener
    void on(ConversationCreated created) {
        Instant now = clock.instant();
        analyticsRows.opened(
                created.workspaceId(),
                created.mode(),
                created.conversationId(),
                created.channel().wire(),
                now);
        log(created, now);
    }

    @EventListener
    void on(MessageReceived received) {
        Instant now = clock.instant();
        analyticsRows.customerWrote(received.conversationId(), query(received.content()), now);
        log(received, now);
    }

    @EventListener
    void on(MessageSent sent) {
        Instant now = clock.instant();
        analyticsRows.replied(sent.conversationId(), sent.role() == MessageRole.AGENT, now);
        log(sent, now);
    }

    @EventListener
    void on(ConversationEscalated escalated) {
        Instant now = clock.instant();
        analyticsRows.escalated(escalated.conversationId(), now);
        log(escalated, now);
    }

    @EventListener
    void on(ConversationAssigned assigned) {
        Instant now = clock.instant();
        analyticsRows.assigned(assigned.conversationId(), assigned.agentId(), now);
        log(assigned, now);
    }

    @EventListener
    void on(ConversationResolved resolved) {
        Instant now = clock.instant();
        analyticsRows.resolved(
                resolved.conversationId(), resolved.resolutionType().wire(), resolved.csatScore(), now);
        log(resolved, now);
    }

    @EventListener
    void on(ConversationClosed closed) {
        Instant now = clock.instant();
        analyticsRows.closed(closed.conversationId(), now);
        log(closed, now);
    }

    @EventListener
    void on(FeedbackSubmitted feedback) {
        Instant now = clock.instant();
        analyticsRows.rated(feedback.conversationId(), feedback.rating());
        log(feedback, now);
    }

    @EventListener
    void on(SessionStarted started) {
        Instant now = clock.instant();
        analyticsRows.sessionOf(started.conversationId(), started.sessionId());
        log(started, now);
    }

    @EventListener
    void on(SessionEnded ended) {
        log(ended, clock.instant());
    }

    /** A gap is stored under its question, as the top-queries report groups it, and the confidence it was found at. */
    @EventListener
    void on(KnowledgeGapFound gap) {
        log(gap, clock.instant(), query(gap.query()), gap.confidence());
    }

    @EventListener
    void on(ScrapeCompleted scrape) {
        log(scrape, clock.instant());
    }

    @EventListener
    void on(AgentDeactivated deactivated) {
        log(deactivated, clock.instant());
    }

    private void log(PublicEvent event, Instant now) {
        log(event, now, null, null);
    }

    /** The fact's row in the event log, under its catalogue name: its data without message text. */
    private void log(PublicEvent event, Instant now, String name, Double amount) {
        ObjectNode data = json.valueToTree(event.data());
        data.remove("content");
        analyticsRows.event(
                event.workspaceId(),
                event.mode(),
                new EventType.Fact(event.name()),
                name,
                amount,
                now,
                text(data, "conversation_id"),
                text(data, "session_id"),
                text(data, "agent_id"),
                data);
    }

    @EventListener
    void on(TurnRecorded turn) {
        Instant now = clock.instant();
        analyticsRows.answered(
                turn.conversationId(), turn.contactId(), turn.intent(), turn.sentiment(), turn.responseMillis());
        TurnData data = new TurnData(turn.messageId(), turn.sentiment(), turn.confidence(), turn.escalated());
        analyticsRows.event(
                turn.workspaceId(),
                turn.mode(),
                EventType.Kind.TURN,
                turn.intent(),
                (double) turn.responseMillis(),
                now,
                turn.conversationId(),
                null,
                null,
                data);
        for (ActionTaken action : turn.actions()) {
            ActionData details = new ActionData(action.tool(), action.status());
            analyticsRows.event(
                    turn.workspaceId(),
                    turn.mode(),
                    EventType.Kind.ACTION,
                    action.type(),
                    null,
                    now,
                    turn.conversationId(),
                    null,
                    null,
                    details);
        }
    }

    /** A question as the reports group it: trimmed, lower case, spaces collapsed, shortened. */
    static String query(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = END_PUNCTUATION
                .matcher(SPACES.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" "))
                .replaceAll("");
        return normalized.length() > QUERY_LENGTH ? normalized.substring(0, QUERY_LENGTH) : normalized;
    }

    private static String text(JsonNode data, String key) {
        JsonNode value = data.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The data of a {@code turn} row. */
    record TurnData(String messageId, String sentiment, double confidence, boolean escalated) {}

    /** The data of an {@code action} row. */
    record ActionData(String tool, ActionTaken.Status status) {}
}
