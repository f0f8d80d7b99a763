package dev.parley.commerce.internal;

import dev.parley.commerce.internal.HelpdeskConnections.Ticket;
import dev.parley.conversation.HelpdeskInbox;
import dev.parley.conversation.MessageRole;
import dev.parley.platform.ApiException;
import dev.parley.platform.Digests;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.PublicPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 001's Gorgias webhook: {@code POST /v1/webhooks/gorgias}, signed with {@code X-Gorgias-Signature}, the
 * base64 HMAC-SHA256 of the raw body under the helpdesk connection's {@code webhook_secret}. A message on a ticket
 * Parley opened is synced into its conversation: an agent's reply as an agent message, the customer's as theirs.
 * A ticket Parley does not know and a wrong signature get the same 401; a message seen before is acknowledged once.
 */
@RestController
class GorgiasWebhookController {

    static final String SOURCE = "gorgias";
    /** Parley messages that came from Gorgias, so they are not sent back to it. */
    static final String SYNCED = "gorgias-synced";

    private final HelpdeskConnections connections;
    private final HelpdeskInbox inbox;
    private final WebhookReceipts receipts;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    GorgiasWebhookController(
            HelpdeskConnections connections,
            HelpdeskInbox inbox,
            WebhookReceipts receipts,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.connections = connections;
        this.inbox = inbox;
        this.receipts = receipts;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Bean
    static PublicPath gorgiasWebhooks() {
        return new PublicPath("/v1/webhooks/gorgias");
    }

    record Received(boolean received, String action) {}

    @PostMapping("/v1/webhooks/gorgias")
    Received receive(
            @RequestHeader(name = "X-Gorgias-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        ApiException refused = new ApiException(ErrorCode.INVALID_SIGNATURE);
        if (signature == null || body == null) {
            throw refused;
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (tools.jackson.core.JacksonException malformed) {
            throw refused;
        }
        String ticketId = event.path("ticket_id").asString("");
        Ticket ticket = verified(ticketId, signature, body).orElseThrow(() -> refused);
        if (!"ticket.message.created".equals(event.path("event").asString())) {
            return new Received(true, "ignored");
        }
        JsonNode message = event.path("message");
        String text = message.path("body_text").asString("");
        String sender = message.path("sender").asString("");
        if (text.isBlank() || !(sender.equals("customer") || sender.equals("agent"))) {
            throw ApiException.invalidField("message", "invalid_value");
        }
        String messageId = message.path("id").asString(null);
        String delivery = messageId != null ? messageId : Digests.sha256Hex(body);
        return transactions.execute(tx -> {
            if (!receipts.first(ticket.workspaceId(), SOURCE, delivery, clock.instant())) {
                return new Received(true, "duplicate_ignored");
            }
            Optional<String> synced = inbox.sync(
                    ticket.workspaceId(),
                    ticket.mode(),
                    ticket.conversationId(),
                    sender.equals("agent") ? MessageRole.AGENT : MessageRole.USER,
                    text.length() > 50_000 ? text.substring(0, 50_000) : text);
            if (synced.isEmpty()) {
                return new Received(true, "ignored");
            }
            receipts.first(ticket.workspaceId(), SYNCED, synced.get(), clock.instant());
            return new Received(true, "message_synced");
        });
    }

    private Optional<Ticket> verified(String ticketId, String signature, byte[] body) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (ticketId.isBlank() || ticketId.length() > 64) {
            return Optional.empty();
        }
        for (Ticket ticket : connections.tickets(ticketId)) {
            Optional<HelpdeskConnections.Connection> connection = connections.find(ticket.workspaceId());
            if (connection.isPresent()
                    && Digests.sameSignature(
                            Digests.hmacSha256(connection.get().webhookSecret().getBytes(StandardCharsets.UTF_8), body),
                            given)) {
                return Optional.of(ticket);
            }
        }
        return Optional.empty();
    }
}
