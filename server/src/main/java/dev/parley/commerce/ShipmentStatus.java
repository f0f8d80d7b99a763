package dev.parley.commerce;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a shipped package is, in Parley's words whatever the platform calls it: on its way, out for delivery today,
 * delivered, or a delivery that failed. Each platform's words are mapped to these where its order is read.
 */
public enum ShipmentStatus {
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    FAILURE;

    /** The word in JSON and in the orders Parley keeps. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ShipmentStatus fromWire(String wire) {
        return Arrays.stream(values())
                .filter(s -> s.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No shipment status " + wire));
    }
}
