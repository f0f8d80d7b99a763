package dev.parley.assistant;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The name a tool is called by: by models, by the offline planner, in recorded actions ({@code tool}) and in
 * analytics. Parley's own tools are the constants here, the one place their names are written; a workspace or a test
 * may add a tool under a name of its own, so the set stays open.
 */
public record ToolName(String wire) {

    /** Looks up an order's status, items and fulfilment. */
    public static final ToolName ORDER_STATUS = new ToolName("order_status");

    /** Lists the recent orders of a customer whose identity is proven. */
    public static final ToolName LIST_ORDERS = new ToolName("list_orders");

    /** Reads an order's tracking. */
    public static final ToolName TRACK_ORDER = new ToolName("track_order");

    /** Starts a return of an order's items. */
    public static final ToolName REQUEST_RETURN = new ToolName("request_return");

    /** Refunds an order, within the store's policy. */
    public static final ToolName REFUND = new ToolName("refund");

    /** Changes an order's shipping address while it has not shipped. */
    public static final ToolName CHANGE_ADDRESS = new ToolName("change_address");

    /** Cancels an order that has not shipped. */
    public static final ToolName CANCEL_ORDER = new ToolName("cancel_order");

    /** Offers a discount code, within the store's policy. */
    public static final ToolName APPLY_DISCOUNT = new ToolName("apply_discount");

    /** Reads one product. */
    public static final ToolName GET_PRODUCT_DETAILS = new ToolName("get_product_details");

    /** Searches the store's products. */
    public static final ToolName SEARCH_PRODUCTS = new ToolName("search_products");

    /** Searches the workspace's knowledge. */
    public static final ToolName SEARCH_KNOWLEDGE = new ToolName("search_knowledge");

    /** Passes the conversation to a person. */
    public static final ToolName HANDOFF = new ToolName("handoff");

    /** Parley's own tools: the store's and its own. */
    public static final List<ToolName> BUILT_IN = List.of(
            ORDER_STATUS,
            LIST_ORDERS,
            TRACK_ORDER,
            REQUEST_RETURN,
            REFUND,
            CHANGE_ADDRESS,
            CANCEL_ORDER,
            APPLY_DISCOUNT,
            GET_PRODUCT_DETAILS,
            SEARCH_PRODUCTS,
            SEARCH_KNOWLEDGE,
            HANDOFF);

    public ToolName {
        Objects.requireNonNull(wire, "wire");
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Whether {@code name} (as a model or a recorded action gives it) is this tool's. */
    public boolean is(String name) {
        return wire.equals(name);
    }

    @Override
    public String toString() {
        return wire;
    }
}
