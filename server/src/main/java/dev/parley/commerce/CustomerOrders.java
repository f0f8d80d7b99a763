package dev.parley.commerce;

import dev.parley.platform.Caller;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's orders from the workspace's store, for the agent who is helping them (the console's customer panel).
 * Agents see them because the customer is in their inbox; the assistant's own order tools still check who asks.
 */
public interface CustomerOrders {

    /** @param tracking the shipped packages, newest last */
    record OrderSummary(
            String number,
            Instant placedAt,
            String currency,
            BigDecimal total,
            OrderState status,
            int items,
            List<Tracking> tracking) {}

    record Tracking(String carrier, String number, String url, ShipmentStatus status, Instant estimatedDelivery) {}

    /**
     * The customer's most recent orders with this email, newest first; empty when there is no store, no email, or the
     * store does not answer (a panel beside a conversation must not fail because a store is down).
     */
    List<OrderSummary> recent(Caller caller, String email, int limit);
}
