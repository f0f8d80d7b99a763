package dev.parley.conversation;

import dev.parley.assistant.ActionTaken;
import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to conversations, past tense, for webhooks, analytics and live updates alike. Each is published once,
 * inside the transaction that stored it; listeners that act on committed facts listen after commit.
 */
public final class ConversationEvents {

    private ConversationEvents() {}

    /** {@code conversation.created} */
    public record ConversationCreated(String workspaceId, Mode mode, String conversationId, Channel channel)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.CONVERSATION_CREATED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields("conversation_id", conversationId, "channel", channel.wire());
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /** {@code message.received}: a customer's message. */
    public record MessageReceived(
            String workspaceId, Mode mode, String conversationId, String messageId, String content)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.MESSAGE_RECEIVED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields("conversation_id", conversationId, "message_id", messageId, "content", content);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /**
     * {@code message.sent}: the assistant's or an agent's reply.
     *
     * @param role {@link MessageRole#ASSISTANT} or {@link MessageRole#AGENT}
     */
    public record MessageSent(
            String workspaceId, Mode mode, String conversationId, String messageId, MessageRole role, String content)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.MESSAGE_SENT.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields(
                    "conversation_id",
                    conversationId,
                    "message_id",
                    messageId,
                    "role",
                    role.wire(),
                    "content",
                    content);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /**
     * {@code conversation.escalated}, with seed 002's payload ({@code conversation_id}, {@code user_id}, {@code reason},
     * {@code assigned_agent}) and Parley's {@code priority} and {@code ticket_id}.
     *
     * @param userId the store's own id of the customer, given when the conversation started, or {@code null}
     * @param assignedAgent the agent the escalation was given to, or {@code null} while it waits in the queue
     */
    public record ConversationEscalated(
            String workspaceId,
            Mode mode,
            String conversationId,
            String userId,
            EscalationReason reason,
            String assignedAgent,
            Priority priority,
            String ticketId)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.CONVERSATION_ESCALATED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields(
                    "conversation_id",
                    conversationId,
                    "user_id",
                    userId,
                    "reason",
                    reason.wire(),
                    "assigned_agent",
                    assignedAgent,
                    "priority",
                    priority.wire(),
                    "ticket_id",
                    ticketId);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /** {@code chat.session.ended} (seed 000): a live session closed. */
    public record SessionEnded(
            String workspaceId,
            Mode mode,
            String sessionId,
            String conversationId,
            int messageCount,
            long durationSeconds,
            boolean resolved)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.CHAT_SESSION_ENDED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields(
                    "session_id",
                    sessionId,
                    "conversation_id",
                    conversationId,
                    "message_count",
                    messageCount,
                    "duration_seconds",
                    durationSeconds,
                    "resolved",
                    resolved);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /** {@code conversation.resolved} */
    public record ConversationResolved(
            String workspaceId, Mode mode, String conversationId, ResolutionType resolutionType, Integer csatScore)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.CONVERSATION_RESOLVED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields(
                    "conversation_id",
                    conversationId,
                    "resolution_type",
                    resolutionType.wire(),
                    "csat_score",
                    csatScore);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /**
     * {@code conversation.assigned}: a conversation was given to an agent, or taken from one ({@code agentId} null).
     *
     * @param previousAgentId who held it before, or {@code null}
     */
    public record ConversationAssigned(
            String workspaceId, Mode mode, String conversationId, String agentId, String previousAgentId)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.CONVERSATION_ASSIGNED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields("conversation_id", conversationId, "agent_id", agentId, "previous_agent_id", previousAgentId);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /** {@code conversation.closed} (seed 003's {@code chat.closed}): the conversation is over for good. */
    public record ConversationClosed(String workspaceId, Mode mode, String conversationId, String closedBy)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.CONVERSATION_CLOSED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields("conversation_id", conversationId, "closed_by", closedBy);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /**
     * {@code feedback.submitted} (seed 002): the customer rated the conversation.
     *
     * @param rating 1 to 5
     * @param agentId the agent who held the conversation, or {@code null}
     */
    public record FeedbackSubmitted(
            String workspaceId,
            Mode mode,
            String conversationId,
            String feedbackId,
            int rating,
            String comment,
            String agentId)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.FEEDBACK_SUBMITTED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields(
                    "conversation_id",
                    conversationId,
                    "feedback_id",
                    feedbackId,
                    "rating",
                    rating,
                    "comment",
                    comment,
                    "agent_id",
                    agentId);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /**
     * {@code chat.session.started}: a live session (seed 004) opened with its conversation.
     */
    public record SessionStarted(String workspaceId, Mode mode, String sessionId, String conversationId, String userId)
            implements PublicEvent {
        @Override
        public String type() {
            return EventName.CHAT_SESSION_STARTED.wire();
        }

        @Override
        public Map<String, Object> data() {
            return fields("session_id", sessionId, "conversation_id", conversationId, "user_id", userId);
        }

        @Override
        public String orderingKey() {
            return conversationId;
        }
    }

    /**
     * The assistant answered a customer message: what it understood and did, and how long it took. For analytics;
     * not a webhook event (its facts reach receivers in {@code message.sent}).
     *
     * @param contactId the conversation's customer, or {@code null} while anonymous
     * @param responseMillis from the customer's message arriving to the reply being ready
     */
    public record TurnRecorded(
            String workspaceId,
            Mode mode,
            String conversationId,
            String contactId,
            String messageId,
            String intent,
            String sentiment,
            double confidence,
            List<ActionTaken> actions,
            long responseMillis,
            boolean escalated) {

        public TurnRecorded {
            actions = List.copyOf(actions);
        }
    }

    /** A data object from alternating keys and values, in order; null values are kept as JSON nulls. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
