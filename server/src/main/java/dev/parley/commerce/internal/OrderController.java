package dev.parley.commerce.internal;

import dev.parley.commerce.OrderState;
import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.DateRange;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders for API clients (seed 001's {@code orders:read}): {@code GET /v1/orders} lists the cached orders of the
 * connected store; {@code GET /v1/orders/{order_number}} reads one, from the store when it is not cached.
 */
@RestController
class OrderController {

    private final StoreConnections connections;
    private final OrderCache cache;

    OrderController(StoreConnections connections, OrderCache cache) {
        this.connections = connections;
        this.cache = cache;
    }

    @GetMapping("/v1/orders")
    @RequiresScope(Scope.ORDERS_READ)
    Page<OrderView> list(
            Caller caller,
            @RequestParam(name = "customer_email", required = false) String email,
            @RequestParam(required = false) String status,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        OrderState state = status == null
                ? null
                : OrderState.fromWire(status).orElseThrow(() -> ApiException.invalidField("status", "invalid_value"));
        PageQuery query = PageQuery.of(page, perPage);
        // Loads the demo store's orders on first use.
        connections.connector(caller.workspaceId(), caller.mode());
        DateRange range = DateRange.filter("start_date", startDate, "end_date", endDate);
        OrderCache.Filter filter = new OrderCache.Filter(
                email == null || email.isBlank() ? null : email.strip(), state, range.start(), range.end());
        return Page.of(
                        cache.page(caller.workspaceId(), caller.mode(), filter, query),
                        query,
                        cache.count(caller.workspaceId(), caller.mode(), filter))
                .map(OrderView::of);
    }

    @GetMapping("/v1/orders/{order_number}")
    @RequiresScope(Scope.ORDERS_READ)
    OrderView get(Caller caller, @PathVariable("order_number") String orderNumber) {
        String number = orderNumber.strip().replaceFirst("^#", "");
        StoreConnector store = connections
                .connector(caller.workspaceId(), caller.mode())
                .orElseThrow(() -> ApiException.notFound("order", number));
        Order order = cache.find(caller.workspaceId(), caller.mode(), number)
                .or(() -> store.order(number).map(found -> {
                    cache.put(caller.workspaceId(), caller.mode(), found);
                    return found;
                }))
                .orElseThrow(() -> ApiException.notFound("order", number));
        return OrderView.of(order);
    }
}
