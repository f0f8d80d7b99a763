package dev.parley.widget.internal;

import dev.parley.platform.Sql;
import dev.parley.widget.Trigger;
import dev.parley.widget.WidgetConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Widget configurations and triggers; every query takes the workspace. */
@Repository
class WidgetRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WidgetRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<WidgetConfig> config(String workspaceId) {
        return jdbc.sql("SELECT config, updated_at FROM widget_configs WHERE workspace_id = ?")
                .param(workspaceId)
                .query((rs, row) -> {
                    WidgetConfig stored = json.readValue(rs.getString("config"), WidgetConfig.class);
                    return withUpdatedAt(stored, Sql.instant(rs, "updated_at"));
                })
                .optional();
    }

    void save(String workspaceId, WidgetConfig config, Instant at) {
        String body = json.writeValueAsString(withUpdatedAt(config, null));
        int updated = jdbc.sql("UPDATE widget_configs SET config = ?, updated_at = ? WHERE workspace_id = ?")
                .params(body, Sql.timestamp(at), workspaceId)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO widget_configs (workspace_id, config, updated_at) VALUES (?, ?, ?)")
                        .params(workspaceId, body, Sql.timestamp(at))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                jdbc.sql("UPDATE widget_configs SET config = ?, updated_at = ? WHERE workspace_id = ?")
                        .params(body, Sql.timestamp(at), workspaceId)
                        .update();
            }
        }
    }

    private static WidgetConfig withUpdatedAt(WidgetConfig c, Instant at) {
        return new WidgetConfig(
                c.color(),
                c.shape(),
                c.position(),
                c.buttonText(),
                c.welcomeMessage(),
                c.offlineMessage(),
                c.branding(),
                c.theme(),
                c.fontFamily(),
                c.borderRadius(),
                c.behavior(),
                List.of(),
                at);
    }

    List<Trigger> triggers(String workspaceId) {
        return jdbc.sql("SELECT * FROM widget_triggers WHERE workspace_id = ? ORDER BY created_at, id")
                .param(workspaceId)
                .query(WidgetRows::trigger)
                .list();
    }

    long countTriggers(String workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM widget_triggers WHERE workspace_id = ?")
                .param(workspaceId)
                .query(Long.class)
                .single();
    }

    Optional<Trigger> trigger(String workspaceId, String id) {
        return jdbc.sql("SELECT * FROM widget_triggers WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id)
                .query(WidgetRows::trigger)
                .optional();
    }

    void insert(String workspaceId, Trigger t) {
        jdbc.sql("""
                        INSERT INTO widget_triggers (id, workspace_id, name, trigger_condition, delay_seconds, message,
                            url_pattern, active, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        t.id(),
                        workspaceId,
                        t.name(),
                        t.condition(),
                        t.delaySeconds(),
                        t.message(),
                        t.urlPattern(),
                        t.active(),
                        Sql.timestamp(t.createdAt()),
                        Sql.timestamp(t.updatedAt()))
                .update();
    }

    void update(String workspaceId, Trigger t) {
        jdbc.sql("""
                        UPDATE widget_triggers SET name = ?, trigger_condition = ?, delay_seconds = ?, message = ?,
                            url_pattern = ?, active = ?, updated_at = ?
                        WHERE workspace_id = ? AND id = ?""")
                .params(
                        t.name(),
                        t.condition(),
                        t.delaySeconds(),
                        t.message(),
                        t.urlPattern(),
                        t.active(),
                        Sql.timestamp(t.updatedAt()),
                        workspaceId,
                        t.id())
                .update();
    }

    boolean delete(String workspaceId, String id) {
        return jdbc.sql("DELETE FROM widget_triggers WHERE workspace_id = ? AND id = ?")
                        .params(workspaceId, id)
                        .update()
                > 0;
    }

    private static Trigger trigger(ResultSet rs, int row) throws SQLException {
        return new Trigger(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("trigger_condition"),
                rs.getInt("delay_seconds"),
                rs.getString("message"),
                rs.getString("url_pattern"),
                rs.getBoolean("active"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
