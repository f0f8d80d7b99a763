package dev.parley.webhook.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox: one row per event and subscription, scoped by workspace and mode. */
@Repository
class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The result of one attempt. */
    record Attempt(Integer statusCode, String error, long latencyMs, String snippet, Instant at) {}

    void insert(
            String id,
            String workspaceId,
            Mode mode,
            String subscriptionId,
            String eventId,
            String eventType,
            String orderingKey,
            String body,
            String jobId,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, workspace_id, mode, subscription_id, event_id, event_type,
                            ordering_key, body, status, job_id, attempts, next_attempt_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?)""")
                .params(
                        id,
                        workspaceId,
                        mode.wire(),
                        subscriptionId,
                        eventId,
                        eventType,
                        orderingKey,
                        body,
                        jobId,
                        Sql.timestamp(now),
                        Sql.timestamp(now),
                        Sql.timestamp(now))
                .update();
    }

    Optional<Delivery> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM webhook_deliveries WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::delivery)
                .optional();
    }

    List<Delivery> page(String workspaceId, Mode mode, String subscriptionId, DeliveryStatus status, PageQuery query) {
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire(), subscriptionId));
        String filter = "";
        if (status != null) {
            filter = " AND status = ?";
            params.add(status.wire());
        }
        params.add(query.perPage());
        params.add(query.offset());
        return jdbc.sql("SELECT * FROM webhook_deliveries WHERE workspace_id = ? AND mode = ? AND subscription_id = ?"
                        + filter + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(this::delivery)
                .list();
    }

    long count(String workspaceId, Mode mode, String subscriptionId, DeliveryStatus status) {
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire(), subscriptionId));
        String filter = "";
        if (status != null) {
            filter = " AND status = ?";
            params.add(status.wire());
        }
        return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE workspace_id = ? AND mode = ?"
                        + " AND subscription_id = ?" + filter)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Whether an earlier delivery of the same lane is still pending. */
    boolean earlierPending(Delivery delivery) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM webhook_deliveries
                         WHERE subscription_id = ? AND ordering_key = ? AND status = 'pending' AND seq < ?""")
                        .params(delivery.subscriptionId(), delivery.orderingKey(), delivery.seq())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The oldest pending delivery of a lane. */
    Optional<Delivery> headOfLane(String subscriptionId, String orderingKey) {
        return jdbc.sql("""
                        SELECT * FROM webhook_deliveries
                         WHERE subscription_id = ? AND ordering_key = ? AND status = 'pending'
                         ORDER BY seq LIMIT 1""")
                .params(subscriptionId, orderingKey)
                .query(this::delivery)
                .optional();
    }

    /** Hands the next attempt to a job, or to none ({@code null}: it waits in its lane). */
    void assignJob(String id, String jobId, Instant nextAttemptAt, Instant now) {
        jdbc.sql("UPDATE webhook_deliveries SET job_id = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?")
                .params(jobId, Sql.timestamp(nextAttemptAt), Sql.timestamp(now), id)
                .update();
    }

    void attempted(String id, Attempt attempt, DeliveryStatus outcome, Instant nextAttemptAt) {
        String status = outcome.wire();
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_status_code = ?,
                            last_error = ?, latency_ms = ?, response_snippet = ?, last_attempt_at = ?,
                            next_attempt_at = ?, delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END,
                            job_id = CASE WHEN ? = 'pending' THEN job_id ELSE NULL END, updated_at = ?
                         WHERE id = ?""")
                .params(
                        status,
                        attempt.statusCode(),
                        attempt.error(),
                        attempt.latencyMs(),
                        attempt.snippet(),
                        Sql.timestamp(attempt.at()),
                        Sql.timestamp(nextAttemptAt),
                        status,
                        Sql.timestamp(attempt.at()),
                        status,
                        Sql.timestamp(attempt.at()),
                        id)
                .update();
    }

    /** Ends a delivery without an attempt, e.g. because its subscription was switched off. */
    void fail(String id, String error, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'failed', last_error = ?, next_attempt_at = NULL,
                            job_id = NULL, updated_at = ?
                         WHERE id = ? AND status = 'pending'""").params(error, Sql.timestamp(now), id).update();
    }

    /** Makes a finished delivery pending again under a new job; false when it was pending already. */
    boolean reopen(String id, String jobId, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'pending', job_id = ?, next_attempt_at = ?, updated_at = ?
                         WHERE id = ? AND status <> 'pending'""")
                        .params(jobId, Sql.timestamp(now), Sql.timestamp(now), id)
                        .update()
                > 0;
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getString("id"),
                rs.getLong("seq"),
                rs.getString("workspace_id"),
                Sql.mode(rs),
                rs.getString("subscription_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("ordering_key"),
                rs.getString("body"),
                DeliveryStatus.fromWire(rs.getString("status")).orElseThrow(),
                rs.getString("job_id"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status_code", Integer.class),
                rs.getString("last_error"),
                (Long) rs.getObject("latency_ms", Long.class),
                rs.getString("response_snippet"),
                Sql.instant(rs, "next_attempt_at"),
                Sql.instant(rs, "last_attempt_at"),
                Sql.instant(rs, "delivered_at"),
                Sql.instant(rs, "created_at"));
    }
}
