package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.ChatThread;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.Reply;

/** Seed 003's agent inbox ({@code /v1/chats}). */
public final class Chats extends Resource {
    public Chats(HttpCore http) {
        super(http);
    }

    /** Threads ({@code status}, {@code agentId}, {@code page}, {@code limit}). */
    public PageIterable<ChatThread> list(Params params, RequestOptions... options) {
        return paged("/v1/chats", params, ChatThread::new, options);
    }

    public ChatThread get(String chatId, RequestOptions... options) {
        return get("/v1/chats/" + enc(chatId), null, ChatThread::new, options);
    }

    /** An agent's message ({@code text}). */
    public Reply sendMessage(String chatId, String text, RequestOptions... options) {
        return post("/v1/chats/" + enc(chatId) + "/messages", Params.of("text", text), Reply::new, options);
    }

    /** Assigns ({@code assignedTo}), tags or changes the status. */
    public ChatThread update(String chatId, Params params, RequestOptions... options) {
        return patch("/v1/chats/" + enc(chatId), params, ChatThread::new, options);
    }
}
