package dev.parley.conversation;

import dev.parley.platform.Mode;
import java.util.List;
import java.util.Optional;

/**
 * A helpdesk outside Parley (Gorgias) that escalated conversations are handed to. Another module implements it; the
 * conversation module calls it when a conversation is escalated, by an API call or by the assistant.
 */
public interface Helpdesk {

    /**
     * Opens a ticket for a conversation being escalated.
     *
     * @return the ticket's reference, shown to the customer as the conversation's {@code ticket_id}; empty when the
     *     workspace has no helpdesk connected (Parley then makes its own reference)
     */
    Optional<String> openTicket(Escalation escalation);

    /**
     * @param transcript the conversation so far, oldest first, the message being answered last
     * @param lastMessageId the id of the customer message that led to the escalation, already in the transcript;
     *     {@code null} for an escalation by API
     */
    record Escalation(
            String workspaceId,
            Mode mode,
            String conversationId,
            String customerEmail,
            String customerName,
            EscalationReason reason,
            Priority priority,
            List<TranscriptLine> transcript,
            String lastMessageId) {

        public Escalation {
            transcript = List.copyOf(transcript);
        }
    }

    /** @param role {@code USER}, {@code ASSISTANT}, {@code AGENT} or {@code SYSTEM} */
    record TranscriptLine(MessageRole role, String content) {}
}
