package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Order;
import dev.parley.sdk.model.Params;

/** The connected store's orders. */
public final class Orders extends Resource {
    public Orders(HttpCore http) {
        super(http);
    }

    /** {@code customerEmail}, {@code status}, {@code startDate}, {@code endDate}, {@code perPage}. */
    public PageIterable<Order> list(Params params, RequestOptions... options) {
        return paged("/v1/orders", params, Order::new, options);
    }

    public Order get(String orderNumber, RequestOptions... options) {
        return get("/v1/orders/" + enc(orderNumber), null, Order::new, options);
    }
}
