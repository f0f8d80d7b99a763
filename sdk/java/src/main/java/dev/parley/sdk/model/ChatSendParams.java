package dev.parley.sdk.model;

import java.util.Map;

/** Seed 000's {@code chat().send}. Any other parameter: {@link #put(String, Object)}. */
public class ChatSendParams extends Params {
    /** {@code message}. */
    public ChatSendParams message(String message) {
        return set("message", message);
    }

    /** {@code conversation_id}. */
    public ChatSendParams conversationId(String conversationId) {
        return set("conversationId", conversationId);
    }

    /** {@code context}. */
    public ChatSendParams context(Map<String, ?> context) {
        return set("context", context);
    }
}
