package dev.parley.assistant;

import dev.parley.platform.Mode;
import java.util.List;

/**
 * A customer message and its conversation.
 *
 * @param history the last turns, oldest first
 * @param memory what the conversation established so far: its task, who the customer is, a pending action, ...
 * @param customerName the customer's name when known, for the brand voice's form of address
 */
public record TurnRequest(
        String workspaceId,
        Mode mode,
        String conversationId,
        String message,
        List<PriorMessage> history,
        ConversationMemory memory,
        String channel,
        String customerName) {

    /** @param role user, assistant or agent */
    public record PriorMessage(String role, String content) {}

    public TurnRequest {
        history = history == null ? List.of() : List.copyOf(history);
        memory = memory == null ? ConversationMemory.EMPTY : memory;
    }
}
