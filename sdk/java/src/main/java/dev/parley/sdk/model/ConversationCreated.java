package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** {@code POST /v1/conversations}: the new conversation and the assistant's first answer ({@code conv.response().content()}). Any other field: {@link #get(String)}. */
public class ConversationCreated extends JsonObject {
    public ConversationCreated(Map<String, ?> values) {
        super(values);
    }

    /** {@code conversation_id}. */
    public String id() {
        return getString("conversation_id");
    }

    /** {@code conversation_id}. */
    public String conversationId() {
        return getString("conversation_id");
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

    /** {@code escalated}. */
    public boolean escalated() {
        return is("escalated");
    }

    /** {@code created_at}. */
    public String createdAt() {
        return getString("created_at");
    }

    /** {@code visitor_token}. */
    public String visitorToken() {
        return getString("visitor_token");
    }
}
