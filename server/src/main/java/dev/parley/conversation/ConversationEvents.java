package dev.parley.conversation;

import dev.parley.assistant.ActionTaken;
import dev.parley.platform.EventName;
import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.util.List;

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
        public EventName name() {
            return EventName.CONVERSATION_CREATED;
        }

        /** The payload's {@code data}. */
        public record Data(String conversationId, String channel) {}

        @Override
        public Data data() {
            return new Data(conversationId, channel.wire());
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
        public EventName name() {
            return EventName.MESSAGE_RECEIVED;
        }

        /** The payload's {@code data}. */
        public record Data(String conversationId, String messageId, String content) {}

        @Override
        public Data data() {
            return new Data(conversationId, messageId, content);
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
        public EventName name() {
            return EventName.MESSAGE_SENT;
        }

        /** The payload's {@code data}. */
        public record Data(String conversationId, String messageId, String role, String content) {}

        @Override
        public Data data() {
            return new Data(conversationId, messageId, role.wire(), content);
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
        public EventName name() {
            return EventName.CONVERSATION_ESCALATED;
        }

        /** The payload's {@code data}. */
        public record Data(
                String conversationId,
                String userId,
                String reason,
                String assignedAgent,
                String priority,
                String ticketId) {}

        @Override
        public Data data() {
            return new Data(conversationId, userId, reason.wire(), assignedAgent, priority.wire(), ticketId);
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
        public EventName name() {
            return EventName.CHAT_SESSION_ENDED;
        }

        /** The payload's {@code data}. */
        public record Data(
                String sessionId, String conversationId, int messageCount, long durationSeconds, boolean resolved) {}

        @Override
        public Data data() {
            return new Data(sessionId, conversationId, messageCount, durationSeconds, resolved);
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
        public EventName name() {
            return EventName.CONVERSATION_RESOLVED;
        }

        /** The payload's {@code data}. */
        public record Data(String conversationId, String resolutionType, Integer csatScore) {}

        @Override
        public Data data() {
            return new Data(conversationId, resolutionType.wire(), csatScore);
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
        public EventName name() {
            return EventName.CONVERSATION_ASSIGNED;
        }

        /** The payload's {@code data}. */
        public record Data(String conversationId, String agentId, String previousAgentId) {}

        @Override
        public Data data() {
            return new Data(conversationId, agentId, previousAgentId);
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
        public EventName name() {
            return EventName.CONVERSATION_CLOSED;
        }

        /** The payload's {@code data}. */
        public record Data(String conversationId, String closedBy) {}

        @Override
        public Data data() {
            return new Data(conversationId, closedBy);
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
        public EventName name() {
            return EventName.FEEDBACK_SUBMITTED;
        }

        /** The payload's {@code data}. */
        public record Data(String conversationId, String feedbackId, int rating, String comment, String agentId) {}

        @Override
        public Data data() {
            return new Data(conversationId, feedbackId, rating, comment, agentId);
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
        public EventName name() {
            return EventName.CHAT_SESSION_STARTED;
        }

        /** The payload's {@code data}. */
        public record Data(String sessionId, String conversationId, String userId) {}

        @Override
        public Data data() {
            return new Data(sessionId, conversationId, userId);
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
}
