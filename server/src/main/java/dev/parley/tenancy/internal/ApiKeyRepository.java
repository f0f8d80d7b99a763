package dev.parley.tenancy.internal;

import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys by workspace, mode and hash. Every query but the lookup by hash is scoped to a workspace. */
@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key) {
        jdbc.sql("""
                        INSERT INTO api_keys (id, workspace_id, type, mode, name, scopes, key_hash, masked, created_at, revoked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        key.id(),
                        key.workspaceId(),
                        key.kind().name().toLowerCase(Locale.ROOT),
                        key.mode().wire(),
                        key.name(),
                        key.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(" ")),
                        key.keyHash(),
                        key.masked(),
                        Sql.timestamp(key.createdAt()),
                        Sql.timestamp(key.revokedAt()))
                .update();
    }

    /** The one unscoped lookup: authentication, before the workspace is known. */
    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("SELECT * FROM api_keys WHERE key_hash = ?")
                .param(keyHash)
                .query(this::map)
                .optional();
    }

    Optional<ApiKey> find(String workspaceId, List<Mode> modes, String id) {
        return jdbc.sql("SELECT * FROM api_keys WHERE workspace_id = ? AND id = ? AND mode IN (:modes)"
                        .replace(":modes", Sql.placeholders(modes.size())))
                .params(params(workspaceId, id, modes))
                .query(this::map)
                .optional();
    }

    List<ApiKey> page(String workspaceId, List<Mode> modes, boolean includeRevoked, PageQuery page) {
        String sql =
                "SELECT * FROM api_keys WHERE workspace_id = ? AND mode IN (" + Sql.placeholders(modes.size()) + ")"
                        + (includeRevoked ? "" : " AND revoked_at IS NULL")
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?";
        List<Object> params = new java.util.ArrayList<>(params(workspaceId, null, modes));
        params.add(page.perPage());
        params.add(page.offset());
        return jdbc.sql(sql).params(params).query(this::map).list();
    }

    long count(String workspaceId, List<Mode> modes, boolean includeRevoked) {
        String sql = "SELECT COUNT(*) FROM api_keys WHERE workspace_id = ? AND mode IN ("
                + Sql.placeholders(modes.size()) + ")" + (includeRevoked ? "" : " AND revoked_at IS NULL");
        return jdbc.sql(sql)
                .params(params(workspaceId, null, modes))
                .query(Long.class)
                .single();
    }

    boolean revoke(String workspaceId, String id, Instant at) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL")
                        .params(Sql.timestamp(at), workspaceId, id)
                        .update()
                > 0;
    }

    private static List<Object> params(String workspaceId, String id, List<Mode> modes) {
        List<Object> params = new java.util.ArrayList<>();
        params.add(workspaceId);
        if (id != null) {
            params.add(id);
        }
        modes.forEach(m -> params.add(m.wire()));
        return params;
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("workspace_id"),
                KeyKind.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                Sql.mode(rs),
                rs.getString("name"),
                Arrays.stream(rs.getString("scopes").split(" "))
                        .filter(s -> !s.isEmpty())
                        .map(s -> Scope.of(s).orElse(null))
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toUnmodifiableSet()),
                rs.getString("key_hash"),
                rs.getString("masked"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"));
    }
}
