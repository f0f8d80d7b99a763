package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.FinancialStatus;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in demo store of one workspace and mode: the generated catalogue, and orders kept in the order cache so
 * refunds and address changes stick.
 */
final class DemoStore implements StoreConnector {

    private final String workspaceId;
    private final Mode mode;
    private final OrderCache cache;
    private final Clock clock;

    DemoStore(String workspaceId, Mode mode, OrderCache cache, Clock clock) {
        this.workspaceId = workspaceId;
        this.mode = mode;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return "demo";
    }

    @Override
    public Optional<Order> order(String orderNumber) {
        return cache.find(workspaceId, mode, orderNumber);
    }

    @Override
    public List<Order> ordersByEmail(String email, int limit) {
        return cache.page(workspaceId, mode, new OrderCache.Filter(email, null, null, null), new PageQuery(1, limit));
    }

    @Override
    public Optional<Customer> customer(String email) {
        List<Order> orders = ordersByEmail(email, 100);
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Customer(
                "demo_customer_"
                        + Integer.toHexString(email.toLowerCase(Locale.ROOT).hashCode()),
                orders.getFirst().email(),
                orders.getFirst().customerName(),
                orders.size()));
    }

    /** Refunds the order as it is now (not as the caller last read it); like a real store, never more than is left. */
    @Override
    public Order refund(Order order, BigDecimal amount, String reason) {
        return cache.change(workspaceId, mode, order.number(), current -> {
                    if (amount.compareTo(current.refundable()) > 0) {
                        throw new StoreUnavailableException(platform(), "amount_exceeds_order");
                    }
                    BigDecimal refunded = current.refunded().add(amount);
                    return new Order(
                            current.id(),
                            current.number(),
                            current.email(),
                            current.customerName(),
                            current.placedAt(),
                            current.currency(),
                            current.total(),
                            refunded,
                            refunded.compareTo(current.total()) >= 0
                                    ? FinancialStatus.REFUNDED
                                    : FinancialStatus.PARTIALLY_REFUNDED,
                            current.fulfillmentStatus(),
                            current.cancelledAt(),
                            current.lineItems(),
                            current.shippingAddress(),
                            current.fulfillments());
                })
                .orElseThrow(() -> new StoreUnavailableException(platform(), "order_not_found"));
    }

    @Override
    public ReturnLabel createReturn(Order order, String reason) {
        String id = Ids.next("ret");
        String tracking = "1ZRET" + id.substring(id.length() - 10).toUpperCase(Locale.ROOT);
        return new ReturnLabel(id, "UPS", tracking, "https://demo.parley.dev/returns/" + id + "/label.pdf");
    }

    @Override
    public Discount createDiscount(String code, int percent, String email) {
        return new Discount(code, percent);
    }

    @Override
    public Order changeAddress(Order order, Address address) {
        Order after = new Order(
                order.id(),
                order.number(),
                order.email(),
                order.customerName(),
                order.placedAt(),
                order.currency(),
                order.total(),
                order.refunded(),
                order.financialStatus(),
                order.fulfillmentStatus(),
                order.cancelledAt(),
                order.lineItems(),
                address,
                order.fulfillments());
        cache.put(workspaceId, mode, after);
        return after;
    }

    /**
     * Cancels the order as it is now, under its row lock: like a real store, it refuses an order that has shipped or
     * is already cancelled, and returns everything paid on it.
     */
    @Override
    public Cancellation cancel(Order order, String reason) {
        Order after = cache.change(workspaceId, mode, order.number(), current -> {
                    if (current.cancelledAt() != null || current.shipped()) {
                        throw new StoreUnavailableException(platform(), "not_cancellable");
                    }
                    boolean paid = current.financialStatus() != FinancialStatus.PENDING;
                    return new Order(
                            current.id(),
                            current.number(),
                            current.email(),
                            current.customerName(),
                            current.placedAt(),
                            current.currency(),
                            current.total(),
                            paid ? current.total() : current.refunded(),
                            paid ? FinancialStatus.REFUNDED : FinancialStatus.VOIDED,
                            current.fulfillmentStatus(),
                            clock.instant(),
                            current.lineItems(),
                            current.shippingAddress(),
                            current.fulfillments());
                })
                .orElseThrow(() -> new StoreUnavailableException(platform(), "order_not_found"));
        return new Cancellation(after, true);
    }

    @Override
    public List<Product> catalogue() {
        return DemoCatalogue.products();
    }

    @Override
    public java.util.Optional<Product> product(String id) {
        return DemoCatalogue.products().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public boolean reachable() {
        return true;
    }
}
