package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** One message of a conversation. Any other field: {@link #get(String)}. */
public class Message extends JsonObject {
    public Message(Map<String, ?> values) {
        super(values);
    }

    /** {@code id}. */
    public String id() {
        return getString("id");
    }

    /** {@code role}. */
    public String role() {
        return getString("role");
    }

    /** {@code content}. */
    public String content() {
        return getString("content");
    }

    /** {@code sources}. */
    public List<JsonObject> sources() {
        return getObjects("sources");
    }

    /** {@code author}. */
    public JsonObject author() {
        return getObject("author");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
