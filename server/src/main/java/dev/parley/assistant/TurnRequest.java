package dev.parley.assistant;

import dev.parley.platform.Mode;
import java.util.List;
import java.util.Map;

/**
 * A customer message and its conversation.
 *
 * @param history the last turns, oldest first
 * @param facts what the conversation established so far (its memory): {@code order_number}, {@code verified_email},
 *     {@code low_confidence_streak}, ...
 * @param customerName the customer's name when known, for the brand voice's form of address
 */
public record TurnRequest(
        String workspaceId,
        Mode mode,
        String conversationId,
        String message,
        List<PriorMessage> history,
        Map<String, String> facts,
        String channel,
        String customerName) {

    /** @param role user, assistant or agent */
    public record PriorMessage(String role, String content) {}

    public TurnRequest {
        history = history == null ? List.of() : List.copyOf(history);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
