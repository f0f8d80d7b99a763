package dev.parley.conversation;

import dev.parley.assistant.ActionTaken;
import dev.parley.assistant.Citation;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the agent console asks of conversations: the inbox, one conversation with its transcript, and the agent's
 * actions on it. Every call is scoped to the caller's workspace and mode; another workspace's id is not found.
 */
public interface ConversationDesk {

    /**
     * @param mine only those assigned to the calling agent
     * @param unassigned only those assigned to nobody
     */
    record Filter(String status, boolean mine, boolean unassigned, String intent, String sentiment, String priority) {}

    record Item(
            String id,
            String status,
            String channel,
            String customerName,
            String customerEmail,
            String primaryIntent,
            String sentiment,
            String priority,
            String assignedTo,
            List<String> tags,
            int unreadCount,
            Instant lastMessageAt,
            Instant updatedAt) {}

    /**
     * @param role {@code user} (the customer), {@code assistant}, {@code agent}, {@code system} or {@code note}
     *     (private)
     */
    record Entry(
            String id,
            String role,
            String content,
            Map<String, Object> analysis,
            List<ActionTaken> actions,
            List<Citation> sources,
            String authorName,
            Instant createdAt) {}

    record Detail(
            Item conversation, String ticketId, String escalationReason, Integer csatScore, List<Entry> entries) {}

    Page<Item> inbox(Caller caller, Filter filter, PageQuery page);

    /** @throws dev.parley.platform.ApiException {@code not_found} */
    Detail open(Caller caller, String conversationId);

    void reply(Caller caller, String conversationId, String text);

    void note(Caller caller, String conversationId, String text);

    /** Assigns to {@code agentId}, or to nobody when it is {@code null}. */
    void assign(Caller caller, String conversationId, String agentId);

    void tag(Caller caller, String conversationId, List<String> tags);

    void escalate(Caller caller, String conversationId);

    void resolve(Caller caller, String conversationId);

    /** Returns the conversation to the assistant. */
    void handBack(Caller caller, String conversationId);
}
