package dev.parley.conversation;

import dev.parley.platform.Mode;

/** What happened to conversations, past tense, for webhooks, analytics and live updates alike. */
public final class ConversationEvents {

    private ConversationEvents() {}

    /** {@code conversation.created} */
    public record ConversationCreated(String workspaceId, Mode mode, String conversationId, String channel) {}

    /** {@code message.received}: a customer's message. */
    public record MessageReceived(String workspaceId, Mode mode, String conversationId, String messageId) {}

    /** {@code message.sent}: the assistant's or an agent's reply. */
    public record MessageSent(String workspaceId, Mode mode, String conversationId, String messageId, String role) {}

    /** {@code conversation.escalated} */
    public record ConversationEscalated(
            String workspaceId, Mode mode, String conversationId, String reason, String priority, String ticketId) {}

    /** {@code chat.session.ended} (seed 000): a live session closed. */
    public record SessionEnded(
            String workspaceId,
            Mode mode,
            String sessionId,
            String conversationId,
            int messageCount,
            long durationSeconds,
            boolean resolved) {}

    /** {@code conversation.resolved} */
    public record ConversationResolved(
            String workspaceId, Mode mode, String conversationId, String resolutionType, Integer csatScore) {}
}
