package dev.parley.sdk.model;

import java.util.Map;

/** {@code POST .../resolve}. Any other field: {@link #get(String)}. */
public class Resolution extends JsonObject {
    public Resolution(Map<String, ?> values) {
        super(values);
    }

    /** {@code resolved}. */
    public boolean resolved() {
        return is("resolved");
    }

    /** {@code resolved_at}. */
    public String resolvedAt() {
        return getString("resolved_at");
    }

    /** {@code total_messages}. */
    public Integer totalMessages() {
        return getInt("total_messages");
    }

    /** {@code resolution_time_seconds}. */
    public Long resolutionTimeSeconds() {
        return getLong("resolution_time_seconds");
    }
}
