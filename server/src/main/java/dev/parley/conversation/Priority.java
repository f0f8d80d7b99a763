package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgently a conversation needs a human. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** The word in JSON, webhooks and the {@code conversations.priority} column. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority a wire word names; empty for anything else (the caller answers with its own 400). */
    public static Optional<Priority> fromWire(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
