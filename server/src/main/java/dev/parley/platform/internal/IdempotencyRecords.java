package dev.parley.platform.internal;

import dev.parley.platform.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The first response to each {@code Idempotency-Key}, per workspace and mode, kept for the configured time. */
@Repository
class IdempotencyRecords {

    /** A request still running after this long is taken to have died with its node. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    IdempotencyRecords(JdbcClient jdbc, Clock clock, PlatformProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.idempotencyTtl();
    }

    record Stored(
            String requestHash, boolean completed, int status, String contentType, byte[] body, Instant createdAt) {}

    Optional<Stored> find(String workspaceId, Mode mode, String key) {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT request_hash, completed, response_status, response_content_type, response_body, created_at
                          FROM idempotency_records
                         WHERE workspace_id = ? AND mode = ? AND idempotency_key = ?""")
                .params(workspaceId, mode.wire(), key)
                .query((rs, i) -> new Stored(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5) == null ? new byte[0] : rs.getString(5).getBytes(StandardCharsets.UTF_8),
                        dev.parley.platform.Sql.instant(rs, "created_at")))
                .optional();
        Instant now = clock.instant();
        if (stored.isPresent()) {
            Stored s = stored.get();
            boolean expired = s.createdAt().plus(ttl).isBefore(now);
            boolean abandoned =
                    !s.completed() && s.createdAt().plus(ABANDONED_AFTER).isBefore(now);
            if (expired || abandoned) {
                forget(workspaceId, mode, key);
                return Optional.empty();
            }
        }
        return stored;
    }

    /** Claims the key for a request about to run. False when another request holds it already. */
    boolean begin(String workspaceId, Mode mode, String key, String requestHash) {
        try {
            jdbc.sql("""
                            INSERT INTO idempotency_records (workspace_id, mode, idempotency_key, request_hash, completed, created_at)
                            VALUES (?, ?, ?, ?, FALSE, ?)""")
                    .params(
                            workspaceId,
                            mode.wire(),
                            key,
                            requestHash,
                            dev.parley.platform.Sql.timestamp(clock.instant()))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Secrets shown once (API keys, session tokens, webhook secrets) must not outlive their response: stored responses mask them. */
    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile(
            "\\b((?:sk|pk)_(?:live|test)_|st_|whsec_)([A-Za-z0-9]{4})[A-Za-z0-9]{24,}([A-Za-z0-9]{4})\\b");

    static String maskSecrets(String body) {
        return SECRET.matcher(body).replaceAll("$1$2…$3");
    }

    void complete(String workspaceId, Mode mode, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_records
                           SET completed = TRUE, response_status = ?, response_content_type = ?, response_body = ?
                         WHERE workspace_id = ? AND mode = ? AND idempotency_key = ?""")
                .params(
                        status,
                        contentType,
                        maskSecrets(new String(body, StandardCharsets.UTF_8)),
                        workspaceId,
                        mode.wire(),
                        key)
                .update();
    }

    void forget(String workspaceId, Mode mode, String key) {
        jdbc.sql("DELETE FROM idempotency_records WHERE workspace_id = ? AND mode = ? AND idempotency_key = ?")
                .params(workspaceId, mode.wire(), key)
                .update();
    }
}
