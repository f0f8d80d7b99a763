package dev.parley.commerce.internal;

import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the assistant has given away of a store's money, as the database keeps it for every node: the total refunded
 * per order ({@code assistant_refunds}) and the discount codes given per conversation and per customer
 * ({@code assistant_discounts}). Each write is conditional, so two concurrent calls never both pass a limit.
 */
@Repository
class AssistantSpending {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AssistantSpending(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What the assistant has refunded on the order so far. */
    BigDecimal refunded(String workspaceId, Mode mode, String orderId) {
        return jdbc.sql("SELECT refunded FROM assistant_refunds WHERE workspace_id = ? AND mode = ? AND order_id = ?")
                .params(workspaceId, mode.wire(), orderId)
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO.setScale(2));
    }

    /**
     * Adds {@code amount} to what the assistant refunded on the order, only if the total stays within {@code limit}:
     * one conditional update, which the database applies to the row one writer at a time.
     */
    boolean addRefund(
            String workspaceId,
            Mode mode,
            String orderId,
            String orderNumber,
            BigDecimal amount,
            BigDecimal limit,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO assistant_refunds (workspace_id, mode, order_id, order_number, refunded, updated_at)
                        VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING""")
                .params(workspaceId, mode.wire(), orderId, orderNumber, Sql.timestamp(now))
                .update();
        return jdbc.sql("""
                                UPDATE assistant_refunds SET refunded = refunded + ?, updated_at = ?
                                WHERE workspace_id = ? AND mode = ? AND order_id = ? AND refunded + ? <= ?""")
                        .params(amount, Sql.timestamp(now), workspaceId, mode.wire(), orderId, amount, limit)
                        .update()
                == 1;
    }

    /** Takes back a refund the store then did not make. */
    void removeRefund(String workspaceId, Mode mode, String orderId, BigDecimal amount, Instant now) {
        jdbc.sql("""
                        UPDATE assistant_refunds SET refunded = refunded - ?, updated_at = ?
                        WHERE workspace_id = ? AND mode = ? AND order_id = ?""")
                .params(amount, Sql.timestamp(now), workspaceId, mode.wire(), orderId)
                .update();
    }

    /** The code already given to one of these holders, if any. */
    Optional<String> discountOf(String workspaceId, Mode mode, List<String> holders) {
        for (String holder : holders) {
            Optional<String> code = jdbc.sql(
                            "SELECT code FROM assistant_discounts WHERE workspace_id = ? AND mode = ? AND holder = ?")
                    .params(workspaceId, mode.wire(), holder)
                    .query(String.class)
                    .optional();
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    /** Records the code for every holder at once, or for none when one of them already has one. */
    boolean addDiscount(String workspaceId, Mode mode, List<String> holders, String code, Instant now) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                for (String holder : holders) {
                    int added = jdbc.sql("""
                                    INSERT INTO assistant_discounts (workspace_id, mode, holder, code, created_at)
                                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                            .params(workspaceId, mode.wire(), holder, code, Sql.timestamp(now))
                            .update();
                    if (added == 0) {
                        status.setRollbackOnly();
                        return false;
                    }
                }
                return true;
            }));
        } catch (DuplicateKeyException concurrentlyTaken) {
            return false;
        }
    }

    /** Forgets the codes of these holders (a code the store then did not make, or an erased customer's): how many. */
    int removeDiscount(String workspaceId, Mode mode, List<String> holders) {
        int removed = 0;
        for (String holder : holders) {
            removed += jdbc.sql("DELETE FROM assistant_discounts WHERE workspace_id = ? AND mode = ? AND holder = ?")
                    .params(workspaceId, mode.wire(), holder)
                    .update();
        }
        return removed;
    }
}
