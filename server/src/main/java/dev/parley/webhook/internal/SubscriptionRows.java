package dev.parley.webhook.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.platform.ThisTransaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;

/** The subscriptions table; every method but the delivery job's {@link #lock} is scoped by workspace and mode. */
@Repository
class SubscriptionRows {

    private final JdbcClient jdbc;

    SubscriptionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription s) {
        ReadInThisTransaction.forget();
        jdbc.sql("""
                        INSERT INTO webhook_subscriptions (id, workspace_id, mode, url, events, signature_format,
                            sealed_secret, secret_last4, active, disabled_reason, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.id(),
                        s.workspaceId(),
                        s.mode().wire(),
                        s.url(),
                        String.join(",", s.events()),
                        s.signatureFormat().wire(),
                        s.sealedSecret(),
                        s.secretLast4(),
                        s.active(),
                        s.disabledReason(),
                        Sql.timestamp(s.createdAt()),
                        Sql.timestamp(s.updatedAt()))
                .update();
    }

    void update(Subscription s) {
        ReadInThisTransaction.forget();
        jdbc.sql("""
                        UPDATE webhook_subscriptions SET url = ?, events = ?, signature_format = ?, sealed_secret = ?,
                            secret_last4 = ?,
                            active = ?, disabled_reason = ?, updated_at = ?
                         WHERE id = ? AND workspace_id = ? AND mode = ?""")
                .params(
                        s.url(),
                        String.join(",", s.events()),
                        s.signatureFormat().wire(),
                        s.sealedSecret(),
                        s.secretLast4(),
                        s.active(),
                        s.disabledReason(),
                        Sql.timestamp(s.updatedAt()),
                        s.id(),
                        s.workspaceId(),
                        s.mode().wire())
                .update();
    }

    Optional<Subscription> find(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE id = ? AND workspace_id = ? AND mode = ?")
                .params(id, workspaceId, mode.wire())
                .query(this::subscription)
                .optional();
    }

    List<Subscription> list(String workspaceId, Mode mode) {
        return jdbc.sql(
                        "SELECT * FROM webhook_subscriptions WHERE workspace_id = ? AND mode = ? ORDER BY created_at, id")
                .params(workspaceId, mode.wire())
                .query(this::subscription)
                .list();
    }

    /**
     * The active subscriptions of a workspace and mode, read once per transaction: a turn publishes several events
     * in the transaction that stores it, and each used to read the same rows again. Any write of a subscription in the
     * transaction reads them afresh; outside a transaction every call reads.
     */
    List<Subscription> activeInThisTransaction(String workspaceId, Mode mode) {
        return ReadInThisTransaction.of(workspaceId + " " + mode.wire(), () -> active(workspaceId, mode));
    }

    List<Subscription> active(String workspaceId, Mode mode) {
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE workspace_id = ? AND mode = ? AND active = TRUE")
                .params(workspaceId, mode.wire())
                .query(this::subscription)
                .list();
    }

    long count(String workspaceId, Mode mode) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_subscriptions WHERE workspace_id = ? AND mode = ?")
                .params(workspaceId, mode.wire())
                .query(Long.class)
                .single();
    }

    boolean delete(String workspaceId, Mode mode, String id) {
        ReadInThisTransaction.forget();
        return jdbc.sql("DELETE FROM webhook_subscriptions WHERE id = ? AND workspace_id = ? AND mode = ?")
                        .params(id, workspaceId, mode.wire())
                        .update()
                > 0;
    }

    /**
     * Locks a subscription's row until the transaction ends: the delivery job takes it around the decisions that keep
     * a lane in order, so two of them never decide at once.
     */
    Optional<Subscription> lock(String workspaceId, Mode mode, String id) {
        return jdbc.sql("SELECT * FROM webhook_subscriptions WHERE id = ? AND workspace_id = ? AND mode = ? FOR UPDATE")
                .params(id, workspaceId, mode.wire())
                .query(this::subscription)
                .optional();
    }

    void disable(String id, String reason, Instant now) {
        ReadInThisTransaction.forget();
        jdbc.sql("UPDATE webhook_subscriptions SET active = FALSE, disabled_reason = ?, updated_at = ? WHERE id = ?")
                .params(reason, Sql.timestamp(now), id)
                .update();
    }

    /** Active subscriptions read in one transaction, by workspace and mode; kept with its synchronizations. */
    private static final class ReadInThisTransaction implements TransactionSynchronization {

        private final Map<String, List<Subscription>> read = new HashMap<>();

        static List<Subscription> of(String key, Supplier<List<Subscription>> reading) {
            return ThisTransaction.kept(ReadInThisTransaction.class, reads -> true, ReadInThisTransaction::new)
                    .map(current -> current.read.computeIfAbsent(key, k -> reading.get()))
                    .orElseGet(reading);
        }

        static void forget() {
            ThisTransaction.existing(ReadInThisTransaction.class, reads -> true)
                    .ifPresent(current -> current.read.clear());
        }
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getString("id"),
                rs.getString("workspace_id"),
                Sql.mode(rs),
                rs.getString("url"),
                Arrays.asList(rs.getString("events").split(",")),
                SignatureFormat.of(rs.getString("signature_format")),
                rs.getString("sealed_secret"),
                rs.getString("secret_last4"),
                rs.getBoolean("active"),
                rs.getString("disabled_reason"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
