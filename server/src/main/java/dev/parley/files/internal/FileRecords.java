package dev.parley.files.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files table; reads are scoped to a workspace and mode, except by a signed link, whose signature names the id. */
@Repository
class FileRecords {

    private final JdbcClient jdbc;

    FileRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile f) {
        jdbc.sql("""
                        INSERT INTO files (id, workspace_id, mode, filename, declared_type, declared_bytes, status,
                            upload_expires_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)""")
                .params(
                        f.id(),
                        f.workspaceId(),
                        f.mode().wire(),
                        f.filename(),
                        f.declaredType(),
                        f.declaredBytes(),
                        Sql.timestamp(f.uploadExpiresAt()),
                        Sql.timestamp(f.createdAt()))
                .update();
    }

    Optional<StoredFile> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM files WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::file)
                .optional();
    }

    /** By id alone: only for a request whose signed link named this id. */
    Optional<StoredFile> findSigned(String id) {
        return jdbc.sql("SELECT * FROM files WHERE id = ?")
                .param(id)
                .query(this::file)
                .optional();
    }

    /** Takes the upload for one request: false when it was used (or is being used) already. */
    boolean claimUpload(String id) {
        return jdbc.sql("UPDATE files SET status = 'uploading' WHERE id = ? AND status = 'pending'")
                        .param(id)
                        .update()
                > 0;
    }

    void rejected(String id) {
        jdbc.sql("UPDATE files SET status = 'rejected' WHERE id = ? AND status = 'uploading'")
                .param(id)
                .update();
    }

    void uploaded(String id, String contentType, long size, String sha256, String storageKey, Instant now) {
        jdbc.sql("""
                        UPDATE files SET status = 'uploaded', content_type = ?, size_bytes = ?, sha256 = ?, storage_key = ?,
                            uploaded_at = ?
                         WHERE id = ? AND status = 'uploading'""")
                .params(contentType, size, sha256, storageKey, Sql.timestamp(now), id)
                .update();
    }

    /** Attaches an uploaded file; false when it is not in the uploaded state any more. */
    boolean attach(String workspaceId, Mode mode, String id, String conversationId, Instant now) {
        return jdbc.sql("""
                                UPDATE files SET status = 'attached', conversation_id = ?, attached_at = ?
                                 WHERE id = ? AND workspace_id = ? AND mode = ? AND status = 'uploaded'""")
                        .params(conversationId, Sql.timestamp(now), id, workspaceId, mode.wire())
                        .update()
                > 0;
    }

    List<StoredFile> ofConversations(String workspaceId, Mode mode, List<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        params.addAll(conversationIds);
        return jdbc.sql("SELECT * FROM files WHERE workspace_id = ? AND mode = ? AND conversation_id IN ("
                        + Sql.placeholders(conversationIds.size())
                        + ") ORDER BY created_at, id")
                .params(params)
                .query(this::file)
                .list();
    }

    /** Upload URLs unused past their expiry, and uploads never attached since {@code unattachedBefore}. */
    List<StoredFile> stale(Instant now, Instant unattachedBefore, int limit) {
        return jdbc.sql("""
                        SELECT * FROM files
                         WHERE (status IN ('pending', 'uploading') AND upload_expires_at < ?)
                            OR (status IN ('uploaded', 'rejected') AND created_at < ?)
                         ORDER BY created_at LIMIT ?""")
                .params(Sql.timestamp(now.minus(java.time.Duration.ofHours(1))), Sql.timestamp(unattachedBefore), limit)
                .query(this::file)
                .list();
    }

    int delete(String id) {
        return jdbc.sql("DELETE FROM files WHERE id = ?").param(id).update();
    }

    private StoredFile file(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        return new StoredFile(
                rs.getString("id"),
                rs.getString("workspace_id"),
                Sql.mode(rs),
                rs.getString("filename"),
                rs.getString("declared_type"),
                rs.getLong("declared_bytes"),
                rs.getString("content_type"),
                sizeBytes,
                rs.getString("sha256"),
                FileStatus.fromWire(rs.getString("status")),
                rs.getString("storage_key"),
                rs.getString("conversation_id"),
                Sql.instant(rs, "upload_expires_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "uploaded_at"),
                Sql.instant(rs, "attached_at"));
    }
}
