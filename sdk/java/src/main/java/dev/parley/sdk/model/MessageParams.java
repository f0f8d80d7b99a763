package dev.parley.sdk.model;

import java.util.List;

/** {@code conversations().sendMessage}: the customer's next message. Any other parameter: {@link #put(String, Object)}. */
public class MessageParams extends Params {
    /** {@code content}. */
    public MessageParams content(String content) {
        return set("content", content);
    }

    /** {@code attachments}. */
    public MessageParams attachments(List<?> attachments) {
        return set("attachments", attachments);
    }
}
