package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** A workspace (store). Any other field: {@link #get(String)}. */
public class Store extends JsonObject {
    public Store(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code name}. */
    public String name() {
        return getString("name");
    }

    /** {@code domain}. */
    public String domain() {
        return getString("domain");
    }

    /** {@code domains}. */
    public List<String> domains() {
        return getStrings("domains");
    }

    /** {@code platform}. */
    public String platform() {
        return getString("platform");
    }

    /** {@code plan}. */
    public String plan() {
        return getString("plan");
    }

    /** {@code settings}. */
    public JsonObject settings() {
        return getObject("settings");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
