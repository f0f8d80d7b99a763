package dev.parley.sdk.model;

import java.util.Map;

/** Seed 003's inbox thread (a conversation seen by agents). Any other field: {@link #get(String)}. */
public class ChatThread extends JsonObject {
    public ChatThread(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code visitor}. */
    public JsonObject visitor() {
        return getObject("visitor");
    }

    /** {@code assigned_to}. */
    public String assignedTo() {
        return getString("assigned_to");
    }

    /** {@code last_message}. */
    public JsonObject lastMessage() {
        return getObject("last_message");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
