package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.model.ChatResponse;
import dev.parley.sdk.model.Params;

/** Seed 000's one-call chat. */
public final class Chat extends Resource {
    public Chat(HttpCore http) {
        super(http);
    }

    /** A message in ({@code message}, optional {@code conversationId}, {@code context}), the answer out. */
    public ChatResponse send(Params params, RequestOptions... options) {
        return post("/v1/chat", params, ChatResponse::new, options);
    }
}
