package dev.parley.commerce.internal;

import dev.parley.platform.Sql;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inbound webhook deliveries already processed, so a replay (or a sender's retry) is processed once. */
@Repository
class WebhookReceipts {

    private final JdbcClient jdbc;

    WebhookReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the delivery; false when it was processed before. */
    boolean first(String workspaceId, String source, String deliveryId, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO commerce_webhook_receipts (workspace_id, source, delivery_id, received_at)
                            VALUES (?, ?, ?, ?)""")
                    .params(workspaceId, source, deliveryId, Sql.timestamp(now))
                    .update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    boolean seen(String workspaceId, String source, String deliveryId) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM commerce_webhook_receipts
                                WHERE workspace_id = ? AND source = ? AND delivery_id = ?""")
                        .params(workspaceId, source, deliveryId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
