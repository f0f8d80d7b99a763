package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** A webhook subscription; {@code secret} is shown in full once (on create and rotate), masked after. Any other field: {@link #get(String)}. */
public class WebhookEndpoint extends JsonObject {
    public WebhookEndpoint(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code url}. */
    public String url() {
        return getString("url");
    }

    /** {@code events}. */
    public List<String> events() {
        return getStrings("events");
    }

    /** {@code signature_format}. */
    public String signatureFormat() {
        return getString("signature_format");
    }

    /** {@code active}. */
    public boolean active() {
        return is("active");
    }

    /** {@code secret}. */
    public String secret() {
        return getString("secret");
    }

    /** {@code disabled_reason}. */
    public String disabledReason() {
        return getString("disabled_reason");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
