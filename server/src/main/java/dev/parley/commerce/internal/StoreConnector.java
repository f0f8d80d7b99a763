package dev.parley.commerce.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to a store's order system: one implementation per platform, each speaking that platform's own API. It
 * does what it is asked; policy (who may see an order, what may be refunded) is checked before it is called.
 *
 * @see StorePolicy
 */
interface StoreConnector {

    String platform();

    Optional<Order> order(String orderNumber);

    /** The customer's orders, newest first. */
    List<Order> ordersByEmail(String email, int limit);

    Optional<Customer> customer(String email);

    /** Refunds {@code amount} of the order to its payment method; returns the order afterwards. */
    Order refund(Order order, BigDecimal amount, String reason);

    /** Opens a return of the whole order and returns its label. */
    ReturnLabel createReturn(Order order, String reason);

    /** Creates a single-use percentage discount code for the customer. */
    Discount createDiscount(String code, int percent, String email);

    Order changeAddress(Order order, Address address);

    /**
     * Cancels the order, which has not shipped, restocks its items and returns what the customer paid to their
     * payment method; says whether that payment is on its way back.
     */
    Cancellation cancel(Order order, String reason);

    /** The store's active products, up to {@link #CATALOGUE_MAX} of them, for Parley's own catalogue search. */
    List<Product> catalogue();

    /** How many products of a store's catalogue are read: one query of Shopify's, three pages of WooCommerce's. */
    int CATALOGUE_MAX = 250;

    /** Whether the store answers, for {@code /health}. */
    boolean reachable();

    record Address(
            String name, String address1, String address2, String city, String province, String zip, String country) {}

    record LineItem(String sku, String title, String variant, int quantity, BigDecimal price) {}

    /**
     * @param status shipped packages' state: in_transit, out_for_delivery, delivered, failure
     */
    record Fulfillment(
            String status,
            String trackingCompany,
            String trackingNumber,
            String trackingUrl,
            Instant shippedAt,
            Instant estimatedDelivery,
            Instant deliveredAt) {}

    /**
     * One order as every platform's is mapped.
     *
     * @param id the platform's own id (a Shopify GID, a WooCommerce number, {@code demo_...})
     * @param number what customers call it, without {@code #}
     * @param financialStatus paid, pending, refunded, partially_refunded, voided
     * @param fulfillmentStatus unfulfilled, partial, fulfilled
     * @param cancelledAt when the order was cancelled, or {@code null}
     */
    record Order(
            String id,
            String number,
            String email,
            String customerName,
            Instant placedAt,
            String currency,
            BigDecimal total,
            BigDecimal refunded,
            String financialStatus,
            String fulfillmentStatus,
            Instant cancelledAt,
            List<LineItem> lineItems,
            Address shippingAddress,
            List<Fulfillment> fulfillments) {

        public Order {
            lineItems = List.copyOf(lineItems);
            fulfillments = List.copyOf(fulfillments);
            refunded = refunded == null ? BigDecimal.ZERO.setScale(2) : refunded;
        }

        /**
         * One word for the order's state, as {@code GET /v1/orders?status=} filters it: cancelled, refunded,
         * partially_refunded, delivered, in_transit (shipped), unfulfilled.
         */
        public String status() {
            if (cancelledAt != null) {
                return "cancelled";
            }
            if ("refunded".equals(financialStatus)) {
                return "refunded";
            }
            if ("partially_refunded".equals(financialStatus)) {
                return "partially_refunded";
            }
            if (!fulfillments.isEmpty() && fulfillments.stream().allMatch(f -> "delivered".equals(f.status()))) {
                return "delivered";
            }
            if (!fulfillments.isEmpty()) {
                return "in_transit";
            }
            return "unfulfilled";
        }

        public BigDecimal refundable() {
            return total.subtract(refunded).max(BigDecimal.ZERO);
        }

        public boolean shipped() {
            return !fulfillments.isEmpty() || !"unfulfilled".equals(fulfillmentStatus);
        }

        /** Whether it is on its way (or not yet sent) after the delivery the store estimated for it. */
        public boolean lateAt(Instant now) {
            return cancelledAt == null
                    && deliveredAt() == null
                    && fulfillments.stream()
                            .map(Fulfillment::estimatedDelivery)
                            .filter(java.util.Objects::nonNull)
                            .anyMatch(now::isAfter);
        }

        /** When it arrived, or {@code null} while it has not. */
        public Instant deliveredAt() {
            return fulfillments.stream()
                    .map(Fulfillment::deliveredAt)
                    .filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo)
                    .orElse(null);
        }
    }

    record Customer(String id, String email, String name, int ordersCount) {}

    record ReturnLabel(String returnId, String carrier, String trackingNumber, String labelUrl) {}

    record Discount(String code, int percent) {}

    /**
     * @param order the order afterwards, as far as the store has said (Shopify cancels in a background job)
     * @param paymentReturned whether the store is returning the payment; false when only a person can now do it
     */
    record Cancellation(Order order, boolean paymentReturned) {}

    record Variant(
            String id, String sku, String size, String color, BigDecimal price, boolean available, int inventory) {}

    /**
     * @param url the product's page in the store, or {@code null} when the store has none (an unpublished product)
     */
    record Product(
            String id,
            String title,
            String description,
            String category,
            BigDecimal price,
            String currency,
            List<String> images,
            List<Variant> variants,
            String url) {}

    record ProductPage(List<Product> products, long totalCount, boolean hasMore) {}
}
