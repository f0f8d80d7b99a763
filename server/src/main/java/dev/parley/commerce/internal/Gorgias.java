package dev.parley.commerce.internal;

import dev.parley.commerce.internal.HelpdeskConnections.Connection;
import dev.parley.commerce.internal.HelpdeskConnections.Ticket;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.Helpdesk;
import dev.parley.platform.FetchException;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchResponse;
import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.Mode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gorgias as the workspace's helpdesk, through its REST API (HTTP Basic with the user's email and API key): an
 * escalation opens a ticket with the conversation so far ({@code POST /api/tickets}), and in {@code bidirectional}
 * mode the customer's later messages follow it ({@code POST /api/tickets/{id}/messages}). Replies come back through
 * the signed webhook. Test keys never reach Gorgias. When Gorgias fails, the conversation keeps Parley's own ticket.
 */
@Component
class Gorgias implements Helpdesk {

    static final String PREFIX = "GORG-";
    private static final Logger log = LoggerFactory.getLogger(Gorgias.class);

    private final HelpdeskConnections connections;
    private final WebhookReceipts receipts;
    private final GuardedFetcher fetcher;
    private final JsonMapper json;
    private final Clock clock;

    Gorgias(
            HelpdeskConnections connections,
            WebhookReceipts receipts,
            GuardedFetcher fetcher,
            JsonMapper json,
            Clock clock) {
        this.connections = connections;
        this.receipts = receipts;
        this.fetcher = fetcher;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<String> openTicket(Escalation escalation) {
        if (escalation.mode() != Mode.LIVE) {
            return Optional.empty();
        }
        Optional<Connection> connection = connections.find(escalation.workspaceId());
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        String email = escalation.customerEmail() == null
                ? "customer+" + escalation.conversationId() + "@parley.invalid"
                : escalation.customerEmail();
        StringBuilder transcript = new StringBuilder();
        for (TranscriptLine line : escalation.transcript()) {
            transcript
                    .append(label(line.role()))
                    .append(": ")
                    .append(line.content())
                    .append("\n\n");
        }
        transcript.append("Escalated by Parley (").append(escalation.reason()).append(").");
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", email);
        if (escalation.customerName() != null) {
            customer.put("name", escalation.customerName());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", customer);
        body.put("channel", "api");
        body.put("via", "api");
        body.put("subject", "Support request from Parley");
        body.put(
                "priority",
                "high".equals(escalation.priority()) || "urgent".equals(escalation.priority()) ? "high" : "normal");
        body.put("external_id", escalation.conversationId());
        body.put("tags", List.of(Map.of("name", "parley")));
        body.put("messages", List.of(message(email, transcript.toString().strip())));
        try {
            JsonNode created = post(connection.get(), "/api/tickets", body);
            String id = created.path("id").asString(null);
            if (id == null || id.isBlank()) {
                log.warn("Gorgias answered a ticket without an id for workspace {}", escalation.workspaceId());
                return Optional.empty();
            }
            connections.remember(
                    new Ticket(escalation.workspaceId(), escalation.mode(), id, escalation.conversationId(), email));
            if (escalation.lastMessageId() != null) {
                // That message is in the ticket already: it must not follow it again.
                receipts.first(
                        escalation.workspaceId(),
                        GorgiasWebhookController.SYNCED,
                        escalation.lastMessageId(),
                        clock.instant());
            }
            return Optional.of(PREFIX + id);
        } catch (StoreUnavailableException e) {
            log.warn("Gorgias did not open a ticket for workspace {}: {}", escalation.workspaceId(), e.details());
            return Optional.empty();
        }
    }

    /** The customer's messages after escalation follow the ticket, unless they came from Gorgias itself. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MessageReceived event) {
        if (event.mode() != Mode.LIVE) {
            return;
        }
        Optional<Ticket> ticket = connections.ticketOf(event.workspaceId(), event.mode(), event.conversationId());
        if (ticket.isEmpty()
                || receipts.seen(event.workspaceId(), GorgiasWebhookController.SYNCED, event.messageId())) {
            return;
        }
        Optional<Connection> connection = connections.find(event.workspaceId());
        if (connection.isEmpty() || !connection.get().mode().equals("bidirectional")) {
            return;
        }
        try {
            JsonNode created = post(
                    connection.get(),
                    "/api/tickets/" + ticket.get().ticketId() + "/messages",
                    message(ticket.get().customerEmail(), event.content()));
            String id = created.path("id").asString(null);
            if (id != null) {
                // Gorgias announces this message by webhook too: it is ours already.
                receipts.first(event.workspaceId(), GorgiasWebhookController.SOURCE, id, clock.instant());
            }
        } catch (StoreUnavailableException e) {
            log.warn(
                    "Gorgias did not take a message of ticket {}: {}",
                    ticket.get().ticketId(),
                    e.details());
        }
    }

    private static Map<String, Object> message(String email, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("channel", "api");
        message.put("via", "api");
        message.put("from_agent", false);
        message.put("sender", Map.of("email", email));
        message.put("source", Map.of("type", "api", "from", Map.of("address", email)));
        message.put("body_text", text);
        return message;
    }

    private static String label(String role) {
        return switch (role) {
            case "user" -> "Customer";
            case "assistant" -> "Assistant";
            case "agent" -> "Agent";
            default -> "Note";
        };
    }

    private JsonNode post(Connection connection, String path, Object body) {
        String authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (connection.username() + ":" + connection.apiKey()).getBytes(StandardCharsets.UTF_8));
        FetchRequest request = FetchRequest.post(
                        URI.create(connection.baseUrl() + path),
                        "application/json",
                        json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))
                .withHeader("Authorization", authorization)
                .withHeader("Accept", "application/json")
                .withTimeout(StoreRetries.TIMEOUT)
                .withMaxRedirects(0);
        String reason = "unavailable";
        for (int attempt = 0; attempt < StoreRetries.ATTEMPTS; attempt++) {
            FetchResponse response;
            try {
                response = fetcher.fetch(request);
            } catch (FetchException e) {
                if (e.reason() != FetchException.Reason.TIMEOUT
                        && e.reason() != FetchException.Reason.CONNECTION_FAILED) {
                    throw new StoreUnavailableException(
                            "gorgias", e.reason().name().toLowerCase(java.util.Locale.ROOT));
                }
                reason = "timeout";
                StoreRetries.pause(StoreRetries.backoff(attempt), "gorgias");
                continue;
            }
            if (response.status() == 429 || response.status() >= 500) {
                reason = "http_" + response.status();
                StoreRetries.pause(StoreRetries.retryAfter(response).orElse(StoreRetries.backoff(attempt)), "gorgias");
                continue;
            }
            if (!response.successful()) {
                throw new StoreUnavailableException("gorgias", "http_" + response.status());
            }
            try {
                return json.readTree(response.text());
            } catch (RuntimeException malformed) {
                throw new StoreUnavailableException("gorgias", "malformed_response");
            }
        }
        throw new StoreUnavailableException("gorgias", reason);
    }
}
