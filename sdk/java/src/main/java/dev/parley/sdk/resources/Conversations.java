package dev.parley.sdk.resources;

import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.core.ApiRequest;
import dev.parley.sdk.core.HttpCore;
import dev.parley.sdk.core.Page;
import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Conversation;
import dev.parley.sdk.model.ConversationCreated;
import dev.parley.sdk.model.Escalation;
import dev.parley.sdk.model.Feedback;
import dev.parley.sdk.model.Message;
import dev.parley.sdk.model.MessageSent;
import dev.parley.sdk.model.Params;
import dev.parley.sdk.model.Reply;
import dev.parley.sdk.model.Resolution;
import java.util.function.Function;

/** Conversations (seed 001): create, sendMessage, get, list, update, escalate, resolve, feedback and more. */
public final class Conversations extends Resource {
    public Conversations(HttpCore http) {
        super(http);
    }

    /** Starts a conversation with the customer's first message; the assistant's answer is in {@code response()}. */
    public ConversationCreated create(Params params, RequestOptions... options) {
        return post("/v1/conversations", params, ConversationCreated::new, options);
    }

    /** Sends the customer's next message ({@code content}); the assistant's answer is in {@code response()}. */
    public MessageSent sendMessage(String conversationId, Params params, RequestOptions... options) {
        return post("/v1/conversations/" + enc(conversationId) + "/messages", params, MessageSent::new, options);
    }

    /** Sends {@code content} as the customer's next message. */
    public MessageSent sendMessage(String conversationId, String content, RequestOptions... options) {
        return sendMessage(conversationId, Params.of("content", content), options);
    }

    /** One conversation. */
    public Conversation get(String conversationId, RequestOptions... options) {
        return get(conversationId, null, options);
    }

    /** One conversation; {@code includeMessages: true} adds its messages ({@code messageLimit} of them). */
    public Conversation get(String conversationId, Params params, RequestOptions... options) {
        return get("/v1/conversations/" + enc(conversationId), params, Conversation::new, options);
    }

    /** Alias of {@link #get(String, Params, RequestOptions...)}. */
    public Conversation retrieve(String conversationId, Params params, RequestOptions... options) {
        return get(conversationId, params, options);
    }

    /** The workspace's conversations, filtered ({@code status}, {@code customerEmail}, ...), page by page. */
    public PageIterable<Conversation> list(Params params, RequestOptions... options) {
        return paged("/v1/conversations", params, Conversation::new, options);
    }

    public PageIterable<Conversation> list(RequestOptions... options) {
        return list(null, options);
    }

    /** Changes {@code status}, {@code assignedTo}, {@code tags}, {@code notes} or {@code priority}. */
    public Conversation update(String conversationId, Params params, RequestOptions... options) {
        return patch("/v1/conversations/" + enc(conversationId), params, Conversation::new, options);
    }

    /** Hands the conversation to a person ({@code reason}, {@code priority}, {@code notes}). */
    public Escalation escalate(String conversationId, Params params, RequestOptions... options) {
        return post("/v1/conversations/" + enc(conversationId) + "/escalate", params, Escalation::new, options);
    }

    /** Closes the conversation as resolved ({@code resolutionSummary}, {@code resolutionType}). */
    public Resolution resolve(String conversationId, Params params, RequestOptions... options) {
        return post("/v1/conversations/" + enc(conversationId) + "/resolve", params, Resolution::new, options);
    }

    /** The customer's rating ({@code rating} 1 to 5, {@code comment}). */
    public Feedback feedback(String conversationId, Params params, RequestOptions... options) {
        return post("/v1/conversations/" + enc(conversationId) + "/feedback", params, Feedback::new, options);
    }

    /** Hands an escalated or assigned conversation back to the assistant. */
    public Conversation handback(String conversationId, RequestOptions... options) {
        return post("/v1/conversations/" + enc(conversationId) + "/handback", null, Conversation::new, options);
    }

    /** An agent's reply (role {@code agent}). */
    public Reply reply(String conversationId, Params params, RequestOptions... options) {
        return post("/v1/conversations/" + enc(conversationId) + "/replies", params, Reply::new, options);
    }

    /** A private note, seen by agents only. */
    public Reply addNote(String conversationId, String content, RequestOptions... options) {
        return post(
                "/v1/conversations/" + enc(conversationId) + "/notes",
                Params.of("content", content),
                Reply::new,
                options);
    }

    /**
     * The conversation's messages oldest first, after {@code after} (a message id), {@code limit} a page: iterates
     * with the cursor ({@code has_more}).
     */
    public PageIterable<Message> messages(String conversationId, Params params, RequestOptions... options) {
        String path = "/v1/conversations/" + enc(conversationId) + "/messages";
        Params base = orEmpty(params);
        RequestOptions call = opts(options);
        Function<String, Page<Message>> fetchAfter = after -> {
            Params query = new Params().putAll(base).put("after", after);
            return page(http.request(ApiRequest.get(path).query(query).options(call)), Message::new);
        };
        return new PageIterable<>(() -> fetchAfter.apply((String) base.get("after")), previous -> {
            if (!previous.hasMore() || previous.data().isEmpty()) {
                return null;
            }
            return fetchAfter.apply(
                    previous.data().get(previous.data().size() - 1).id());
        });
    }
}
