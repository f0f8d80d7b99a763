package dev.parley.webhook.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a delivery stands: waiting for (another) attempt, delivered, or given up on. */
enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED;

    /** The {@code status} column's and the API's word. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DeliveryStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
