package dev.parley.commerce.internal;

import dev.parley.commerce.ShipmentStatus;
import dev.parley.commerce.internal.StoreConnector.Address;
import dev.parley.commerce.internal.StoreConnector.FinancialStatus;
import dev.parley.commerce.internal.StoreConnector.Fulfillment;
import dev.parley.commerce.internal.StoreConnector.FulfillmentStatus;
import dev.parley.commerce.internal.StoreConnector.LineItem;
import dev.parley.commerce.internal.StoreConnector.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Shopify's order object as its webhooks send it (the REST shape: {@code name}, {@code financial_status},
 * {@code fulfillments[].tracking_number}, {@code refunds[].transactions[]}), mapped to Parley's order.
 */
final class ShopifyPayloads {

    private ShopifyPayloads() {}

    static Order order(JsonNode o) {
        String id = o.path("admin_graphql_api_id").asString(null);
        if (id == null) {
            id = "gid://shopify/Order/" + o.path("id").asString();
        }
        String email = text(o.path("email"));
        if (email == null) {
            email = text(o.path("contact_email"));
        }
        String customerName = customerName(o.path("customer"));
        return new Order(
                id,
                number(o),
                email == null ? null : email.toLowerCase(Locale.ROOT),
                customerName == null || customerName.isBlank() ? null : customerName,
                instant(o.path("created_at")),
                o.path("currency").asString("USD"),
                money(o.path("total_price")),
                refunded(o.path("refunds")),
                FinancialStatus.of(o.path("financial_status").asString("pending")),
                o.path("fulfillment_status").isNull()
                                || o.path("fulfillment_status").isMissingNode()
                        ? FulfillmentStatus.UNFULFILLED
                        : FulfillmentStatus.of(o.path("fulfillment_status").asString()),
                instant(o.path("cancelled_at")),
                lineItems(o.path("line_items")),
                address(o.path("shipping_address")),
                fulfillments(o.path("fulfillments")));
    }

    /** The number a customer quotes: the order's name without its {@code #}, else its number. */
    private static String number(JsonNode o) {
        String name = o.path("name").asString(null);
        String number = name != null
                ? name.replaceFirst("^#", "")
                : o.path("order_number").asString();
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("An order without a name or number");
        }
        return number;
    }

    private static List<LineItem> lineItems(JsonNode lines) {
        List<LineItem> items = new ArrayList<>();
        lines.forEach(i -> items.add(new LineItem(
                text(i.path("sku")),
                i.path("title").asString(""),
                text(i.path("variant_title")),
                i.path("quantity").asInt(1),
                money(i.path("price")))));
        return items;
    }

    /** Shipments, their status in Parley's words (anything Shopify adds later counts as in transit). */
    private static List<Fulfillment> fulfillments(JsonNode shipments) {
        List<Fulfillment> fulfillments = new ArrayList<>();
        shipments.forEach(f -> {
            String shipment = f.path("shipment_status").asString("in_transit");
            ShipmentStatus status = switch (shipment) {
                case "delivered" -> ShipmentStatus.DELIVERED;
                case "out_for_delivery" -> ShipmentStatus.OUT_FOR_DELIVERY;
                case "failure" -> ShipmentStatus.FAILURE;
                default -> ShipmentStatus.IN_TRANSIT;
            };
            Instant updated = instant(f.path("updated_at"));
            fulfillments.add(new Fulfillment(
                    status,
                    text(f.path("tracking_company")),
                    text(f.path("tracking_number")),
                    text(f.path("tracking_url")),
                    instant(f.path("created_at")),
                    null,
                    status == ShipmentStatus.DELIVERED ? updated : null));
        });
        return fulfillments;
    }

    /** What was paid back: refund transactions that did not fail. */
    private static BigDecimal refunded(JsonNode refunds) {
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        for (JsonNode refund : refunds) {
            for (JsonNode t : refund.path("transactions")) {
                if ("refund".equals(t.path("kind").asString("refund"))
                        && !"failure".equals(t.path("status").asString(""))) {
                    refunded = refunded.add(money(t.path("amount")));
                }
            }
        }
        return refunded;
    }

    private static Address address(JsonNode a) {
        return a.isObject()
                ? new Address(
                        text(a.path("name")),
                        text(a.path("address1")),
                        text(a.path("address2")),
                        text(a.path("city")),
                        text(a.path("province")),
                        text(a.path("zip")),
                        text(a.path("country_code")))
                : null;
    }

    private static String customerName(JsonNode customer) {
        return customer.isObject()
                ? (customer.path("first_name").asString("") + " "
                                + customer.path("last_name").asString(""))
                        .strip()
                : null;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asString().isBlank() ? null : node.asString();
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static BigDecimal money(JsonNode node) {
        String value = text(node);
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }
}
