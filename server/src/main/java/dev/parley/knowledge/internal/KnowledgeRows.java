package dev.parley.knowledge.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sources, chunks and the change feed in the database. Every method that serves a request takes the workspace and
 * mode; the unscoped reads exist only for the index, which files each chunk under its own workspace.
 */
@Repository
class KnowledgeRows {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    KnowledgeRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Filters of a source listing; {@code null} means any. */
    record Filter(List<String> origins, String kind, String category, String tag, String status, String text) {}

    void insert(KnowledgeSource s) {
        jdbc.sql("""
                        INSERT INTO knowledge_sources (id, workspace_id, mode, kind, origin, title, content, content_format,
                            category, tags, metadata, status, domain, url, content_hash, chunk_count, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.id(),
                        s.workspaceId(),
                        s.mode().wire(),
                        s.kind(),
                        s.origin(),
                        s.title(),
                        s.content(),
                        s.contentFormat(),
                        s.category(),
                        json.writeValueAsString(s.tags()),
                        json.writeValueAsString(s.metadata()),
                        s.status(),
                        s.domain(),
                        s.url(),
                        s.contentHash(),
                        s.chunkCount(),
                        Sql.timestamp(s.createdAt()),
                        Sql.timestamp(s.updatedAt()))
                .update();
    }

    void update(KnowledgeSource s) {
        jdbc.sql("""
                        UPDATE knowledge_sources SET kind = ?, title = ?, content = ?, content_format = ?, category = ?,
                            tags = ?, metadata = ?, status = ?, domain = ?, url = ?, content_hash = ?, chunk_count = ?,
                            updated_at = ?
                         WHERE id = ? AND workspace_id = ? AND mode = ?""")
                .params(
                        s.kind(),
                        s.title(),
                        s.content(),
                        s.contentFormat(),
                        s.category(),
                        json.writeValueAsString(s.tags()),
                        json.writeValueAsString(s.metadata()),
                        s.status(),
                        s.domain(),
                        s.url(),
                        s.contentHash(),
                        s.chunkCount(),
                        Sql.timestamp(s.updatedAt()),
                        s.id(),
                        s.workspaceId(),
                        s.mode().wire())
                .update();
    }

    Optional<KnowledgeSource> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM knowledge_sources WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::source)
                .optional();
    }

    Optional<String> contentHash(String id) {
        return jdbc.sql("SELECT content_hash FROM knowledge_sources WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** For the index: a source by id alone. */
    Optional<KnowledgeSource> findForIndex(String id) {
        return jdbc.sql("SELECT * FROM knowledge_sources WHERE id = ?")
                .param(id)
                .query(this::source)
                .optional();
    }

    Optional<KnowledgeSource> findByUrl(String workspaceId, Mode mode, String url) {
        return jdbc.sql(
                        "SELECT * FROM knowledge_sources WHERE workspace_id = ? AND mode = ? AND url = ? ORDER BY id LIMIT 1")
                .params(workspaceId, mode.wire(), url)
                .query(this::source)
                .optional();
    }

    /** Ids and URLs of the sources a crawl made under a URL prefix (the site). */
    List<Map.Entry<String, String>> crawledUnder(String workspaceId, Mode mode, String urlPrefix) {
        return jdbc.sql("SELECT id, url FROM knowledge_sources WHERE workspace_id = ? AND mode = ? AND origin = 'crawl'"
                        + " AND url LIKE ?")
                .params(workspaceId, mode.wire(), urlPrefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query((rs, i) -> Map.entry(rs.getString("id"), rs.getString("url")))
                .list();
    }

    boolean delete(String workspaceId, Mode mode, String id) {
        jdbc.sql("DELETE FROM knowledge_chunks WHERE source_id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .update();
        return jdbc.sql("DELETE FROM knowledge_sources WHERE id = ? AND workspace_id = ? AND mode = ?")
                        .params(id, workspaceId, mode.wire())
                        .update()
                > 0;
    }

    List<KnowledgeSource> page(String workspaceId, Mode mode, Filter filter, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, filter, params);
        params.add(page.perPage());
        params.add(page.offset());
        return jdbc.sql("SELECT * FROM knowledge_sources " + where + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?")
                .params(params)
                .query(this::source)
                .list();
    }

    long count(String workspaceId, Mode mode, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_sources " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(String workspaceId, Mode mode, Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE workspace_id = ? AND mode = ?");
        params.add(workspaceId);
        params.add(mode.wire());
        if (filter.origins() != null && !filter.origins().isEmpty()) {
            where.append(" AND origin IN (")
                    .append(Sql.placeholders(filter.origins().size()))
                    .append(')');
            params.addAll(filter.origins());
        }
        if (filter.kind() != null) {
            where.append(" AND kind = ?");
            params.add(filter.kind());
        }
        if (filter.category() != null) {
            where.append(" AND category = ?");
            params.add(filter.category());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status());
        }
        if (filter.tag() != null) {
            where.append(" AND tags LIKE ?");
            params.add("%" + jsonString(filter.tag()) + "%");
        }
        if (filter.text() != null) {
            where.append(" AND LOWER(title) LIKE ?");
            params.add("%"
                    + filter.text().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    void replaceChunks(KnowledgeSource source, List<StoredChunk> chunks) {
        jdbc.sql("DELETE FROM knowledge_chunks WHERE source_id = ?")
                .param(source.id())
                .update();
        for (StoredChunk chunk : chunks) {
            jdbc.sql("""
                            INSERT INTO knowledge_chunks (id, source_id, workspace_id, mode, ordinal, heading, text, embedding)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            chunk.id(),
                            source.id(),
                            source.workspaceId(),
                            source.mode().wire(),
                            chunk.ordinal(),
                            chunk.heading(),
                            chunk.text(),
                            StoredChunk.encode(chunk.vector()))
                    .update();
        }
    }

    List<StoredChunk> chunks(String sourceId) {
        return jdbc.sql("SELECT * FROM knowledge_chunks WHERE source_id = ? ORDER BY ordinal")
                .param(sourceId)
                .query((rs, i) -> new StoredChunk(
                        rs.getString("id"),
                        rs.getString("source_id"),
                        rs.getInt("ordinal"),
                        rs.getString("heading"),
                        rs.getString("text"),
                        StoredChunk.decode(rs.getString("embedding"))))
                .list();
    }

    /** Adds a change of the source to the feed every node follows; returns its position in the feed. */
    long recordChange(String workspaceId, String sourceId, java.time.Instant at) {
        KeyHolder seq = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO knowledge_changes (workspace_id, source_id, created_at) VALUES (?, ?, ?)")
                .params(workspaceId, sourceId, Sql.timestamp(at))
                .update(seq, "seq");
        return seq.getKeyAs(Number.class).longValue();
    }

    record Change(long seq, String sourceId, java.time.Instant at) {}

    List<Change> changesAfter(long seq, int limit) {
        return jdbc.sql("SELECT seq, source_id, created_at FROM knowledge_changes WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(seq, limit)
                .query((rs, i) ->
                        new Change(rs.getLong("seq"), rs.getString("source_id"), Sql.instant(rs, "created_at")))
                .list();
    }

    long lastChange() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM knowledge_changes")
                .query(Long.class)
                .single();
    }

    /** Ids of every source, in pages, for a full rebuild of the index. */
    List<String> sourceIdsAfter(String afterId, int limit) {
        return jdbc.sql("SELECT id FROM knowledge_sources WHERE id > ? AND status = 'published' ORDER BY id LIMIT ?")
                .params(afterId, limit)
                .query(String.class)
                .list();
    }

    private KnowledgeSource source(ResultSet rs, int row) throws SQLException {
        return new KnowledgeSource(
                rs.getString("id"),
                rs.getString("workspace_id"),
                Sql.mode(rs),
                rs.getString("kind"),
                rs.getString("origin"),
                rs.getString("title"),
                rs.getString("content"),
                rs.getString("content_format"),
                rs.getString("category"),
                json.readValue(rs.getString("tags"), STRINGS),
                json.readValue(rs.getString("metadata"), OBJECT),
                rs.getString("status"),
                rs.getString("domain"),
                rs.getString("url"),
                rs.getInt("chunk_count"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
