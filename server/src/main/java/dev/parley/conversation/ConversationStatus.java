package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a conversation stands. Active is the assistant's; escalated waits for a human; assigned is held by one; a
 * hand-back returns it to the assistant; a customer message reopens a resolved one; closed is final.
 */
public enum ConversationStatus {
    ACTIVE,
    ASSIGNED,
    ESCALATED,
    RESOLVED,
    CLOSED;

    /** Which status may follow this one. */
    public Set<ConversationStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(ASSIGNED, ESCALATED, RESOLVED, CLOSED);
            case ESCALATED -> Set.of(ASSIGNED, ACTIVE, RESOLVED, CLOSED);
            case ASSIGNED -> Set.of(ACTIVE, ESCALATED, RESOLVED, CLOSED);
            case RESOLVED -> Set.of(ACTIVE, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean mayMoveTo(ConversationStatus to) {
        return next().contains(to);
    }

    /** The word in JSON, webhooks and the {@code conversations.status} column. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a wire word names; empty for anything else (the caller answers with its own 400). */
    public static Optional<ConversationStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
