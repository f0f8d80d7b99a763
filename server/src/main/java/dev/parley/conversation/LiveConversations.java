package dev.parley.conversation;

import dev.parley.platform.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What real-time delivery (sockets, server-sent events) needs from conversations: open one for a widget, send a
 * customer's message and get the stored message and the reply back, read what a reconnecting client missed, and
 * check that a conversation is the caller's. Every call is scoped to the caller's workspace and mode; another
 * workspace's conversation is not found.
 */
public interface LiveConversations {

    /** Roles a customer may see; private notes and anything else stay with the agents. */
    List<MessageRole> CUSTOMER_ROLES =
            List.of(MessageRole.USER, MessageRole.ASSISTANT, MessageRole.AGENT, MessageRole.SYSTEM);

    /**
     * Opens a conversation with no message yet on this channel (e.g. {@code widget}), and publishes its creation. One
     * a publishable key opens is bound to a new visitor token: the caller reaches it again only with that token.
     */
    Opened open(Caller caller, Channel channel);

    /** {@link #open(Caller, Channel)}, with where the customer was when they began ({@code page_url}), if known. */
    Opened open(Caller caller, Channel channel, String pageUrl);

    /**
     * The conversation, if it is the caller's: of its workspace and mode and, for a publishable key, bound to its
     * visitor token.
     */
    Optional<ConversationState> find(Caller caller, String conversationId);

    /**
     * Stores a customer message under {@code messageId} (a new {@code msg_} id: the sender recognises its own message
     * by it when it goes live) and answers it, as {@code POST /v1/conversations/{id}/messages} does.
     *
     * @throws dev.parley.platform.ApiException {@code conversation_closed}, {@code not_found}, or
     *     {@code invalid_request}/{@code missing_field} for an empty or too long message
     */
    Exchange send(Caller caller, String conversationId, String messageId, String content);

    /**
     * As above; {@code answering} runs when the assistant is about to answer (not while a human holds the
     * conversation), before its turn, so a socket can show it typing without reading the conversation itself.
     */
    default Exchange send(Caller caller, String conversationId, String messageId, String content, Runnable answering) {
        return send(caller, conversationId, messageId, content, answering, null);
    }

    /**
     * As above, the assistant's reply also handed to {@code onText} in pieces as it is written (a preview: the
     * exchange's reply is what is stored and sent as the message); {@code null} when nobody watches it grow.
     */
    Exchange send(
            Caller caller,
            String conversationId,
            String messageId,
            String content,
            Runnable answering,
            Consumer<String> onText);

    /**
     * The customer-visible messages after {@code afterMessageId} ({@code null}: from the first), oldest first, at most
     * {@code limit}.
     *
     * @throws dev.parley.platform.ApiException {@code not_found} for an unknown conversation, {@code invalid_request}
     *     (field {@code after}) when {@code afterMessageId} is not a message of it
     */
    List<LiveMessage> messagesAfter(Caller caller, String conversationId, String afterMessageId, int limit);

    /** The caller and conversation of a seed 004 session token, while the session is active and unexpired. */
    Optional<SessionAccess> session(String token);

    record ConversationState(String id, Channel channel, ConversationStatus status) {}

    /** @param role one of {@link #CUSTOMER_ROLES} */
    record LiveMessage(String id, MessageRole role, String content, Instant createdAt) {}

    /** A customer message and what came back: the reply, or {@code null} while a human holds the conversation. */
    record Exchange(ConversationState conversation, LiveMessage received, LiveMessage reply) {}

    /** A conversation just opened, and for a publishable key the visitor token it is bound to (else {@code null}). */
    record Opened(String conversationId, String visitorToken) {}

    /**
     * A session token's caller (the session's workspace and mode, widget rights only, the token as its visitor token)
     * and its one conversation.
     */
    record SessionAccess(Caller caller, String sessionId, String conversationId) {}
}
