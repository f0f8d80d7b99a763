package dev.parley.sdk.model;

import java.util.Map;

/** A customer contact. Any other field: {@link #get(String)}. */
public class Contact extends JsonObject {
    public Contact(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code email}. */
    public String email() {
        return getString("email");
    }

    /** {@code name}. */
    public String name() {
        return getString("name");
    }

    /** {@code phone}. */
    public String phone() {
        return getString("phone");
    }

    /** {@code metadata}. */
    public JsonObject metadata() {
        return getObject("metadata");
    }
}
