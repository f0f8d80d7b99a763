package dev.parley.sdk.model;

import java.util.Map;

/** One delivery attempt record. Any other field: {@link #get(String)}. */
public class WebhookDelivery extends JsonObject {
    public WebhookDelivery(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code event_id}. */
    public String eventId() {
        return getString("event_id");
    }

    /** {@code event_type}. */
    public String eventType() {
        return getString("event_type");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code attempts}. */
    public Integer attempts() {
        return getInt("attempts");
    }

    /** {@code last_status_code}. */
    public Integer lastStatusCode() {
        return getInt("last_status_code");
    }

    /** {@code last_error}. */
    public String lastError() {
        return getString("last_error");
    }

    /** {@code delivered_at}. */
    public String deliveredAt() {
        return getString("delivered_at");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
