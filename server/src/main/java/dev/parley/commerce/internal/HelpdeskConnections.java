package dev.parley.commerce.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.FetchException;
import dev.parley.platform.Mode;
import dev.parley.platform.OutboundTargets;
import dev.parley.platform.SecretBox;
import dev.parley.platform.Sql;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workspace's helpdesk (Gorgias): where its API is, the credentials (sealed), the secret its webhooks are signed
 * with, and whether messages flow both ways; and the tickets opened for escalated conversations.
 */
@Service
class HelpdeskConnections {

    static final Set<String> MODES = Set.of("bidirectional", "outbound");

    /** @param username the Gorgias user's email, for HTTP Basic with the API key */
    record Connection(
            String workspaceId,
            String platform,
            String baseUrl,
            String username,
            String apiKey,
            String webhookSecret,
            String mode,
            Instant createdAt,
            Instant updatedAt) {}

    record Ticket(String workspaceId, Mode mode, String ticketId, String conversationId, String customerEmail) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final OutboundTargets targets;
    private final Clock clock;

    HelpdeskConnections(JdbcClient jdbc, SecretBox box, OutboundTargets targets, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.targets = targets;
        this.clock = clock;
    }

    Optional<Connection> find(String workspaceId) {
        return jdbc.sql("SELECT * FROM helpdesk_connections WHERE workspace_id = ?")
                .param(workspaceId)
                .query(this::row)
                .optional();
    }

    @Transactional
    Connection put(Caller caller, String platform, String baseUrl, Map<String, String> credentials, String mode) {
        caller.requireLiveMode();
        if (platform == null) {
            throw ApiException.missingField("platform");
        }
        if (!platform.equals("gorgias")) {
            throw ApiException.invalidField("platform", "invalid_value");
        }
        String flow = mode == null ? "bidirectional" : mode;
        if (!MODES.contains(flow)) {
            throw ApiException.invalidField("mode", "invalid_value");
        }
        Map<String, String> given = credentials == null ? Map.of() : credentials;
        for (String name : given.keySet()) {
            if (!Set.of("username", "api_key", "webhook_secret").contains(name)) {
                throw ApiException.invalidField("credentials." + name, "unknown_field");
            }
        }
        for (String name : List.of("username", "api_key", "webhook_secret")) {
            if (given.get(name) == null || given.get(name).isBlank()) {
                throw ApiException.missingField("credentials." + name);
            }
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw ApiException.missingField("base_url");
        }
        String checked;
        try {
            URI uri = targets.check(baseUrl.strip());
            checked = uri.toString().replaceAll("/+$", "");
        } catch (FetchException e) {
            throw ApiException.invalidField(
                    "base_url",
                    e.reason() == FetchException.Reason.BLOCKED_ADDRESS ? "blocked_target" : "invalid_value");
        }
        Instant now = clock.instant();
        Instant created = find(caller.workspaceId()).map(Connection::createdAt).orElse(now);
        delete(caller);
        String ws = caller.workspaceId();
        jdbc.sql("""
                        INSERT INTO helpdesk_connections (workspace_id, platform, base_url, credentials_encrypted,
                            webhook_secret_encrypted, mode, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        ws,
                        platform,
                        checked,
                        box.seal(
                                given.get("username").strip() + "\n"
                                        + given.get("api_key").strip(),
                                ws),
                        box.seal(given.get("webhook_secret"), ws),
                        flow,
                        Sql.timestamp(created),
                        Sql.timestamp(now))
                .update();
        return find(ws).orElseThrow();
    }

    boolean delete(Caller caller) {
        caller.requireLiveMode();
        return jdbc.sql("DELETE FROM helpdesk_connections WHERE workspace_id = ?")
                        .param(caller.workspaceId())
                        .update()
                > 0;
    }

    void remember(Ticket ticket) {
        jdbc.sql("""
                        INSERT INTO helpdesk_tickets (workspace_id, mode, ticket_id, conversation_id, customer_email,
                            created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        ticket.workspaceId(),
                        ticket.mode().wire(),
                        ticket.ticketId(),
                        ticket.conversationId(),
                        ticket.customerEmail(),
                        Sql.timestamp(clock.instant()))
                .update();
    }

    Optional<Ticket> ticketOf(String workspaceId, Mode mode, String conversationId) {
        return jdbc.sql("SELECT * FROM helpdesk_tickets WHERE workspace_id = ? AND mode = ? AND conversation_id = ?")
                .params(workspaceId, mode.wire(), conversationId)
                .query(HelpdeskConnections::ticket)
                .optional();
    }

    /** Every workspace's ticket with this id: Gorgias ids are per account, so the signature decides which. */
    List<Ticket> tickets(String ticketId) {
        return jdbc.sql("SELECT * FROM helpdesk_tickets WHERE ticket_id = ?")
                .param(ticketId)
                .query(HelpdeskConnections::ticket)
                .list();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        return new Ticket(
                rs.getString("workspace_id"),
                Sql.mode(rs),
                rs.getString("ticket_id"),
                rs.getString("conversation_id"),
                rs.getString("customer_email"));
    }

    private Connection row(ResultSet rs, int row) throws SQLException {
        String ws = rs.getString("workspace_id");
        String[] credentials =
                box.open(rs.getString("credentials_encrypted"), ws).split("\n", 2);
        return new Connection(
                ws,
                rs.getString("platform"),
                rs.getString("base_url"),
                credentials[0],
                credentials[1],
                box.open(rs.getString("webhook_secret_encrypted"), ws),
                rs.getString("mode"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
