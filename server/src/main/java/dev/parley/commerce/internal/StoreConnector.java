package dev.parley.commerce.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.parley.commerce.OrderState;
import dev.parley.commerce.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    /** One product by its id, from the catalogue Parley reads (at most {@link #CATALOGUE_MAX} products). */
    default java.util.Optional<Product> product(String id) {
        return catalogue().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Whether the store answers, for {@code /health}. */
    boolean reachable();

    record Address(
            String name, String address1, String address2, String city, String province, String zip, String country) {}

    record LineItem(String sku, String title, String variant, int quantity, BigDecimal price) {}

    /** A shipped package. */
    record Fulfillment(
            ShipmentStatus status,
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
            FinancialStatus financialStatus,
            FulfillmentStatus fulfillmentStatus,
            Instant cancelledAt,
            List<LineItem> lineItems,
            Address shippingAddress,
            List<Fulfillment> fulfillments) {

        public Order {
            lineItems = List.copyOf(lineItems);
            fulfillments = List.copyOf(fulfillments);
            refunded = refunded == null ? BigDecimal.ZERO.setScale(2) : refunded;
        }

        /** Where the order stands, as {@code GET /v1/orders?status=} filters it. */
        public OrderState status() {
            if (cancelledAt != null) {
                return OrderState.CANCELLED;
            }
            if (financialStatus == FinancialStatus.REFUNDED) {
                return OrderState.REFUNDED;
            }
            if (financialStatus == FinancialStatus.PARTIALLY_REFUNDED) {
                return OrderState.PARTIALLY_REFUNDED;
            }
            if (!fulfillments.isEmpty()
                    && fulfillments.stream().allMatch(f -> f.status() == ShipmentStatus.DELIVERED)) {
                return OrderState.DELIVERED;
            }
            if (!fulfillments.isEmpty()) {
                return OrderState.IN_TRANSIT;
            }
            return OrderState.UNFULFILLED;
        }

        public BigDecimal refundable() {
            return total.subtract(refunded).max(BigDecimal.ZERO);
        }

        public boolean shipped() {
            return !fulfillments.isEmpty() || fulfillmentStatus != FulfillmentStatus.UNFULFILLED;
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

    /**
     * Whether an order is paid, in the words Shopify uses (lower case); WooCommerce's and the demo store's are mapped
     * to them. A word no platform documented is kept as {@link #UNKNOWN}.
     */
    enum FinancialStatus {
        PENDING,
        AUTHORIZED,
        PARTIALLY_PAID,
        PAID,
        PARTIALLY_REFUNDED,
        REFUNDED,
        VOIDED,
        EXPIRED,
        UNKNOWN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status a platform's word names, in any case ({@code PAID}, {@code paid}); others are unknown. */
        @JsonCreator
        public static FinancialStatus of(String word) {
            return word == null ? UNKNOWN : Words.named(values(), word, UNKNOWN);
        }
    }

    /**
     * Whether an order's items were sent, in Shopify's words (its REST API's and its GraphQL API's, lower case);
     * WooCommerce's and the demo store's are mapped to {@code fulfilled} or {@code unfulfilled}. A word no platform
     * documented is kept as {@link #UNKNOWN}.
     */
    enum FulfillmentStatus {
        UNFULFILLED,
        PARTIAL,
        FULFILLED,
        RESTOCKED,
        OPEN,
        IN_PROGRESS,
        ON_HOLD,
        SCHEDULED,
        PENDING_FULFILLMENT,
        PARTIALLY_FULFILLED,
        REQUEST_DECLINED,
        UNKNOWN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status a platform's word names, in any case; a missing one is unfulfilled, others unknown. */
        @JsonCreator
        public static FulfillmentStatus of(String word) {
            return word == null ? UNFULFILLED : Words.named(values(), word, UNKNOWN);
        }
    }

    /** Reads a platform's status word as one of ours. */
    final class Words {
        private Words() {}

        static <E extends Enum<E>> E named(E[] values, String word, E otherwise) {
            String wanted = word.strip().toUpperCase(Locale.ROOT);
            for (E value : values) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
            return otherwise;
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
