package dev.parley.privacy.internal;

import dev.parley.conversation.Customers;
import dev.parley.conversation.Customers.Customer;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Digests;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Jobs;
import dev.parley.platform.Mode;
import dev.parley.privacy.internal.ExportRecords.Export;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks for a customer's export: a row and its job in one transaction, or the same export still being made, also when
 * the same request arrives twice at once.
 */
@Service
class ExportRequests {

    private final ExportRecords records;
    private final Customers customers;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final PrivacyProperties properties;
    private final Clock clock;

    ExportRequests(
            ExportRecords records,
            Customers customers,
            Jobs jobs,
            TransactionTemplate transactions,
            PrivacyProperties properties,
            Clock clock) {
        this.records = records;
        this.customers = customers;
        this.jobs = jobs;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    record Requested(Export export, boolean created) {}

    Requested request(Caller caller, String email, String userId, Boolean conversations, Boolean analytics) {
        String normalized = Erasures.normalizedEmail(email);
        String user = userId == null || userId.isBlank() ? null : userId.strip();
        if (normalized == null && user == null) {
            throw ApiException.missingField("email");
        }
        if (user != null && user.length() > 200) {
            throw ApiException.invalidField("user_id", "too_long");
        }
        boolean withConversations = conversations == null || conversations;
        boolean withAnalytics = analytics != null && analytics;
        Customer customer = customers
                .find(caller.workspaceId(), caller.mode(), normalized, user)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND, "error.not_found.customer", Map.of("resource", "customer")));
        String runningKey = runningKey(
                caller.workspaceId(),
                caller.mode(),
                customer.contactId(),
                normalized,
                user,
                withConversations,
                withAnalytics);
        // A concurrent identical request may win the insert; the loser answers with the winner's export.
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(
                        tx -> start(caller, customer, normalized, user, withConversations, withAnalytics, runningKey));
            } catch (DuplicateKeyException | TransientDataAccessException raced) {
                // PostgreSQL reports the lost race as a duplicate key, H2 as a concurrent update
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    /** What identifies an export while it is being made: the same for the same customer and options. */
    static String runningKey(
            String workspaceId,
            Mode mode,
            String contactId,
            String email,
            String userId,
            boolean conversations,
            boolean analytics) {
        return Digests.sha256Hex(String.join(
                "\n",
                workspaceId,
                mode.wire(),
                contactId != null ? "contact:" + contactId : "email:" + email + "\nuser:" + userId,
                String.valueOf(conversations),
                String.valueOf(analytics)));
    }

    private Requested start(
            Caller caller,
            Customer customer,
            String normalized,
            String user,
            boolean withConversations,
            boolean withAnalytics,
            String runningKey) {
        Optional<Export> running = records.running(
                caller.workspaceId(),
                caller.mode(),
                customer.contactId(),
                normalized,
                user,
                withConversations,
                withAnalytics);
        if (running.isPresent()) {
            return new Requested(running.get(), false);
        }
        Instant now = clock.instant();
        String id = Ids.next("export");
        String jobId = jobs.enqueue(caller.workspaceId(), caller.mode(), Exports.JOB_TYPE, new Exports.Payload(id));
        Export export = new Export(
                id,
                caller.workspaceId(),
                caller.mode(),
                customer.contactId(),
                normalized,
                user,
                withConversations,
                withAnalytics,
                ExportStatus.PROCESSING,
                jobId,
                0,
                null,
                null,
                null,
                now,
                null,
                now.plus(properties.exportTtl()));
        records.insert(export, runningKey, caller.agentId() != null ? caller.agentId() : caller.keyId());
        return new Requested(export, true);
    }
}
