package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.Fulfillment;
import dev.parley.commerce.internal.StoreConnector.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the customer is told about an order, from the order's own data only. */
final class OrderAnswers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

    private OrderAnswers() {}

    /**
     * Whole sentences: when it was placed, then where it is, as of {@code now} (the store's today): an order past the
     * delivery date the store estimated is said to be late, with an apology first, never "should arrive by" a day
     * gone by.
     */
    static String status(Order order, Instant now) {
        String placed = order.placedAt() == null
                ? "Here is the latest on your order #" + order.number() + "."
                : "Your order #" + order.number() + " was placed on " + day(order.placedAt()) + ".";
        return late(order, now) + placed + " " + state(order, now);
    }

    static String tracking(Order order, Instant now) {
        if (order.fulfillments().isEmpty()) {
            return status(order, now);
        }
        return late(order, now) + "Here is the tracking for your order #" + order.number() + ". " + state(order, now);
    }

    /** The apology that leads an answer about a late order, or nothing. */
    private static String late(Order order, Instant now) {
        return order.lateAt(now) ? "I'm sorry for the wait. " : "";
    }

    private static String state(Order order, Instant now) {
        return switch (order.status()) {
            case "cancelled" -> "It was cancelled on " + day(order.cancelledAt()) + ", so nothing will be shipped.";
            case "refunded" -> "It was refunded in full (" + money(order.refunded(), order) + ").";
            case "partially_refunded" ->
                money(order.refunded(), order) + " of " + money(order.total(), order) + " has been refunded. "
                        + shipping(order, now);
            case "unfulfilled" ->
                "It is being prepared and hasn't shipped yet. You'll get tracking as soon as it does.";
            default -> shipping(order, now);
        };
    }

    private static String shipping(Order order, Instant now) {
        if (order.fulfillments().isEmpty()) {
            return "It hasn't shipped yet.";
        }
        Fulfillment f = order.fulfillments().getLast();
        StringBuilder text = new StringBuilder();
        if ("delivered".equals(f.status()) && f.deliveredAt() != null) {
            text.append("It was delivered on ")
                    .append(day(f.deliveredAt()))
                    .append(" by ")
                    .append(f.trackingCompany());
        } else {
            text.append("It shipped ")
                    .append(f.shippedAt() == null ? "" : "on " + day(f.shippedAt()) + " ")
                    .append("with ")
                    .append(f.trackingCompany())
                    .append(" and is ")
                    .append("out_for_delivery".equals(f.status()) ? "out for delivery today" : "in transit");
            if (f.estimatedDelivery() != null && now.isAfter(f.estimatedDelivery())) {
                text.append(". It was due on ")
                        .append(day(f.estimatedDelivery()))
                        .append(" and is running late");
            } else if (f.estimatedDelivery() != null) {
                text.append("; it should arrive by ").append(day(f.estimatedDelivery()));
            }
        }
        text.append('.');
        if (f.trackingNumber() != null) {
            text.append(" Tracking number: ").append(f.trackingNumber());
            if (f.trackingUrl() != null) {
                text.append(" (").append(f.trackingUrl()).append(')');
            }
            text.append('.');
        }
        return text.toString();
    }

    static String money(BigDecimal amount, Order order) {
        return order.currency() + " "
                + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneOffset.UTC));
    }
}
