package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who resolved a conversation: the assistant on its own, an agent, or the customer. */
public enum ResolutionType {
    AUTOMATED,
    AGENT,
    CUSTOMER;

    /** The word in JSON, webhooks and the {@code conversations.resolution_type} column. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a wire word names; empty for anything else (the caller answers with its own 400). */
    public static Optional<ResolutionType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(wire)).findFirst();
    }
}
