package dev.parley.commerce;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One word for where an order stands, as {@code GET /v1/orders?status=} filters it and the console shows it: not
 * shipped yet, on its way, delivered, cancelled, refunded in full or in part.
 */
public enum OrderState {
    UNFULFILLED,
    IN_TRANSIT,
    DELIVERED,
    CANCELLED,
    REFUNDED,
    PARTIALLY_REFUNDED;

    /** The word in JSON, the {@code commerce_orders.status} column and the query parameter. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state a wire word names; empty for anything else (the caller answers with its own 400). */
    public static Optional<OrderState> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
