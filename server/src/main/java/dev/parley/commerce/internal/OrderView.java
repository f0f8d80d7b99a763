package dev.parley.commerce.internal;

import dev.parley.commerce.OrderState;
import dev.parley.commerce.internal.StoreConnector.Address;
import dev.parley.commerce.internal.StoreConnector.Fulfillment;
import dev.parley.commerce.internal.StoreConnector.LineItem;
import dev.parley.commerce.internal.StoreConnector.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it. */
record OrderView(
        String id,
        String orderNumber,
        OrderState status,
        StoreConnector.FinancialStatus financialStatus,
        StoreConnector.FulfillmentStatus fulfillmentStatus,
        String customerEmail,
        String customerName,
        String currency,
        BigDecimal total,
        BigDecimal refunded,
        List<LineItem> lineItems,
        Address shippingAddress,
        List<Fulfillment> fulfillments,
        Instant placedAt,
        Instant cancelledAt) {

    static OrderView of(Order o) {
        return new OrderView(
                o.id(),
                o.number(),
                o.status(),
                o.financialStatus(),
                o.fulfillmentStatus(),
                o.email(),
                o.customerName(),
                o.currency(),
                o.total(),
                o.refunded(),
                o.lineItems(),
                o.shippingAddress(),
                o.fulfillments(),
                o.placedAt(),
                o.cancelledAt());
    }
}
