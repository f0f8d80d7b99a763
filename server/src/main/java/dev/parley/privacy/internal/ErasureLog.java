package dev.parley.privacy.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit of erasures: who asked, when, why and how much each module erased; never who the customer was. */
@Repository
class ErasureLog {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ErasureLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param subjectHash a keyed hash of the email, or {@code null}
     * @param trigger request or retention
     */
    record Entry(
            String id,
            String trigger,
            String subjectHash,
            String contactId,
            String reason,
            Map<String, Long> counts,
            String requestedBy,
            Instant createdAt) {}

    void insert(String workspaceId, Mode mode, Entry e) {
        jdbc.sql("""
                        INSERT INTO privacy_erasures (id, workspace_id, mode, trigger_kind, subject_hash, contact_id, reason,
                            counts, requested_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.id(),
                        workspaceId,
                        mode.wire(),
                        e.trigger(),
                        e.subjectHash(),
                        e.contactId(),
                        e.reason(),
                        json.writeValueAsString(e.counts()),
                        e.requestedBy(),
                        Sql.timestamp(e.createdAt()))
                .update();
    }

    /** The first erasure of this customer by request, found by the email's hash or the contact's id. */
    Optional<Entry> earlier(String workspaceId, Mode mode, String subjectHash, String contactId) {
        return jdbc.sql("""
                        SELECT * FROM privacy_erasures
                         WHERE workspace_id = ? AND mode = ? AND trigger_kind = 'request'
                           AND (subject_hash = ? OR contact_id = ?)
                         ORDER BY created_at, id LIMIT 1""")
                .params(workspaceId, mode.wire(), subjectHash, contactId)
                .query(this::entry)
                .optional();
    }

    List<Entry> page(String workspaceId, Mode mode, PageQuery page) {
        return jdbc.sql("""
                        SELECT * FROM privacy_erasures WHERE workspace_id = ? AND mode = ?
                         ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(workspaceId, mode.wire(), page.perPage(), page.offset())
                .query(this::entry)
                .list();
    }

    long count(String workspaceId, Mode mode) {
        return jdbc.sql("SELECT COUNT(*) FROM privacy_erasures WHERE workspace_id = ? AND mode = ?")
                .params(workspaceId, mode.wire())
                .query(Long.class)
                .single();
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getString("id"),
                rs.getString("trigger_kind"),
                rs.getString("subject_hash"),
                rs.getString("contact_id"),
                rs.getString("reason"),
                json.readValue(rs.getString("counts"), COUNTS),
                rs.getString("requested_by"),
                Sql.instant(rs, "created_at"));
    }
}
