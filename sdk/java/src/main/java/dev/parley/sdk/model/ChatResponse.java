package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** Seed 000's {@code chat.send}: the answer, its conversation and what the search found. Any other field: {@link #get(String)}. */
public class ChatResponse extends JsonObject {
    public ChatResponse(Map<String, ?> values) {
        super(values);
    }

    /** {@code response}. */
    public String response() {
        return getString("response");
    }

    /** {@code conversation_id}. */
    public String conversationId() {
        return getString("conversation_id");
    }

    /** {@code search_results}. */
    public List<JsonObject> searchResults() {
        return getObjects("search_results");
    }

    /** {@code escalated}. */
    public boolean escalated() {
        return is("escalated");
    }

    /** {@code metadata}. */
    public JsonObject metadata() {
        return getObject("metadata");
    }
}
