package dev.parley.assistant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.platform.Sql;
import java.time.Duration;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The workspaces' model settings, one row per workspace; API keys are stored only sealed. Every turn reads them, so
 * they are cached for a few seconds, as store settings are: this node's own changes apply at once, another node's
 * within {@link #TTL}.
 */
@Repository
class ModelSettingsRows {

    static final Duration TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Cache<String, Optional<ModelSettings>> cache =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();

    ModelSettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ModelSettings> find(String workspaceId) {
        return cache.get(workspaceId, this::read);
    }

    private Optional<ModelSettings> read(String workspaceId) {
        return jdbc.sql("SELECT * FROM assistant_models WHERE workspace_id = ?")
                .param(workspaceId)
                .query((rs, row) -> new ModelSettings(
                        rs.getString("provider"),
                        rs.getString("base_url"),
                        rs.getString("model"),
                        rs.getString("api_key_encrypted"),
                        rs.getObject("temperature") == null ? null : rs.getDouble("temperature"),
                        Duration.ofMillis(rs.getLong("timeout_ms")),
                        Sql.instant(rs, "updated_at")))
                .optional();
    }

    void save(String workspaceId, ModelSettings settings) {
        cache.invalidate(workspaceId);
        int updated = jdbc.sql("""
                        UPDATE assistant_models SET provider = ?, base_url = ?, model = ?, api_key_encrypted = ?,
                            temperature = ?, timeout_ms = ?, updated_at = ?
                        WHERE workspace_id = ?""")
                .params(
                        settings.provider(),
                        settings.baseUrl(),
                        settings.model(),
                        settings.sealedApiKey(),
                        settings.temperature(),
                        settings.timeout().toMillis(),
                        Sql.timestamp(settings.updatedAt()),
                        workspaceId)
                .update();
        if (updated == 0) {
            insert(workspaceId, settings);
        }
        cache.invalidate(workspaceId);
    }

    private void insert(String workspaceId, ModelSettings settings) {
        try {
            jdbc.sql("""
                            INSERT INTO assistant_models (workspace_id, provider, base_url, model, api_key_encrypted,
                                temperature, timeout_ms, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            workspaceId,
                            settings.provider(),
                            settings.baseUrl(),
                            settings.model(),
                            settings.sealedApiKey(),
                            settings.temperature(),
                            settings.timeout().toMillis(),
                            Sql.timestamp(settings.updatedAt()))
                    .update();
        } catch (DuplicateKeyException concurrentFirstSave) {
            save(workspaceId, settings);
        }
    }

    boolean delete(String workspaceId) {
        boolean deleted = jdbc.sql("DELETE FROM assistant_models WHERE workspace_id = ?")
                        .param(workspaceId)
                        .update()
                > 0;
        cache.invalidate(workspaceId);
        return deleted;
    }
}
