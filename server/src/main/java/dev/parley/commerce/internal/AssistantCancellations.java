package dev.parley.commerce.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders the assistant has cancelled, as the database keeps them for every node ({@code assistant_cancellations}):
 * a cancellation is claimed by one insert before the store is asked, so of two requests to cancel an order, at once
 * or one after the other, only the first reaches the store.
 */
@Repository
class AssistantCancellations {

    private final JdbcClient jdbc;

    AssistantCancellations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this call may cancel the order: false when the assistant has already cancelled it (or is doing so). */
    boolean claim(String workspaceId, Mode mode, String orderId, String orderNumber, Instant now) {
        return jdbc.sql("""
                                INSERT INTO assistant_cancellations (workspace_id, mode, order_id, order_number, created_at)
                                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(workspaceId, mode.wire(), orderId, orderNumber, Sql.timestamp(now))
                        .update()
                == 1;
    }

    /** The store did not cancel the order: it may be asked again. */
    void giveBack(String workspaceId, Mode mode, String orderId) {
        jdbc.sql("DELETE FROM assistant_cancellations WHERE workspace_id = ? AND mode = ? AND order_id = ?")
                .params(workspaceId, mode.wire(), orderId)
                .update();
    }

    /** Forgets a workspace's cancellations when its store changes: the orders they name are no longer its orders. */
    void clear(String workspaceId) {
        jdbc.sql("DELETE FROM assistant_cancellations WHERE workspace_id = ?")
                .param(workspaceId)
                .update();
    }
}
