package dev.parley.sdk.model;

import java.util.Map;

/** The workspace's language model; the key is write-only ({@code api_key_set}). Any other field: {@link #get(String)}. */
public class ModelSettings extends JsonObject {
    public ModelSettings(Map<String, ?> values) {
        super(values);
    }

    /** {@code provider}. */
    public String provider() {
        return getString("provider");
    }

    /** {@code base_url}. */
    public String baseUrl() {
        return getString("base_url");
    }

    /** {@code model}. */
    public String model() {
        return getString("model");
    }

    /** {@code api_key_set}. */
    public boolean apiKeySet() {
        return is("api_key_set");
    }

    /** {@code temperature}. */
    public Double temperature() {
        return getDouble("temperature");
    }

    /** {@code timeout_seconds}. */
    public Integer timeoutSeconds() {
        return getInt("timeout_seconds");
    }

    /** {@code updated_at}. */
    public String updatedAt() {
        return getString("updated_at");
    }
}
