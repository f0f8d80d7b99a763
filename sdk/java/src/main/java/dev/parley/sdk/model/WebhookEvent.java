package dev.parley.sdk.model;

import java.util.Map;

/** A verified webhook delivery: {@code id} (stable across redeliveries), {@code event}, {@code timestamp}, {@code data}. Any other field: {@link #get(String)}. */
public class WebhookEvent extends JsonObject {
    public WebhookEvent(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code event}. */
    public String event() {
        return getString("event");
    }

    /** {@code timestamp}. */
    public String timestamp() {
        return getString("timestamp");
    }

    /** {@code data}. */
    public JsonObject data() {
        return getObject("data");
    }
}
