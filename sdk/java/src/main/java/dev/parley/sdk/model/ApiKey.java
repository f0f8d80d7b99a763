package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** An API key; {@code key} is shown once, on create. Any other field: {@link #get(String)}. */
public class ApiKey extends JsonObject {
    public ApiKey(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code key}. */
    public String key() {
        return getString("key");
    }

    /** {@code name}. */
    public String name() {
        return getString("name");
    }

    /** {@code type}. */
    public String type() {
        return getString("type");
    }

    /** {@code mode}. */
    public String mode() {
        return getString("mode");
    }

    /** {@code scopes}. */
    public List<String> scopes() {
        return getStrings("scopes");
    }

    /** {@code masked_key}. */
    public String maskedKey() {
        return getString("masked_key");
    }

    /** {@code revoked}. */
    public boolean revoked() {
        return is("revoked");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
