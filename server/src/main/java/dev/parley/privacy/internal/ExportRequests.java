package dev.parley.privacy.internal;

import dev.parley.conversation.Customers;
import dev.parley.conversation.Customers.Customer;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Jobs;
import dev.parley.privacy.internal.ExportRecords.Export;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Asks for a customer's export: a row and its job in one transaction, or the same export still being made. */
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
        return transactions.execute(tx -> {
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
            String jobId = jobs.enqueue(caller.workspaceId(), caller.mode(), Exports.JOB_TYPE, Map.of("export_id", id));
            Export export = new Export(
                    id,
                    caller.workspaceId(),
                    caller.mode(),
                    customer.contactId(),
                    normalized,
                    user,
                    withConversations,
                    withAnalytics,
                    "processing",
                    jobId,
                    0,
                    null,
                    null,
                    null,
                    now,
                    null,
                    now.plus(properties.exportTtl()));
            records.insert(export, caller.agentId() != null ? caller.agentId() : caller.keyId());
            return new Requested(export, true);
        });
    }
}
