package dev.parley.conversation;

import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * Everything the conversation module holds about the customer, as JSON-ready maps with snake_case keys: the
     * contact and, when asked, the conversations with their messages (private notes included), sessions and feedback.
     */
    Map<String, Object> export(String workspaceId, Mode mode, Customer customer, boolean includeConversations);

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
