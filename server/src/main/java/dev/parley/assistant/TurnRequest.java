package dev.parley.assistant;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parley.platform.Mode;
import java.util.Arrays;
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
        String customerName) {

    /** One earlier message of the conversation and who wrote it. */
    public record PriorMessage(Speaker role, String content) {}

    /** Who wrote an earlier message: the customer ({@code user}), the assistant, or a person of the team. */
    public enum Speaker {
        CUSTOMER("user"),
        ASSISTANT("assistant"),
        AGENT("agent");

        private final String wire;

        Speaker(String wire) {
            this.wire = wire;
        }

        /** The word a message's role is stored under. */
        @JsonValue
        public String wire() {
            return wire;
        }

        /** The speaker of a message stored with this role; a role that is no speaker (a note, a notice) is refused. */
        public static Speaker fromWire(String role) {
            return Arrays.stream(values())
                    .filter(s -> s.wire.equals(role))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No speaker " + role));
        }
    }

    public TurnRequest {
        history = history == null ? List.of() : List.copyOf(history);
        memory = memory == null ? ConversationMemory.EMPTY : memory;
    }
}
