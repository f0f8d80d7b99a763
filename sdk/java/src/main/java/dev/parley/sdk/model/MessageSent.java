package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** {@code POST /v1/conversations/{id}/messages}: the customer's message id and the assistant's answer. Any other field: {@link #get(String)}. */
public class MessageSent extends JsonObject {
    public MessageSent(Map<String, ?> values) {
        super(values);
    }

    /** {@code message_id}. */
    public String messageId() {
        return getString("message_id");
    }

    /** {@code response} (null when absent). */
    public AssistantResponse response() {
        JsonObject value = getObjectOrNull("response");
        return value == null ? null : new AssistantResponse(value.asMap());
    }

    /** {@code analysis} (null when absent). */
    public Analysis analysis() {
        JsonObject value = getObjectOrNull("analysis");
        return value == null ? null : new Analysis(value.asMap());
    }

    /** {@code actions_taken}. */
    public List<JsonObject> actionsTaken() {
        return getObjects("actions_taken");
    }

    /** {@code escalated}: whether this answer handed the conversation to a person. */
    public boolean escalated() {
        return is("escalated");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }
}
