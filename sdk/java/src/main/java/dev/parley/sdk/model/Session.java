package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** Seed 004's session: {@code session_id}, {@code conversation_id}, {@code token} ({@code st_...}), {@code expires_at}. Any other field: {@link #get(String)}. */
public class Session extends JsonObject {
    public Session(Map<String, ?> values) {
        super(values);
    }

    /** {@code session_id}. */
    public String sessionId() {
        return getString("session_id");
    }

    /** {@code conversation_id}. */
    public String conversationId() {
        return getString("conversation_id");
    }

    /** {@code token}. */
    public String token() {
        return getString("token");
    }

    /** {@code expires_at}. */
    public String expiresAt() {
        return getString("expires_at");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }

    /** {@code started_at}. */
    public String startedAt() {
        return getString("started_at");
    }

    /** {@code messages}. */
    public List<JsonObject> messages() {
        return getObjects("messages");
    }

    /** {@code context}. */
    public JsonObject context() {
        return getObject("context");
    }
}
