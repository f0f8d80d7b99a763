package dev.parley.analytics.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.conversation.ConversationEvents.TurnRecorded;
import dev.parley.platform.PublicEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every fact into the event store as it is published, inside the transaction that made it: a fact that rolls
 * back is never counted, a committed one always is. Message text stays out; only a conversation's first question,
 * shortened, is kept for the top-queries report (and erased with the customer's data).
 */
@Component
class AnalyticsRecorder {

    static final int QUERY_LENGTH = 200;

    private final AnalyticsStore store;
    private final Clock clock;

    AnalyticsRecorder(AnalyticsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(PublicEvent event) {
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        data.remove("content");
        String conversation = text(data, "conversation_id");
        String session = text(data, "session_id");
        String agent = text(data, "agent_id");
        String name = null;
        Double amount = null;
        switch (event.type()) {
            case "conversation.created" ->
                store.opened(event.workspaceId(), event.mode(), conversation, text(data, "channel"), now);
            case "message.received" -> store.customerWrote(conversation, query(text(event.data(), "content")), now);
            case "message.sent" -> store.replied(conversation, "agent".equals(data.get("role")), now);
            case "conversation.escalated" -> store.escalated(conversation, now);
            case "conversation.assigned" -> store.assigned(conversation, agent, now);
            case "conversation.resolved" ->
                store.resolved(conversation, text(data, "resolution_type"), integer(data.get("csat_score")), now);
            case "conversation.closed" -> store.closed(conversation, now);
            case "feedback.submitted" -> store.rated(conversation, integer(data.get("rating")));
            case "chat.session.started" -> store.sessionOf(conversation, session);
            case "knowledge.gap_found" -> {
                name = query(text(event.data(), "query"));
                amount = data.get("confidence") instanceof Number n ? n.doubleValue() : null;
            }
            default -> {}
        }
        store.event(
                event.workspaceId(), event.mode(), event.type(), name, amount, now, conversation, session, agent, data);
    }

    @EventListener
    void on(TurnRecorded turn) {
        Instant now = clock.instant();
        store.answered(turn.conversationId(), turn.contactId(), turn.intent(), turn.sentiment(), turn.responseMillis());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message_id", turn.messageId());
        data.put("sentiment", turn.sentiment());
        data.put("confidence", turn.confidence());
        data.put("escalated", turn.escalated());
        store.event(
                turn.workspaceId(),
                turn.mode(),
                "turn",
                turn.intent(),
                (double) turn.responseMillis(),
                now,
                turn.conversationId(),
                null,
                null,
                data);
        for (ActionTaken action : turn.actions()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("tool", action.tool());
            details.put("status", action.status());
            store.event(
                    turn.workspaceId(),
                    turn.mode(),
                    "action",
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
        String normalized =
                text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?!.]+$", "");
        return normalized.length() > QUERY_LENGTH ? normalized.substring(0, QUERY_LENGTH) : normalized;
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
