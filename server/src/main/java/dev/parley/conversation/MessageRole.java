package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a message is from: the customer ({@code user}), the assistant, an agent, the system (a notice), or an agents-only
 * private {@code note}.
 */
public enum MessageRole {
    USER,
    ASSISTANT,
    AGENT,
    SYSTEM,
    NOTE;

    /** The word in JSON, webhooks and the {@code messages.role} column. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a wire word names; empty for anything else. */
    public static Optional<MessageRole> fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
    }
}
