package dev.parley.sdk.model;

import java.util.Map;

/** The assistant's answer in a conversation: {@code content}, {@code type}, {@code status}. Any other field: {@link #get(String)}. */
public class AssistantResponse extends JsonObject {
    public AssistantResponse(Map<String, ?> values) {
        super(values);
    }

    /** {@code content}. */
    public String content() {
        return getString("content");
    }

    /** {@code type}. */
    public String type() {
        return getString("type");
    }

    /** {@code status}. */
    public String status() {
        return getString("status");
    }
}
