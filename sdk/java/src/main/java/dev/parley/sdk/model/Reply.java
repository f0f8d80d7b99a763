package dev.parley.sdk.model;

import java.util.Map;

/** An agent's reply, a note, or a chat message. Any other field: {@link #get(String)}. */
public class Reply extends JsonObject {
    public Reply(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code conversation_id}. */
    public String conversationId() {
        return getString("conversation_id");
    }

    /** {@code role}. */
    public String role() {
        return getString("role");
    }

    /** {@code content}. */
    public String content() {
        return getString("content");
    }

    /** {@code text}. */
    public String text() {
        return getString("text");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
