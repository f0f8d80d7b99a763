package dev.parley.conversation.internal;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One message: the customer's (user), the assistant's, an agent's, or a system notice. */
record Message(
        String id,
        String conversationId,
        String role,
        String content,
        Map<String, Object> analysis,
        List<ActionTaken> actions,
        List<Citation> sources,
        List<Map<String, Object>> attachments,
        Instant createdAt) {}
