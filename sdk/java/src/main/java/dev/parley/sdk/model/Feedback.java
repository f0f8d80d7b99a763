package dev.parley.sdk.model;

import java.util.Map;

/** {@code POST .../feedback}: the customer's rating. Any other field: {@link #get(String)}. */
public class Feedback extends JsonObject {
    public Feedback(Map<String, ?> values) {
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

    /** {@code rating}. */
    public Integer rating() {
        return getInt("rating");
    }

    /** {@code comment}. */
    public String comment() {
        return getString("comment");
    }

    /** {@code agent_id}. */
    public String agentId() {
        return getString("agent_id");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
