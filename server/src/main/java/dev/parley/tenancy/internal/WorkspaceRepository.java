package dev.parley.tenancy.internal;

import dev.parley.platform.PageQuery;
import dev.parley.platform.Sql;
import dev.parley.tenancy.Plan;
import dev.parley.tenancy.StoreSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Workspaces in the database; domains and settings are stored as JSON text. */
@Repository
class WorkspaceRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkspaceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Workspace w) {
        jdbc.sql("""
                        INSERT INTO workspaces (id, name, domains, platform, plan, quota_per_hour, settings, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        w.id(),
                        w.name(),
                        json.writeValueAsString(w.domains()),
                        w.platform(),
                        w.plan().wire(),
                        w.quotaPerHour(),
                        json.writeValueAsString(w.settings()),
                        Sql.timestamp(w.createdAt()),
                        Sql.timestamp(w.updatedAt()))
                .update();
    }

    void update(Workspace w) {
        jdbc.sql("""
                        UPDATE workspaces
                           SET name = ?, domains = ?, platform = ?, plan = ?, quota_per_hour = ?, settings = ?, updated_at = ?
                         WHERE id = ?""")
                .params(
                        w.name(),
                        json.writeValueAsString(w.domains()),
                        w.platform(),
                        w.plan().wire(),
                        w.quotaPerHour(),
                        json.writeValueAsString(w.settings()),
                        Sql.timestamp(w.updatedAt()),
                        w.id())
                .update();
    }

    Optional<Workspace> find(String id) {
        return jdbc.sql("SELECT * FROM workspaces WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    List<Workspace> page(PageQuery page) {
        return jdbc.sql("SELECT * FROM workspaces ORDER BY created_at, id LIMIT ? OFFSET ?")
                .params(page.perPage(), page.offset())
                .query(this::map)
                .list();
    }

    List<String> ids() {
        return jdbc.sql("SELECT id FROM workspaces ORDER BY id")
                .query(String.class)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM workspaces").query(Long.class).single();
    }

    private Workspace map(ResultSet rs, int row) throws SQLException {
        long quota = rs.getLong("quota_per_hour");
        Long quotaPerHour = rs.wasNull() ? null : quota;
        return new Workspace(
                rs.getString("id"),
                rs.getString("name"),
                json.readValue(rs.getString("domains"), STRINGS),
                rs.getString("platform"),
                Plan.of(rs.getString("plan")),
                quotaPerHour,
                json.readValue(rs.getString("settings"), StoreSettings.class),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
