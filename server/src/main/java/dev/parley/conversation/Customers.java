package dev.parley.conversation;

import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The customers behind conversations, as the privacy module asks about them: who a customer is (by email, contact
 * id or the store's own user id), what the conversation module holds about them, and which conversations a
 * retention period has run out for. Erasing is not here: it happens on {@link dev.parley.platform.CustomerErased}.
 */
public interface Customers {

    /**
     * The customer with this email, or this user id: a contact id ({@code cust_...}) or the store's own id given as
     * {@code user_id} when conversations and sessions started. Empty when nothing matches.
     */
    Optional<Customer> find(String workspaceId, Mode mode, String email, String userId);

    /**
     * Everything the conversation module holds about the customer: the contact and, when asked, the conversations with
     * their messages (private notes included), sessions and feedback.
     */
    Held export(String workspaceId, Mode mode, Customer customer, boolean includeConversations);

    /**
     * What a customer's export holds from this module; each record is written as JSON with snake_case keys in the
     * order of its fields. Columns that hold JSON are given as they are stored.
     *
     * @param contact {@code null} when the customer is known only by the store's user id
     * @param conversations empty unless asked for
     */
    record Held(HeldContact contact, List<String> userIds, List<HeldConversation> conversations) {}

    record HeldContact(
            String id,
            String email,
            String name,
            String phone,
            JsonNode metadata,
            Instant createdAt,
            Instant updatedAt) {}

    record HeldConversation(
            String id,
            Channel channel,
            ConversationStatus status,
            Priority priority,
            String intent,
            String sentiment,
            String orderId,
            JsonNode tags,
            String notes,
            JsonNode facts,
            JsonNode context,
            String ticketId,
            String resolutionSummary,
            Instant createdAt,
            Instant updatedAt,
            List<HeldMessage> messages,
            List<HeldSession> sessions,
            List<HeldFeedback> feedback) {}

    record HeldMessage(
            String id,
            MessageRole role,
            String content,
            JsonNode attachments,
            JsonNode actions,
            String authorName,
            Instant createdAt) {}

    record HeldSession(
            String id, String userId, JsonNode metadata, String status, Instant startedAt, Instant endedAt) {}

    record HeldFeedback(String id, int rating, String comment, Instant createdAt) {}

    /**
     * Conversations not erased yet whose last activity was before {@code cutoff}, oldest first, at most
     * {@code limit}.
     */
    List<String> inactiveSince(String workspaceId, Mode mode, Instant cutoff, int limit);

    /**
     * @param contactId the contact, or {@code null} when the customer is known only by the store's user id
     * @param email the contact's email, or {@code null}
     * @param userIds the store's own ids the customer's conversations and sessions carry
     * @param conversationIds every conversation of the customer not erased yet
     */
    record Customer(String contactId, String email, List<String> userIds, List<String> conversationIds) {

        public Customer {
            userIds = List.copyOf(userIds);
            conversationIds = List.copyOf(conversationIds);
        }
    }
}
