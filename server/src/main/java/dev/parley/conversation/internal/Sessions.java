package dev.parley.conversation.internal;

import dev.parley.platform.Digests;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 004's sessions as stored: one row per session, its token kept only as a hash (like an API key). The sessions
 * API, the widget socket and the voice socket all read and write sessions here. Every query names the workspace and
 * the mode, except the lookup by token, which is how a socket learns them.
 */
@Repository
class Sessions {

    /** A session as stored; its {@code status} is {@code active} or {@code ended}. */
    record Session(
            String id,
            String conversationId,
            String userId,
            Map<String, Object> metadata,
            SessionStatus status,
            Instant expiresAt,
            Instant startedAt,
            Instant endedAt) {}

    /** An active, unexpired session found by its token: what a socket may reach with it. */
    record Active(String workspaceId, Mode mode, String id, String conversationId, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Sessions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void start(
            String workspaceId,
            Mode mode,
            String id,
            String conversationId,
            String userId,
            Map<String, Object> metadata,
            String token,
            Instant expiresAt,
            Instant startedAt) {
        jdbc.sql("""
                        INSERT INTO sessions (id, workspace_id, mode, conversation_id, user_id, metadata, token_hash,
                            status, expires_at, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)""")
                .params(
                        id,
                        workspaceId,
                        mode.wire(),
                        conversationId,
                        userId,
                        json.writeValueAsString(metadata),
                        hash(token),
                        Sql.timestamp(expiresAt),
                        Sql.timestamp(startedAt))
                .update();
    }

    Optional<Session> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM sessions WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query((rs, i) -> new Session(
                        rs.getString("id"),
                        rs.getString("conversation_id"),
                        rs.getString("user_id"),
                        readMap(rs.getString("metadata")),
                        SessionStatus.fromWire(rs.getString("status")),
                        Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "ended_at")))
                .optional();
    }

    void end(String workspaceId, Mode mode, String id, Instant endedAt) {
        jdbc.sql("UPDATE sessions SET status = 'ended', ended_at = ? WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(Sql.timestamp(endedAt), id, workspaceId, mode.wire())
                .update();
    }

    /** The active session whose token this is, if it has not expired by {@code now}. */
    Optional<Active> active(String token, Instant now) {
        return jdbc.sql("""
                        SELECT workspace_id, mode, id, conversation_id, expires_at FROM sessions
                         WHERE token_hash = ? AND status = 'active' AND expires_at > ?""")
                .params(hash(token), Sql.timestamp(now))
                .query((rs, i) -> new Active(
                        rs.getString("workspace_id"),
                        Sql.mode(rs),
                        rs.getString("id"),
                        rs.getString("conversation_id"),
                        Sql.instant(rs, "expires_at")))
                .optional();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String text) {
        return new LinkedHashMap<>(json.readValue(text, Map.class));
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
