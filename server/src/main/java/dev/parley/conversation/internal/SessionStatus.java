package dev.parley.conversation.internal;

import java.util.Locale;

/**
 * Where a seed 004 session stands. Stored: {@code active} or {@code ended}; an active session past its expiry is shown
 * as {@code expired} (its token no longer opens anything).
 */
enum SessionStatus {
    ACTIVE,
    ENDED,
    EXPIRED;

    /** The {@code status} column's and the API's word. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
