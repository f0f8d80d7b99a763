package dev.parley.sdk.model;

import java.util.List;
import java.util.Map;

/** Seed 002's one call: {@code answer}, {@code confidence}, {@code sources}. Any other field: {@link #get(String)}. */
public class Answer extends JsonObject {
    public Answer(Map<String, ?> values) {
        super(values);
    }

    /** {@code conversation_id}. */
    public String conversationId() {
        return getString("conversation_id");
    }

    /** {@code response}. */
    public String answer() {
        return getString("response");
    }

    /** {@code response}. */
    public String response() {
        return getString("response");
    }

    /** {@code confidence}. */
    public Double confidence() {
        return getDouble("confidence");
    }

    /** {@code sources}. */
    public List<String> sources() {
        return getStrings("sources");
    }

    /** {@code escalated}. */
    public boolean escalated() {
        return is("escalated");
    }

    /** {@code timestamp}. */
    public String timestamp() {
        return getString("timestamp");
    }

    /** {@code visitor_token}. */
    public String visitorToken() {
        return getString("visitor_token");
    }
}
