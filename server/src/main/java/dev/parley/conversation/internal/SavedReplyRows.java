package dev.parley.conversation.internal;

import dev.parley.conversation.SavedReplies.SavedReply;
import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved replies, every query scoped to a workspace and mode. */
@Repository
class SavedReplyRows {

    private final JdbcClient jdbc;

    SavedReplyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String workspaceId, Mode mode, SavedReply reply) {
        jdbc.sql("""
                        INSERT INTO saved_replies (id, workspace_id, mode, shortcut, content, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        reply.id(),
                        workspaceId,
                        mode.wire(),
                        reply.shortcut(),
                        reply.content(),
                        Sql.timestamp(reply.createdAt()),
                        Sql.timestamp(reply.updatedAt()))
                .update();
    }

    void update(String workspaceId, Mode mode, SavedReply reply) {
        jdbc.sql("""
                        UPDATE saved_replies SET shortcut = ?, content = ?, updated_at = ?
                         WHERE id = ? AND workspace_id = ? AND mode = ?""")
                .params(
                        reply.shortcut(),
                        reply.content(),
                        Sql.timestamp(reply.updatedAt()),
                        reply.id(),
                        workspaceId,
                        mode.wire())
                .update();
    }

    boolean delete(String workspaceId, Mode mode, String id) {
        return jdbc.sql("DELETE FROM saved_replies WHERE id = ? AND workspace_id = ? AND mode = ?")
                        .params(id, workspaceId, mode.wire())
                        .update()
                > 0;
    }

    Optional<SavedReply> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM saved_replies WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(SavedReplyRows::reply)
                .optional();
    }

    Optional<SavedReply> byShortcut(String workspaceId, Mode mode, String shortcut) {
        return jdbc.sql("SELECT * FROM saved_replies WHERE shortcut = ? AND workspace_id = ? AND mode = ?")
                .params(shortcut, workspaceId, mode.wire())
                .query(SavedReplyRows::reply)
                .optional();
    }

    List<SavedReply> page(String workspaceId, Mode mode, String query, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, query, params);
        params.add(page.perPage());
        params.add(page.offset());
        return jdbc.sql("SELECT * FROM saved_replies " + where + " ORDER BY shortcut LIMIT ? OFFSET ?")
                .params(params)
                .query(SavedReplyRows::reply)
                .list();
    }

    long count(String workspaceId, Mode mode, String query) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, query, params);
        return jdbc.sql("SELECT COUNT(*) FROM saved_replies " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(String workspaceId, Mode mode, String query, List<Object> params) {
        params.add(workspaceId);
        params.add(mode.wire());
        if (query == null || query.isBlank()) {
            return "WHERE workspace_id = ? AND mode = ?";
        }
        String words = query.strip()
                .toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        params.add(words + "%");
        params.add("%" + words + "%");
        return "WHERE workspace_id = ? AND mode = ? AND (shortcut LIKE ? ESCAPE '!' OR LOWER(content) LIKE ? ESCAPE '!')";
    }

    private static SavedReply reply(ResultSet rs, int row) throws SQLException {
        return new SavedReply(
                rs.getString("id"),
                rs.getString("shortcut"),
                rs.getString("content"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
