package dev.parley.sdk.model;

import java.util.Map;

/** A GDPR export: {@code request_id}, {@code status}, and once completed {@code download_url}. Any other field: {@link #get(String)}. */
public class GdprExport extends JsonObject {
    public GdprExport(Map<String, ?> values) {
        super(values);
    }

    /** {@code request_id}. */
    public String requestId() {
        return getString("request_id");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code download_url}. */
    public String downloadUrl() {
        return getString("download_url");
    }

    /** {@code expires_at}. */
    public String expiresAt() {
        return getString("expires_at");
    }
}
