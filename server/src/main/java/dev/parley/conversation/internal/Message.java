package dev.parley.conversation.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.conversation.MessageRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message: the customer's ({@code user}), the assistant's, an agent's, a system notice, or an agents-only
 * private {@code note}. Agents' messages and notes name their author.
 */
record Message(
        String id,
        String conversationId,
        MessageRole role,
        String content,
        Map<String, Object> analysis,
        List<ActionTaken> actions,
        List<Citation> sources,
        List<Map<String, Object>> attachments,
        Instant createdAt,
        String authorId,
        String authorName) {

    /** What the customer never sees: private notes. */
    boolean isPrivate() {
        return role == MessageRole.NOTE;
    }
}
