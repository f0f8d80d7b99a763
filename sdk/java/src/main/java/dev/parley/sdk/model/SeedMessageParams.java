package dev.parley.sdk.model;

import java.util.Map;

/** Seed 002's one call, {@code parley.sendMessage}: {@code message}, {@code userId}, and optionally the conversation to continue. Any other parameter: {@link #put(String, Object)}. */
public class SeedMessageParams extends Params {
    /** {@code message}. */
    public SeedMessageParams message(String message) {
        return set("message", message);
    }

    /** {@code user_id}. */
    public SeedMessageParams userId(String userId) {
        return set("userId", userId);
    }

    /** {@code conversation_id}. */
    public SeedMessageParams conversationId(String conversationId) {
        return set("conversationId", conversationId);
    }

    /** {@code channel}. */
    public SeedMessageParams channel(String channel) {
        return set("channel", channel);
    }

    /** {@code metadata}. */
    public SeedMessageParams metadata(Map<String, ?> metadata) {
        return set("metadata", metadata);
    }
}
