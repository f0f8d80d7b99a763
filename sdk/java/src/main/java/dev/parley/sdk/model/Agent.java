package dev.parley.sdk.model;

import java.util.Map;

/** A human agent. Any other field: {@link #get(String)}. */
public class Agent extends JsonObject {
    public Agent(Map<String, ?> values) {
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

    /** {@code email}. */
    public String email() {
        return getString("email");
    }

    /** {@code role}. */
    public String role() {
        return getString("role");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code capacity}. */
    public Integer capacity() {
        return getInt("capacity");
    }

    /** {@code active}. */
    public boolean active() {
        return is("active");
    }
}
