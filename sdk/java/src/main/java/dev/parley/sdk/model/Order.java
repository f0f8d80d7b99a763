package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** An order of the connected store. Any other field: {@link #get(String)}. */
public class Order extends JsonObject {
    public Order(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code order_number}. */
    public String orderNumber() {
        return getString("order_number");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code financial_status}. */
    public String financialStatus() {
        return getString("financial_status");
    }

    /** {@code fulfillment_status}. */
    public String fulfillmentStatus() {
        return getString("fulfillment_status");
    }

    /** {@code customer_email}. */
    public String customerEmail() {
        return getString("customer_email");
    }

    /** {@code currency}. */
    public String currency() {
        return getString("currency");
    }

    /** {@code total}. */
    public Double total() {
        return getDouble("total");
    }

    /** {@code line_items}. */
    public List<JsonObject> lineItems() {
        return getObjects("line_items");
    }

    /** {@code placed_at}. */
    public String placedAt() {
        return getString("placed_at");
    }
}
