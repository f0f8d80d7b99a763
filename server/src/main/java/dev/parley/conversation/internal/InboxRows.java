package dev.parley.conversation.internal;

import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the inbox remembers beside the conversation row: who held each conversation when (assignments), customer
 * feedback, and the marks agents leave (read, resolved by, closed). Every query is scoped to a workspace; those
 * behind a conversation id run after that conversation was found in the caller's workspace and mode.
 */
@Repository
class InboxRows {

    private final JdbcClient jdbc;

    InboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void startAssignment(String workspaceId, Mode mode, String conversationId, String agentId, Instant at) {
        jdbc.sql("""
                        INSERT INTO conversation_assignments (id, workspace_id, mode, conversation_id, agent_id, assigned_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Ids.next("asg"), workspaceId, mode.wire(), conversationId, agentId, Sql.timestamp(at))
                .update();
    }

    void endAssignment(String workspaceId, String conversationId, Instant at) {
        jdbc.sql("""
                        UPDATE conversation_assignments SET ended_at = ?, ended_seq = nextval('conversation_timeline')
                         WHERE workspace_id = ? AND conversation_id = ? AND ended_at IS NULL""").params(Sql.timestamp(at), workspaceId, conversationId).update();
    }

    /** The open assignment ends with the conversation resolved by its agent. */
    void resolveAssignment(String workspaceId, String conversationId, Instant at) {
        jdbc.sql("""
                        UPDATE conversation_assignments
                           SET resolved_at = ?, ended_at = ?, ended_seq = nextval('conversation_timeline')
                         WHERE workspace_id = ? AND conversation_id = ? AND ended_at IS NULL""")
                .params(Sql.timestamp(at), Sql.timestamp(at), workspaceId, conversationId)
                .update();
    }

    /** The agent's first reply since the conversation was given to them. */
    void firstResponse(String workspaceId, String conversationId, String agentId, Instant at) {
        jdbc.sql("""
                        UPDATE conversation_assignments SET first_response_at = ?
                         WHERE workspace_id = ? AND conversation_id = ? AND agent_id = ? AND ended_at IS NULL
                           AND first_response_at IS NULL""")
                .params(Sql.timestamp(at), workspaceId, conversationId, agentId)
                .update();
    }

    void markRead(String workspaceId, String conversationId, Instant at) {
        jdbc.sql("UPDATE conversations SET agent_read_at = ? WHERE workspace_id = ? AND id = ?")
                .params(Sql.timestamp(at), workspaceId, conversationId)
                .update();
    }

    void resolvedBy(String workspaceId, String conversationId, String agentId) {
        jdbc.sql("UPDATE conversations SET resolved_by = ? WHERE workspace_id = ? AND id = ?")
                .params(agentId, workspaceId, conversationId)
                .update();
    }

    void closed(String workspaceId, String conversationId, Instant at) {
        jdbc.sql("UPDATE conversations SET closed_at = ? WHERE workspace_id = ? AND id = ?")
                .params(Sql.timestamp(at), workspaceId, conversationId)
                .update();
    }

    /** One more message, counted in the database so concurrent writers never lose one. */
    void countMessage(String workspaceId, String conversationId, Instant at) {
        jdbc.sql("""
                        UPDATE conversations SET message_count = message_count + 1, updated_at = ?
                         WHERE workspace_id = ? AND id = ?""").params(Sql.timestamp(at), workspaceId, conversationId).update();
    }

    Instant lastMessageAt(String workspaceId, String conversationId) {
        return jdbc.sql("SELECT MAX(created_at) AS at FROM messages WHERE workspace_id = ? AND conversation_id = ?")
                .params(workspaceId, conversationId)
                .query((rs, i) -> java.util.Optional.ofNullable(Sql.instant(rs, "at")))
                .single()
                .orElse(null);
    }

    void insertFeedback(
            String id,
            String workspaceId,
            Mode mode,
            String conversationId,
            String agentId,
            int rating,
            String comment,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO feedback (id, workspace_id, mode, conversation_id, agent_id, rating, comment, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, workspaceId, mode.wire(), conversationId, agentId, rating, comment, Sql.timestamp(at))
                .update();
        jdbc.sql("UPDATE conversations SET csat_score = ? WHERE workspace_id = ? AND id = ?")
                .params(rating, workspaceId, conversationId)
                .update();
    }

    /** Conversations each agent holds now (status {@code assigned}), in every mode. */
    Map<String, Integer> activeLoads(String workspaceId) {
        Map<String, Integer> loads = new HashMap<>();
        jdbc.sql("""
                        SELECT assigned_to, COUNT(*) AS held FROM conversations
                         WHERE workspace_id = ? AND status = 'assigned' AND assigned_to IS NOT NULL
                         GROUP BY assigned_to""").param(workspaceId).query(rs -> {
            loads.put(rs.getString("assigned_to"), rs.getInt("held"));
        });
        return loads;
    }

    /** Conversations ever given to each agent, in every mode. */
    Map<String, Long> totals(String workspaceId) {
        Map<String, Long> totals = new HashMap<>();
        jdbc.sql("""
                        SELECT agent_id, COUNT(DISTINCT conversation_id) AS total FROM conversation_assignments
                         WHERE workspace_id = ? GROUP BY agent_id""").param(workspaceId).query(rs -> {
            totals.put(rs.getString("agent_id"), rs.getLong("total"));
        });
        return totals;
    }

    /** A conversation an agent holds, wherever (any mode). */
    record Held(String conversationId, Mode mode) {}

    List<Held> heldBy(String workspaceId, String agentId) {
        return jdbc.sql("""
                        SELECT id, mode FROM conversations
                         WHERE workspace_id = ? AND assigned_to = ? AND status = 'assigned'""")
                .params(workspaceId, agentId)
                .query((rs, i) -> new Held(rs.getString("id"), Sql.mode(rs)))
                .list();
    }

    record Assignment(String conversationId, Instant assignedAt, Instant firstResponseAt, Instant resolvedAt) {}

    /** The agent's assignments that began in {@code [from, to)}, or were resolved in it. */
    List<Assignment> assignments(String workspaceId, Mode mode, String agentId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT conversation_id, assigned_at, first_response_at, resolved_at FROM conversation_assignments
                         WHERE workspace_id = ? AND mode = ? AND agent_id = ?
                           AND ((assigned_at >= ? AND assigned_at < ?) OR (resolved_at >= ? AND resolved_at < ?))""")
                .params(
                        workspaceId,
                        mode.wire(),
                        agentId,
                        Sql.timestamp(from),
                        Sql.timestamp(to),
                        Sql.timestamp(from),
                        Sql.timestamp(to))
                .query((rs, i) -> new Assignment(
                        rs.getString("conversation_id"),
                        Sql.instant(rs, "assigned_at"),
                        Sql.instant(rs, "first_response_at"),
                        Sql.instant(rs, "resolved_at")))
                .list();
    }

    /** Who held the conversation when, oldest first. */
    List<dev.parley.conversation.ConversationDesk.Assignment> history(String workspaceId, String conversationId) {
        return jdbc.sql("""
                        SELECT agent_id, assigned_at, assigned_seq, ended_at, ended_seq, resolved_at FROM conversation_assignments
                         WHERE workspace_id = ? AND conversation_id = ? ORDER BY assigned_at, assigned_seq, id""")
                .params(workspaceId, conversationId)
                .query((rs, i) -> new dev.parley.conversation.ConversationDesk.Assignment(
                        rs.getString("agent_id"),
                        Sql.instant(rs, "assigned_at"),
                        Sql.instant(rs, "ended_at"),
                        Sql.instant(rs, "resolved_at"),
                        rs.getLong("assigned_seq"),
                        rs.getLong("ended_seq")))
                .list();
    }

    /** The ratings given in {@code [from, to)} to conversations the agent held. */
    List<Integer> ratings(String workspaceId, Mode mode, String agentId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT rating FROM feedback
                         WHERE workspace_id = ? AND mode = ? AND agent_id = ? AND created_at >= ? AND created_at < ?""")
                .params(workspaceId, mode.wire(), agentId, Sql.timestamp(from), Sql.timestamp(to))
                .query(Integer.class)
                .list();
    }
}
