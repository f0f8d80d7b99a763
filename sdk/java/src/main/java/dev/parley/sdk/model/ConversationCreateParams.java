package dev.parley.sdk.model;

import java.util.Map;

/** {@code conversations().create}: the customer and their first message (seed 001). Any other parameter: {@link #put(String, Object)}. */
public class ConversationCreateParams extends Params {
    /** {@code channel}. */
    public ConversationCreateParams channel(String channel) {
        return set("channel", channel);
    }

    /** {@code customer_email}. */
    public ConversationCreateParams customerEmail(String customerEmail) {
        return set("customerEmail", customerEmail);
    }

    /** {@code customer_name}. */
    public ConversationCreateParams customerName(String customerName) {
        return set("customerName", customerName);
    }

    /** {@code initial_message}. */
    public ConversationCreateParams initialMessage(String initialMessage) {
        return set("initialMessage", initialMessage);
    }

    /** {@code context}. */
    public ConversationCreateParams context(Map<String, ?> context) {
        return set("context", context);
    }
}
