package dev.parley.conversation;

import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import java.time.Instant;
import java.util.List;

/**
 * A workspace's saved replies (canned responses): text an agent inserts by typing {@code /} and its shortcut, with
 * variables ({@code {{customer.first_name}}}, {@code {{customer.name}}}, {@code {{customer.email}}},
 * {@code {{order.number}}}, {@code {{agent.name}}}) filled from the conversation. Scoped to the caller's workspace
 * and mode; only live callers write.
 */
public interface SavedReplies {

    /** The variables a saved reply may use; any other {@code {{...}}} is left as written. */
    List<String> VARIABLES =
            List.of("customer.first_name", "customer.name", "customer.email", "order.number", "agent.name");

    record SavedReply(String id, String shortcut, String content, Instant createdAt, Instant updatedAt) {}

    /** A saved reply with its variables filled for one conversation; a variable without a value becomes empty. */
    record Filled(String id, String shortcut, String content) {}

    /** @param query a shortcut's start or words of the content; {@code null} for all */
    Page<SavedReply> list(Caller caller, String query, PageQuery page);

    /** @throws dev.parley.platform.ApiException {@code not_found} */
    SavedReply get(Caller caller, String id);

    /**
     * @throws dev.parley.platform.ApiException {@code missing_field}, {@code invalid_field} (a shortcut is 1 to 40
     *     lowercase letters, digits, {@code -} or {@code _}; content at most 4000 characters), {@code conflict} when
     *     the shortcut is taken, {@code insufficient_permissions} for a test key
     */
    SavedReply create(Caller caller, String shortcut, String content);

    /** Changes what is given ({@code null} keeps it). */
    SavedReply update(Caller caller, String id, String shortcut, String content);

    void delete(Caller caller, String id);

    /** Every saved reply, shortcut order, filled for the conversation as {@code agentName} would send it. */
    List<Filled> filledFor(Caller caller, String conversationId, String agentName);
}
