package dev.parley.commerce.internal;

import dev.parley.commerce.CustomerOrders;
import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The cached orders first (kept current by the store's webhooks), the store itself when none are cached. */
@Component
class ConsoleCustomerOrders implements CustomerOrders {

    private static final Logger log = LoggerFactory.getLogger(ConsoleCustomerOrders.class);

    private final StoreConnections connections;
    private final OrderCache cache;

    ConsoleCustomerOrders(StoreConnections connections, OrderCache cache) {
        this.connections = connections;
        this.cache = cache;
    }

    @Override
    public List<OrderSummary> recent(Caller caller, String email, int limit) {
        caller.require(Scope.CONVERSATIONS_READ);
        if (email == null || email.isBlank()) {
            return List.of();
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        try {
            Optional<StoreConnector> store = connections.connector(caller.workspaceId(), caller.mode());
            if (store.isEmpty()) {
                return List.of();
            }
            List<Order> cached = cache.page(
                    caller.workspaceId(),
                    caller.mode(),
                    new OrderCache.Filter(address, null, null, null),
                    new PageQuery(1, limit));
            List<Order> orders = cached.isEmpty() ? store.get().ordersByEmail(address, limit) : cached;
            return orders.stream()
                    .limit(limit)
                    .map(ConsoleCustomerOrders::summary)
                    .toList();
        } catch (ApiException | IllegalStateException unavailable) {
            log.info(
                    "Orders of a customer unavailable for workspace {}: {}",
                    caller.workspaceId(),
                    unavailable.getMessage());
            return List.of();
        }
    }

    private static OrderSummary summary(Order order) {
        return new OrderSummary(
                order.number(),
                order.placedAt(),
                order.currency(),
                order.total(),
                order.status(),
                order.lineItems().stream()
                        .mapToInt(StoreConnector.LineItem::quantity)
                        .sum(),
                order.fulfillments().stream()
                        .map(f -> new Tracking(
                                f.trackingCompany(),
                                f.trackingNumber(),
                                f.trackingUrl(),
                                f.status(),
                                f.estimatedDelivery()))
                        .toList());
    }
}
