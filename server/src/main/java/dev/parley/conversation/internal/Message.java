package dev.parley.conversation.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.conversation.MessageAnalysis;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.MessageRole;
import java.time.Instant;
import java.util.List;

/**
 * One message: the customer's ({@code user}), the assistant's, an agent's, a system notice, or an agents-only
 * private {@code note}. Agents' messages and notes name their author. {@code seq} is the order the database stored it
 * in among the conversation's messages and assignments (0 until it is stored).
 */
record Message(
        String id,
        String conversationId,
        MessageRole role,
        String content,
        MessageAnalysis analysis,
        List<ActionTaken> actions,
        List<Citation> sources,
        List<MessageAttachment> attachments,
        Instant createdAt,
        String authorId,
        String authorName,
        long seq) {

    Message(
            String id,
            String conversationId,
            MessageRole role,
            String content,
            MessageAnalysis analysis,
            List<ActionTaken> actions,
            List<Citation> sources,
            List<MessageAttachment> attachments,
            Instant createdAt,
            String authorId,
            String authorName) {
        this(
                id,
                conversationId,
                role,
                content,
                analysis,
                actions,
                sources,
                attachments,
                createdAt,
                authorId,
                authorName,
                0);
    }

    /** What the customer never sees: private notes. */
    boolean isPrivate() {
        return role == MessageRole.NOTE;
    }
}
