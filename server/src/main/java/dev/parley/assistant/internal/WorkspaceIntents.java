package dev.parley.assistant.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A workspace's own intents and their examples, scoped by workspace and mode. */
@Repository
class WorkspaceIntents {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkspaceIntents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Intent(String name, String description, List<String> examples, Instant createdAt, Instant updatedAt) {}

    /** False when an intent of that name exists already. */
    boolean insert(String workspaceId, Mode mode, Intent intent) {
        try {
            jdbc.sql("""
                            INSERT INTO workspace_intents (workspace_id, mode, name, description, examples, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            workspaceId,
                            mode.wire(),
                            intent.name(),
                            intent.description(),
                            json.writeValueAsString(intent.examples()),
                            Sql.timestamp(intent.createdAt()),
                            Sql.timestamp(intent.updatedAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    void update(String workspaceId, Mode mode, Intent intent) {
        jdbc.sql("""
                        UPDATE workspace_intents SET description = ?, examples = ?, updated_at = ?
                         WHERE workspace_id = ? AND mode = ? AND name = ?""")
                .params(
                        intent.description(),
                        json.writeValueAsString(intent.examples()),
                        Sql.timestamp(intent.updatedAt()),
                        workspaceId,
                        mode.wire(),
                        intent.name())
                .update();
    }

    boolean delete(String workspaceId, Mode mode, String name) {
        return jdbc.sql("DELETE FROM workspace_intents WHERE workspace_id = ? AND mode = ? AND name = ?")
                        .params(workspaceId, mode.wire(), name)
                        .update()
                > 0;
    }

    Optional<Intent> find(String workspaceId, Mode mode, String name) {
        return jdbc.sql("SELECT * FROM workspace_intents WHERE workspace_id = ? AND mode = ? AND name = ?")
                .params(workspaceId, mode.wire(), name)
                .query(this::intent)
                .optional();
    }

    List<Intent> all(String workspaceId, Mode mode) {
        return jdbc.sql("SELECT * FROM workspace_intents WHERE workspace_id = ? AND mode = ? ORDER BY name")
                .params(workspaceId, mode.wire())
                .query(this::intent)
                .list();
    }

    /** What the workspace's intents look like now: changes whenever one is added, changed or removed. */
    String version(String workspaceId, Mode mode) {
        return jdbc.sql(
                        "SELECT COUNT(*) || ':' || COALESCE(CAST(MAX(updated_at) AS VARCHAR(64)), '-') FROM workspace_intents"
                                + " WHERE workspace_id = ? AND mode = ?")
                .params(workspaceId, mode.wire())
                .query(String.class)
                .single();
    }

    private Intent intent(ResultSet rs, int row) throws SQLException {
        return new Intent(
                rs.getString("name"),
                rs.getString("description"),
                json.readValue(rs.getString("examples"), STRINGS),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
