package dev.parley.sdk.model;

import java.util.Map;

/** A GDPR erasure record. Any other field: {@link #get(String)}. */
public class GdprErasure extends JsonObject {
    public GdprErasure(Map<String, ?> values) {
        super(values);
    }

    /** {@code erasure_id}. */
    public String erasureId() {
        return getString("erasure_id");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code erased}. */
    public JsonObject erased() {
        return getObject("erased");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
