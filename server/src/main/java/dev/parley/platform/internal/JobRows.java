package dev.parley.platform.internal;

import dev.parley.platform.JobStatus;
import dev.parley.platform.JobView;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The job table: claimed with {@code FOR UPDATE SKIP LOCKED} and leases, so nodes never run one job twice at once. */
@Repository
class JobRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Claimed(JobView job, Mode mode) {}

    void insert(String id, String workspaceId, Mode mode, String type, Object payload, Instant now) {
        jdbc.sql("""
                        INSERT INTO jobs (id, workspace_id, mode, type, status, payload, state, attempts, run_after, created_at, updated_at)
                        VALUES (?, ?, ?, ?, 'queued', ?, '{}', 0, ?, ?, ?)""")
                .params(
                        id,
                        workspaceId,
                        mode.wire(),
                        type,
                        json.writeValueAsString(payload),
                        Sql.timestamp(now),
                        Sql.timestamp(now),
                        Sql.timestamp(now))
                .update();
    }

    Optional<JobView> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM jobs WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::view)
                .optional();
    }

    JobStatus status(String id) {
        return JobStatus.fromWire(jdbc.sql("SELECT status FROM jobs WHERE id = ?")
                .param(id)
                .query(String.class)
                .single());
    }

    /** Claims up to {@code limit} due jobs of the given types for this node until {@code leaseUntil}. */
    @Transactional
    List<Claimed> claim(List<String> types, String owner, Instant now, Instant leaseUntil, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        String in = Sql.placeholders(types.size());
        List<Object> params = new java.util.ArrayList<>(types);
        params.add(Sql.timestamp(now));
        params.add(Sql.timestamp(now));
        params.add(limit);
        List<String> ids = jdbc.sql("SELECT id FROM jobs WHERE type IN (" + in + ")"
                        + " AND ((status = 'queued' AND run_after <= ?)"
                        + "  OR (status IN ('running', 'cancelling') AND lease_until < ?))"
                        + " ORDER BY run_after LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(params)
                .query(String.class)
                .list();
        List<Claimed> claimed = new java.util.ArrayList<>();
        for (String id : ids) {
            int updated = jdbc.sql("""
                            UPDATE jobs SET status = CASE WHEN status = 'cancelling' THEN 'cancelling' ELSE 'running' END,
                                lease_owner = ?, lease_until = ?, attempts = attempts + 1,
                                started_at = COALESCE(started_at, ?), updated_at = ?
                             WHERE id = ? AND ((status = 'queued' AND run_after <= ?)
                                OR (status IN ('running', 'cancelling') AND lease_until < ?))""")
                    .params(
                            owner,
                            Sql.timestamp(leaseUntil),
                            Sql.timestamp(now),
                            Sql.timestamp(now),
                            id,
                            Sql.timestamp(now),
                            Sql.timestamp(now))
                    .update();
            if (updated == 1) {
                jdbc.sql("SELECT * FROM jobs WHERE id = ?")
                        .param(id)
                        .query((rs, i) -> new Claimed(view(rs, i), Sql.mode(rs)))
                        .optional()
                        .ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    /** Saves progress and renews the lease, only while this node still holds it. */
    boolean save(String id, String owner, JsonNode state, Instant leaseUntil, Instant now) {
        return jdbc.sql("UPDATE jobs SET state = ?, lease_until = ?, updated_at = ? WHERE id = ? AND lease_owner = ?")
                        .params(
                                json.writeValueAsString(state),
                                Sql.timestamp(leaseUntil),
                                Sql.timestamp(now),
                                id,
                                owner)
                        .update()
                > 0;
    }

    void finish(String id, String owner, JobStatus status, String error, Instant now) {
        jdbc.sql("""
                        UPDATE jobs SET status = ?, last_error = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL,
                            updated_at = ?
                         WHERE id = ? AND lease_owner = ?""")
                .params(status.wire(), error, Sql.timestamp(now), Sql.timestamp(now), id, owner)
                .update();
    }

    void retryLater(String id, String owner, String error, Instant runAfter, Instant now) {
        jdbc.sql("""
                        UPDATE jobs SET status = 'queued', last_error = ?, run_after = ?, lease_owner = NULL,
                            lease_until = NULL, updated_at = ?
                         WHERE id = ? AND lease_owner = ? AND status = 'running'""")
                .params(error, Sql.timestamp(runAfter), Sql.timestamp(now), id, owner)
                .update();
    }

    /** Marks a job for cancelling; a queued one is cancelled at once. Returns false when it had finished. */
    boolean requestCancel(String workspaceId, Mode mode, String id, Instant now) {
        int queued = jdbc.sql("""
                        UPDATE jobs SET status = 'cancelled', finished_at = ?, updated_at = ?
                         WHERE id = ? AND workspace_id = ? AND mode = ? AND status = 'queued'""")
                .params(Sql.timestamp(now), Sql.timestamp(now), id, workspaceId, mode.wire())
                .update();
        if (queued > 0) {
            return true;
        }
        return jdbc.sql("""
                        UPDATE jobs SET status = 'cancelling', updated_at = ?
                         WHERE id = ? AND workspace_id = ? AND mode = ? AND status = 'running'""")
                        .params(Sql.timestamp(now), id, workspaceId, mode.wire())
                        .update()
                > 0;
    }

    private JobView view(ResultSet rs, int row) throws SQLException {
        return new JobView(
                rs.getString("id"),
                rs.getString("workspace_id"),
                rs.getString("type"),
                JobStatus.fromWire(rs.getString("status")),
                rs.getInt("attempts"),
                json.readTree(rs.getString("payload")),
                json.readTree(rs.getString("state")),
                rs.getString("last_error"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"));
    }
}
