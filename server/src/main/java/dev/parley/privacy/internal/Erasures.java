package dev.parley.privacy.internal;

import dev.parley.conversation.Customers;
import dev.parley.conversation.Customers.Customer;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.CustomerErased.Trigger;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a customer: finds them through the conversation module, publishes {@link CustomerErased} in one transaction
 * (every module scrubs its own tables inside it), and records the audit entry with what each module reported. Asking
 * again for a customer erased before answers with that first erasure and changes nothing.
 */
@Service
class Erasures {

    static final String SUBJECT = "privacy.subject";
    /** What an erasure's {@code reason} may be: a short machine-readable word, kept in the audit log. */
    static final String REASON_FORMAT = "[a-z0-9_]{1,64}";

    private static final Pattern REASON = Pattern.compile(REASON_FORMAT);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+");

    private final Customers customers;
    private final ErasureLog log;
    private final SecretBox secrets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Erasures(
            Customers customers,
            ErasureLog log,
            SecretBox secrets,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.customers = customers;
        this.log = log;
        this.secrets = secrets;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param status {@code erased}, or {@code already_erased} when an earlier erasure covered this customer
     * @param erased what each module erased (zero everywhere for an earlier erasure)
     */
    record Result(String erasureId, String status, String reason, Map<String, Long> erased, Instant erasedAt) {}

    Result erase(Caller caller, String email, String userId, String reason) {
        String normalized = normalizedEmail(email);
        String user = userId == null || userId.isBlank() ? null : userId.strip();
        if (normalized == null && user == null) {
            throw ApiException.missingField("email");
        }
        if (user != null && user.length() > 200) {
            throw ApiException.invalidField("user_id", "too_long");
        }
        String why = reason == null || reason.isBlank() ? "user_request" : reason.strip();
        if (!REASON.matcher(why).matches()) {
            throw new ApiException(
                    ErrorCode.INVALID_REQUEST,
                    "error.invalid_request.field.invalid_value",
                    Map.of("field", "reason", "reason", "invalid_value", "expected", REASON_FORMAT),
                    "reason");
        }
        // The store's user id stands in for the email when it is all the caller names, so asking again is recognised.
        String subjectHash = normalized != null
                ? subjectHash(caller.workspaceId(), normalized)
                : user.startsWith("cust_") ? null : subjectHash(caller.workspaceId(), "user:" + user);
        return transactions.execute(tx -> {
            Optional<Customer> customer = customers.find(caller.workspaceId(), caller.mode(), normalized, user);
            if (customer.isEmpty()) {
                String contactId = user != null && user.startsWith("cust_") ? user : null;
                return log.earlier(caller.workspaceId(), caller.mode(), subjectHash, contactId)
                        .map(earlier -> new Result(
                                earlier.id(), "already_erased", earlier.reason(), Map.of(), earlier.createdAt()))
                        .orElseThrow(() -> new ApiException(
                                ErrorCode.NOT_FOUND, "error.not_found.customer", Map.of("resource", "customer")));
            }
            Customer found = customer.get();
            String hash = normalized == null && found.email() != null
                    ? subjectHash(caller.workspaceId(), found.email())
                    : subjectHash;
            return erase(
                    caller.workspaceId(),
                    caller.mode(),
                    Trigger.REQUEST,
                    found.contactId(),
                    found.email(),
                    found.userIds(),
                    found.conversationIds(),
                    hash,
                    why,
                    caller.agentId() != null ? caller.agentId() : caller.keyId());
        });
    }

    /** Retention: these conversations' personal data goes, in one transaction, with an audit entry of its own. */
    Result eraseConversations(String workspaceId, Mode mode, List<String> conversationIds) {
        return transactions.execute(tx -> erase(
                workspaceId,
                mode,
                Trigger.RETENTION,
                null,
                null,
                List.of(),
                conversationIds,
                null,
                "retention_period",
                "retention"));
    }

    private Result erase(
            String workspaceId,
            Mode mode,
            Trigger trigger,
            String contactId,
            String email,
            List<String> userIds,
            List<String> conversationIds,
            String subjectHash,
            String reason,
            String requestedBy) {
        String id = Ids.next("era");
        Instant now = clock.instant();
        CustomerErased.Tally tally = new CustomerErased.Tally();
        events.publishEvent(
                new CustomerErased(id, workspaceId, mode, trigger, contactId, email, userIds, conversationIds, tally));
        Map<String, Long> counts = tally.counts();
        log.insert(
                workspaceId,
                mode,
                new ErasureLog.Entry(id, trigger.wire(), subjectHash, contactId, reason, counts, requestedBy, now));
        return new Result(id, "erased", reason, counts, now);
    }

    String subjectHash(String workspaceId, String normalizedEmail) {
        return secrets.sign(SUBJECT + ":" + workspaceId, normalizedEmail);
    }

    static String normalizedEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw ApiException.invalidField("email", "invalid_format");
        }
        return normalized;
    }
}
