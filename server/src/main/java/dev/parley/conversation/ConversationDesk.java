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

    // Item's place: where an anonymous visitor is, as the widget or API told it (city and country, or the page).

    /**
     * @param mine only those assigned to the calling agent
     * @param unassigned only those assigned to nobody
     * @param text words the customer's name or email, or a message (not a private note), contains; any case
     */
    record Filter(
            ConversationStatus status,
            boolean mine,
            boolean unassigned,
            String intent,
            String sentiment,
            Priority priority,
            String text) {}

    record Item(
            String id,
            ConversationStatus status,
            Channel channel,
            String customerName,
            String customerEmail,
            String primaryIntent,
            String sentiment,
            Priority priority,
            String assignedTo,
            List<String> tags,
            int unreadCount,
            Instant lastMessageAt,
            Instant updatedAt,
            String lastMessage,
            MessageRole lastMessageRole,
            Instant createdAt,
            String place) {

        /** Whether the customer spoke last and nobody has answered yet. */
        public boolean awaitingReply() {
            return lastMessageRole == MessageRole.USER;
        }
    }

    /** @param role the customer ({@code USER}), the assistant, an agent, the system, or a private {@code NOTE} */
    record Entry(
            String id,
            MessageRole role,
            String content,
            MessageAnalysis analysis,
            List<ActionTaken> actions,
            List<Citation> sources,
            List<MessageAttachment> attachments,
            String authorName,
            Instant createdAt,
            long seq) {}

    /**
     * @param assignments who held the conversation when, oldest first, for the transcript's activity lines
     */
    record Detail(
            Item conversation,
            String ticketId,
            EscalationReason escalationReason,
            Integer csatScore,
            List<Entry> entries,
            List<Assignment> assignments) {}

    /**
     * An agent's hold of the conversation: {@code endedAt} is null while they hold it. The sequence numbers order it
     * among the messages ({@link Entry#seq()}) where they share an instant.
     */
    record Assignment(
            String agentId, Instant assignedAt, Instant endedAt, Instant resolvedAt, long assignedSeq, long endedSeq) {}

    Page<Item> inbox(Caller caller, Filter filter, PageQuery page);

    /** @throws dev.parley.platform.ApiException {@code not_found} */
    Detail open(Caller caller, String conversationId);

    /** The customer's other conversations, newest first, at most {@code limit}; none for an anonymous visitor. */
    List<Item> previous(Caller caller, String conversationId, int limit);

    /**
     * The conversation so far, oldest first and without private notes, for the assistant to draft the agent's reply
     * from, with the conversation's memory (order numbers, verified email).
     */
    DraftContext draftContext(Caller caller, String conversationId);

    /**
     * @param lastCustomerMessage what the customer said last, or {@code null} before they said anything
     * @param history the conversation's messages before it, oldest first: user, assistant or agent
     */
    record DraftContext(
            String conversationId,
            Channel channel,
            String customerName,
            String customerEmail,
            String lastCustomerMessage,
            List<Entry> history,
            Map<String, String> facts) {}

    void reply(Caller caller, String conversationId, String text);

    /**
     * A reply carrying files, each as seed 003's message attachments are ({@code type}, {@code url}, and here also
     * {@code filename}, {@code content_type}, {@code size_bytes}, {@code file_id}).
     */
    void reply(Caller caller, String conversationId, String text, List<MessageAttachment> attachments);

    void note(Caller caller, String conversationId, String text);

    /** Assigns to {@code agentId}, or to nobody when it is {@code null}. */
    void assign(Caller caller, String conversationId, String agentId);

    void tag(Caller caller, String conversationId, List<String> tags);

    void escalate(Caller caller, String conversationId);

    void resolve(Caller caller, String conversationId);

    /** Returns the conversation to the assistant. */
    void handBack(Caller caller, String conversationId);
}
