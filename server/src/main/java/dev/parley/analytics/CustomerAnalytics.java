package dev.parley.analytics;

import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What analytics recorded about some conversations, for a customer's data export. */
public interface CustomerAnalytics {

    /** The per-conversation rows and the events of these conversations (and of their sessions), oldest first. */
    Export export(String workspaceId, Mode mode, List<String> conversationIds);

    /** {@code analytics.json} of a customer's export: its keys are snake_case, in this order. */
    record Export(List<ConversationFigures> conversations, List<Event> events) {}

    /** A conversation's row of figures, as the reports read it. */
    record ConversationFigures(
            String conversationId,
            String channel,
            String sessionId,
            Instant createdAt,
            String firstQuery,
            String intent,
            String sentiment,
            int messagesIn,
            int messagesOut,
            Instant escalatedAt,
            Instant resolvedAt,
            String resolutionType,
            Integer csat) {}

    /** A recorded event: its catalogue type, and its data as it was stored (without message text). */
    record Event(
            String type, String name, Instant occurredAt, String conversationId, String sessionId, JsonNode data) {}
}
