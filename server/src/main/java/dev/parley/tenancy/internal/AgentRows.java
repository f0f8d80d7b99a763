package dev.parley.tenancy.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.tenancy.Agent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Console users and their sign-in sessions in the database. Every query is scoped to a workspace, but the two that
 * authenticate: by email at sign-in and by token hash after it.
 */
@Repository
class AgentRows {

    private final JdbcClient jdbc;

    AgentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A console user with what only tenancy sees: the password hash and the sign-in throttle. */
    record Credentials(Agent agent, String passwordHash) {}

    void insert(Agent a, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO agents (id, workspace_id, name, email, role, status, capacity, password_hash, active,
                            created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
                .params(
                        a.id(),
                        a.workspaceId(),
                        a.name(),
                        a.email(),
                        a.role(),
                        a.status(),
                        a.capacity(),
                        passwordHash,
                        Sql.timestamp(a.createdAt()),
                        Sql.timestamp(a.updatedAt()))
                .update();
    }

    void update(Agent a) {
        jdbc.sql("""
                        UPDATE agents SET name = ?, role = ?, status = ?, capacity = ?, updated_at = ?
                         WHERE id = ? AND workspace_id = ?""")
                .params(
                        a.name(),
                        a.role(),
                        a.status(),
                        a.capacity(),
                        Sql.timestamp(a.updatedAt()),
                        a.id(),
                        a.workspaceId())
                .update();
    }

    void deactivate(String workspaceId, String id, Instant at) {
        jdbc.sql("""
                        UPDATE agents SET active = FALSE, status = 'offline', deactivated_at = ?, updated_at = ?
                         WHERE id = ? AND workspace_id = ?""")
                .params(Sql.timestamp(at), Sql.timestamp(at), id, workspaceId)
                .update();
        jdbc.sql("UPDATE console_sessions SET ended_at = ? WHERE agent_id = ? AND ended_at IS NULL")
                .params(Sql.timestamp(at), id)
                .update();
    }

    Optional<Agent> find(String workspaceId, String id) {
        return jdbc.sql("SELECT * FROM agents WHERE id = ? AND workspace_id = ?")
                .params(id, workspaceId)
                .query(AgentRows::agent)
                .optional();
    }

    List<Agent> list(String workspaceId, boolean includeInactive) {
        return jdbc.sql("SELECT * FROM agents WHERE workspace_id = ?"
                        + (includeInactive ? "" : " AND active = TRUE")
                        + " ORDER BY created_at, id")
                .param(workspaceId)
                .query(AgentRows::agent)
                .list();
    }

    List<Agent> lockOnline(String workspaceId) {
        return jdbc.sql("""
                        SELECT * FROM agents WHERE workspace_id = ? AND active = TRUE AND status = 'online'
                         ORDER BY id FOR UPDATE""").param(workspaceId).query(AgentRows::agent).list();
    }

    void assigned(String workspaceId, String id, Instant at) {
        jdbc.sql("UPDATE agents SET last_assigned_at = ? WHERE id = ? AND workspace_id = ?")
                .params(Sql.timestamp(at), id, workspaceId)
                .update();
    }

    /** The one unscoped lookup by email: sign-in, before the workspace is known. */
    Optional<Credentials> credentials(String email) {
        return jdbc.sql("SELECT * FROM agents WHERE email = ?")
                .param(email)
                .query((rs, i) -> new Credentials(agent(rs, i), rs.getString("password_hash")))
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM agents WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertSession(
            String id, String workspaceId, String agentId, Mode mode, String tokenHash, Instant expires, Instant now) {
        jdbc.sql("""
                        INSERT INTO console_sessions (id, workspace_id, agent_id, mode, token_hash, expires_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, workspaceId, agentId, mode.wire(), tokenHash, Sql.timestamp(expires), Sql.timestamp(now))
                .update();
    }

    /** A live console session by its token's hash, with its user: the other unscoped lookup. */
    record Session(String id, String workspaceId, Mode mode, Agent agent, Instant expiresAt) {}

    Optional<Session> session(String tokenHash, Instant now) {
        return jdbc.sql("""
                        SELECT s.id AS session_id, s.mode AS session_mode, s.expires_at AS session_expires_at, a.*
                          FROM console_sessions s JOIN agents a ON a.id = s.agent_id
                         WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND a.active = TRUE""")
                .params(tokenHash, Sql.timestamp(now))
                .query((rs, i) -> new Session(
                        rs.getString("session_id"),
                        rs.getString("workspace_id"),
                        Sql.mode(rs, "session_mode"),
                        agent(rs, i),
                        Sql.instant(rs, "session_expires_at")))
                .optional();
    }

    /** Whether the console session is neither ended nor expired, and its user still active. */
    boolean sessionActive(String id, Instant now) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM console_sessions s JOIN agents a ON a.id = s.agent_id
                         WHERE s.id = ? AND s.ended_at IS NULL AND s.expires_at > ? AND a.active = TRUE""").params(id, Sql.timestamp(now)).query(Long.class).single() > 0;
    }

    void endSession(String id, Instant at) {
        jdbc.sql("UPDATE console_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
                .params(Sql.timestamp(at), id)
                .update();
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        return new Agent(
                rs.getString("id"),
                rs.getString("workspace_id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("role"),
                rs.getString("status"),
                rs.getInt("capacity"),
                rs.getBoolean("active"),
                Sql.instant(rs, "last_assigned_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
