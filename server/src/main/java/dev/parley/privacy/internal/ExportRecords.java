package dev.parley.privacy.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Export requests and their archives' keys, scoped by workspace and mode. */
@Repository
class ExportRecords {

    private final JdbcClient jdbc;

    ExportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param progress percent done
     */
    record Export(
            String id,
            String workspaceId,
            Mode mode,
            String contactId,
            String email,
            String userId,
            boolean includeConversations,
            boolean includeAnalytics,
            ExportStatus status,
            String jobId,
            int progress,
            String archiveKey,
            Long archiveBytes,
            String error,
            Instant createdAt,
            Instant completedAt,
            Instant expiresAt) {}

    /**
     * @param runningKey the same for every request of this export while it is being made
     * @throws org.springframework.dao.DuplicateKeyException when such an export is being made already
     */
    void insert(Export e, String runningKey, String requestedBy) {
        jdbc.sql("""
                        INSERT INTO privacy_exports (id, workspace_id, mode, contact_id, subject_email, subject_user_id,
                            include_conversations, include_analytics, status, job_id, progress, requested_by, created_at,
                            expires_at, running_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'processing', ?, 0, ?, ?, ?, ?)""")
                .params(
                        e.id(),
                        e.workspaceId(),
                        e.mode().wire(),
                        e.contactId(),
                        e.email(),
                        e.userId(),
                        e.includeConversations(),
                        e.includeAnalytics(),
                        e.jobId(),
                        requestedBy,
                        Sql.timestamp(e.createdAt()),
                        Sql.timestamp(e.expiresAt()),
                        runningKey)
                .update();
    }

    Optional<Export> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM privacy_exports WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::export)
                .optional();
    }

    /** By id alone: only for a request whose signed link named this id. */
    Optional<Export> findSigned(String id) {
        return jdbc.sql("SELECT * FROM privacy_exports WHERE id = ?")
                .param(id)
                .query(this::export)
                .optional();
    }

    /** The export of this customer with these options still being made, if any. */
    Optional<Export> running(
            String workspaceId,
            Mode mode,
            String contactId,
            String email,
            String userId,
            boolean conversations,
            boolean analytics) {
        List<Object> params = new java.util.ArrayList<>(List.of(workspaceId, mode.wire(), conversations, analytics));
        String subject;
        if (contactId != null) {
            subject = "contact_id = ?";
            params.add(contactId);
        } else {
            subject = "contact_id IS NULL AND COALESCE(subject_email, '') = ? AND COALESCE(subject_user_id, '') = ?";
            params.add(email == null ? "" : email);
            params.add(userId == null ? "" : userId);
        }
        return jdbc.sql("SELECT * FROM privacy_exports WHERE workspace_id = ? AND mode = ? AND status = 'processing'"
                        + " AND include_conversations = ? AND include_analytics = ? AND " + subject
                        + " ORDER BY created_at LIMIT 1")
                .params(params)
                .query(this::export)
                .optional();
    }

    void progress(String id, int percent) {
        jdbc.sql("UPDATE privacy_exports SET progress = ? WHERE id = ? AND status = 'processing'")
                .params(percent, id)
                .update();
    }

    boolean completed(String id, String archiveKey, long bytes, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                                UPDATE privacy_exports SET status = 'completed', progress = 100, archive_key = ?,
                                    archive_bytes = ?, completed_at = ?, expires_at = ?, running_key = NULL
                                 WHERE id = ? AND status = 'processing'""")
                        .params(archiveKey, bytes, Sql.timestamp(now), Sql.timestamp(expiresAt), id)
                        .update()
                > 0;
    }

    void failed(String id, String error, Instant now) {
        jdbc.sql("""
                        UPDATE privacy_exports SET status = 'failed', error = ?, completed_at = ?,
                            subject_email = NULL, subject_user_id = NULL, running_key = NULL
                         WHERE id = ? AND status = 'processing'""").params(error, Sql.timestamp(now), id).update();
    }

    /** Archives past their expiry: the caller deletes the bytes, then {@link #expired}. */
    List<Export> expiring(Instant now, int limit) {
        return jdbc.sql(
                        "SELECT * FROM privacy_exports WHERE status = 'completed' AND expires_at <= ? ORDER BY expires_at"
                                + " LIMIT ?")
                .params(Sql.timestamp(now), limit)
                .query(this::export)
                .list();
    }

    /** Once expired, an export keeps no trace of whom it was about. */
    void expired(String id) {
        jdbc.sql("""
                        UPDATE privacy_exports SET status = 'expired', archive_key = NULL, contact_id = NULL, running_key = NULL,
                            subject_email = NULL, subject_user_id = NULL
                         WHERE id = ?""").param(id).update();
    }

    /** The exports about an erased customer. */
    List<Export> about(String workspaceId, Mode mode, String contactId, String email, List<String> userIds) {
        StringBuilder where =
                new StringBuilder("workspace_id = ? AND mode = ? AND (contact_id = ? OR subject_email = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(workspaceId, mode.wire()));
        params.add(contactId);
        params.add(email);
        for (String user : userIds) {
            where.append(" OR subject_user_id = ?");
            params.add(user);
        }
        where.append(")");
        return jdbc.sql("SELECT * FROM privacy_exports WHERE " + where)
                .params(params)
                .query(this::export)
                .list();
    }

    int delete(String id) {
        return jdbc.sql("DELETE FROM privacy_exports WHERE id = ?").param(id).update();
    }

    private Export export(ResultSet rs, int row) throws SQLException {
        long bytes = rs.getLong("archive_bytes");
        Long archiveBytes = rs.wasNull() ? null : bytes;
        return new Export(
                rs.getString("id"),
                rs.getString("workspace_id"),
                Sql.mode(rs),
                rs.getString("contact_id"),
                rs.getString("subject_email"),
                rs.getString("subject_user_id"),
                rs.getBoolean("include_conversations"),
                rs.getBoolean("include_analytics"),
                ExportStatus.fromWire(rs.getString("status")),
                rs.getString("job_id"),
                rs.getInt("progress"),
                rs.getString("archive_key"),
                archiveBytes,
                rs.getString("error"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "completed_at"),
                Sql.instant(rs, "expires_at"));
    }
}
