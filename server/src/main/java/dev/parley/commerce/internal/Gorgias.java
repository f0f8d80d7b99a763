package dev.parley.commerce.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.commerce.internal.HelpdeskConnections.Connection;
import dev.parley.commerce.internal.HelpdeskConnections.Ticket;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.Helpdesk;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.Priority;
import dev.parley.platform.FetchException;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchResponse;
import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.JobContext;
import dev.parley.platform.Jobs;
import dev.parley.platform.Mode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
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

    static final String JOB_TYPE = "gorgias.forward";
    /** Conversations whose ticket is still to be opened by a job. */
    private static final String PENDING = "gorgias-pending";
    /** Parley messages Gorgias has taken. */
    private static final String FORWARDED = "gorgias-forwarded";

    private final HelpdeskConnections connections;
    private final WebhookReceipts receipts;
    private final GuardedFetcher fetcher;
    private final Jobs jobs;
    private final JsonMapper json;
    private final CommerceProperties properties;
    private final Clock clock;

    Gorgias(
            HelpdeskConnections connections,
            WebhookReceipts receipts,
            GuardedFetcher fetcher,
            @Lazy Jobs jobs, // the runner needs GorgiasJob, which needs this, first
            JsonMapper json,
            CommerceProperties properties,
            Clock clock) {
        this.connections = connections;
        this.receipts = receipts;
        this.fetcher = fetcher;
        this.jobs = jobs;
        this.json = json;
        this.properties = properties;
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
        transcript
                .append("Escalated by Parley (")
                .append(escalation.reason().wire())
                .append(").");
        NewTicket body = new NewTicket(
                new TicketCustomer(email, escalation.customerName()),
                "api",
                "api",
                "Support request from Parley",
                escalation.priority() == Priority.HIGH || escalation.priority() == Priority.URGENT ? "high" : "normal",
                escalation.conversationId(),
                List.of(new Tag("parley")),
                List.of(message(email, transcript.toString().strip())));
        String ws = escalation.workspaceId();
        try {
            return Optional.of(PREFIX
                    + open(
                            connection.get(),
                            escalation.mode(),
                            escalation.conversationId(),
                            email,
                            body,
                            escalation.lastMessageId(),
                            StoreRetries.ATTEMPTS));
        } catch (StoreUnavailableException e) {
            // The conversation gets Parley's reference now; the job opens the Gorgias ticket when Gorgias is back.
            log.warn("Gorgias did not open a ticket for workspace {} ({}); queued", ws, e.details());
            jobs.enqueue(ws, escalation.mode(), JOB_TYPE, Forward.ticket(escalation.conversationId(), email, body));
            claim(ws, PENDING, escalation.conversationId());
            if (escalation.lastMessageId() != null) {
                claim(ws, GorgiasWebhookController.SYNCED, escalation.lastMessageId());
            }
            return Optional.empty();
        }
    }

    /**
     * The customer's messages after escalation follow the ticket, unless they came from Gorgias itself: queued in
     * the transaction that stored them, so none is lost, and sent by {@link GorgiasJob}.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MessageReceived event) {
        String ws = event.workspaceId();
        if (event.mode() != Mode.LIVE) {
            return;
        }
        // Every customer message passes here: the connection first, which most workspaces do not have.
        Optional<Connection> connection = connections.find(ws);
        if (connection.isEmpty() || !connection.get().mode().equals("bidirectional")) {
            return;
        }
        if (receipts.seen(ws, GorgiasWebhookController.SYNCED, event.messageId())) {
            return;
        }
        boolean ticketed =
                connections.ticketOf(ws, event.mode(), event.conversationId()).isPresent()
                        || receipts.seen(ws, PENDING, event.conversationId());
        if (!ticketed) {
            return;
        }
        jobs.enqueue(
                ws,
                event.mode(),
                JOB_TYPE,
                Forward.message(event.conversationId(), event.messageId(), event.content()));
    }

    /** One attempt at a queued ticket or message; a failure is retried by the job runner. */
    void forward(JobContext job) {
        String ws = job.workspaceId();
        Optional<Connection> connection = connections.find(ws);
        if (connection.isEmpty()) {
            return; // disconnected since: there is nowhere to send it
        }
        Forward payload = job.payload(Forward.class);
        String conversationId = payload.conversationId();
        Optional<Ticket> ticket = connections.ticketOf(ws, job.mode(), conversationId);
        if (Forward.TICKET.equals(payload.kind())) {
            if (ticket.isEmpty()) {
                open(connection.get(), job.mode(), conversationId, payload.email(), payload.ticket(), null, 1);
            }
            return;
        }
        String messageId = payload.messageId();
        if (receipts.seen(ws, FORWARDED, messageId)) {
            return;
        }
        if (ticket.isEmpty()) {
            throw new StoreUnavailableException("gorgias", "ticket_pending");
        }
        JsonNode created = post(
                connection.get(),
                "/api/tickets/" + ticket.get().ticketId() + "/messages",
                message(ticket.get().customerEmail(), payload.content()),
                1);
        claim(ws, FORWARDED, messageId);
        String id = created.path("id").asString(null);
        if (id != null) {
            // Gorgias announces this message by webhook too: it is ours already.
            claim(ws, GorgiasWebhookController.SOURCE, id);
        }
    }

    private String open(
            Connection connection,
            Mode mode,
            String conversationId,
            String email,
            Object body,
            String lastMessageId,
            int attempts) {
        JsonNode created = post(connection, "/api/tickets", body, attempts);
        String id = created.path("id").asString(null);
        if (id == null || id.isBlank()) {
            throw new StoreUnavailableException("gorgias", "malformed_response");
        }
        connections.remember(new Ticket(connection.workspaceId(), mode, id, conversationId, email));
        if (lastMessageId != null) {
            // That message is in the ticket already: it must not follow it again.
            claim(connection.workspaceId(), GorgiasWebhookController.SYNCED, lastMessageId);
        }
        return id;
    }

    /** Records a receipt once; checked first, so a duplicate never aborts the caller's transaction. */
    private void claim(String workspaceId, String source, String id) {
        if (!receipts.seen(workspaceId, source, id)) {
            receipts.first(workspaceId, source, id, clock.instant());
        }
    }

    /**
     * A ticket as Gorgias's {@code POST /api/tickets} takes it; a queued one waits in its job's payload as this JSON.
     *
     * @param priority {@code high} for Parley's high and urgent, else {@code normal}
     * @param externalId the conversation's id, so the ticket leads back to it
     */
    record NewTicket(
            TicketCustomer customer,
            String channel,
            String via,
            String subject,
            String priority,
            @JsonProperty("external_id") String externalId,
            List<Tag> tags,
            List<TicketMessage> messages) {}

    /** @param name absent when the customer gave none */
    record TicketCustomer(
            String email,
            @JsonInclude(JsonInclude.Include.NON_NULL) String name) {}

    record Tag(String name) {}

    /**
     * A queued job's payload: a ticket Gorgias could not open at escalation ({@code kind} {@code ticket}), or a
     * customer message to follow the ticket ({@code kind} {@code message}); fields of the other kind are absent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Forward(
            String kind, String conversationId, String email, NewTicket ticket, String messageId, String content) {

        static final String TICKET = "ticket";

        static Forward ticket(String conversationId, String email, NewTicket ticket) {
            return new Forward(TICKET, conversationId, email, ticket, null, null);
        }

        static Forward message(String conversationId, String messageId, String content) {
            return new Forward("message", conversationId, null, null, messageId, content);
        }
    }

    /** A customer's message in a ticket, sent by API on their behalf. */
    record TicketMessage(
            String channel,
            String via,
            @JsonProperty("from_agent") boolean fromAgent,
            Sender sender,
            Source source,
            @JsonProperty("body_text") String bodyText) {}

    record Sender(String email) {}

    record Source(String type, Address from) {}

    record Address(String address) {}

    private static TicketMessage message(String email, String text) {
        return new TicketMessage("api", "api", false, new Sender(email), new Source("api", new Address(email)), text);
    }

    private static String label(MessageRole role) {
        return switch (role) {
            case USER -> "Customer";
            case ASSISTANT -> "Assistant";
            case AGENT -> "Agent";
            case SYSTEM, NOTE -> "Note";
        };
    }

    private JsonNode post(Connection connection, String path, Object body, int attempts) {
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
                .withTimeout(properties.storeTimeout())
                .withMaxRedirects(0);
        String reason = "unavailable";
        Duration wait = Duration.ZERO;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                StoreRetries.pause(wait, "gorgias");
            }
            wait = StoreRetries.backoff(attempt);
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
                continue;
            }
            if (response.status() == 429 || response.status() >= 500) {
                reason = "http_" + response.status();
                wait = StoreRetries.retryAfter(response).orElse(wait);
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
