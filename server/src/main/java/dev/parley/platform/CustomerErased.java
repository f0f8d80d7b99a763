package dev.parley.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's personal data was erased: by the customer's request (GDPR, seed 000's {@code DELETE /api/gdpr/delete}),
 * or because the store's retention period ran out for some conversations. The privacy module publishes it inside the
 * erasing transaction; every module that keeps personal data listens synchronously ({@code @EventListener}, not after
 * commit) and scrubs its own tables in that same transaction, adding what it erased to {@link #tally()}. Either all
 * of it is erased or, on failure, none.
 *
 * <p>It lives in the platform because the privacy module depends on the modules whose data it finds (conversation,
 * analytics, files), and they must hear it without depending on privacy; a module added later (live, commerce)
 * listens the same way.
 *
 * @param erasureId the audit entry's id ({@code era_...})
 * @param contactId the customer's contact, or {@code null} for retention, which erases conversations, not customers
 * @param email the customer's email (lower case), or {@code null}; for matching caches and records keyed by it
 * @param userIds the store's own ids for the customer (seed 000's {@code userId}), possibly empty
 * @param conversationIds every conversation whose personal data goes, possibly empty
 */
public record CustomerErased(
        String erasureId,
        String workspaceId,
        Mode mode,
        Trigger trigger,
        String contactId,
        String email,
        List<String> userIds,
        List<String> conversationIds,
        Tally tally) {

    public enum Trigger {
        REQUEST,
        RETENTION;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CustomerErased {
        userIds = List.copyOf(userIds);
        conversationIds = List.copyOf(conversationIds);
    }

    /** Every string that names the customer in stored text (lower case): email, contact, user and conversation ids. */
    public List<String> mentions() {
        List<String> mentions = new java.util.ArrayList<>();
        if (email != null) {
            mentions.add(email);
        }
        if (contactId != null) {
            mentions.add(contactId);
        }
        mentions.addAll(userIds);
        mentions.addAll(conversationIds);
        return mentions.stream().map(m -> m.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** What each module erased, by a name such as {@code conversation.messages}; counts only, no data. */
    public static final class Tally {

        private final Map<String, Long> counts = new TreeMap<>();

        public synchronized void add(String what, long count) {
            counts.merge(what, count, Long::sum);
        }

        public synchronized Map<String, Long> counts() {
            return Map.copyOf(counts);
        }
    }
}
