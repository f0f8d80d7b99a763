package dev.parley.commerce.internal;

import dev.parley.commerce.OrderState;
import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.platform.Mode;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders as last seen, per workspace and mode: what the orders API lists, what webhooks update, and the demo store's
 * own data. Every query names the workspace and the mode.
 */
@Repository
class OrderCache {

    /**
     * @param from orders placed at or after this instant
     * @param to orders placed before this instant (exclusive, as {@link dev.parley.platform.DateRange#end()})
     */
    record Filter(String email, OrderState status, Instant from, Instant to) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    OrderCache(JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    Optional<Order> find(String workspaceId, Mode mode, String number) {
        return jdbc.sql("SELECT data FROM commerce_orders WHERE workspace_id = ? AND mode = ? AND order_number = ?")
                .params(workspaceId, mode.wire(), number)
                .query((rs, row) -> json.readValue(rs.getString("data"), Order.class))
                .optional();
    }

    /**
     * Changes a cached order as it is now, under its row lock, so that concurrent changes of one order apply one after
     * the other rather than the last overwriting the others; the order afterwards, or empty when it is not cached.
     */
    Optional<Order> change(String workspaceId, Mode mode, String number, UnaryOperator<Order> change) {
        return transactions.execute(status -> jdbc.sql("""
                                SELECT data FROM commerce_orders WHERE workspace_id = ? AND mode = ? AND order_number = ?
                                FOR UPDATE""")
                .params(workspaceId, mode.wire(), number)
                .query((rs, row) -> json.readValue(rs.getString("data"), Order.class))
                .optional()
                .map(current -> {
                    Order changed = change.apply(current);
                    put(workspaceId, mode, changed);
                    return changed;
                }));
    }

    List<Order> page(String workspaceId, Mode mode, Filter filter, PageQuery page) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, filter, params);
        params.add(page.perPage());
        params.add(page.offset());
        return jdbc.sql("SELECT data FROM commerce_orders " + where
                        + " ORDER BY placed_at DESC, order_number DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, row) -> json.readValue(rs.getString("data"), Order.class))
                .list();
    }

    long count(String workspaceId, Mode mode, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(workspaceId, mode, filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM commerce_orders " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    void put(String workspaceId, Mode mode, Order order) {
        String data = json.writeValueAsString(order);
        String email = order.email() == null ? null : order.email().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Instant placed = order.placedAt() == null ? now : order.placedAt();
        int updated = jdbc.sql("""
                        UPDATE commerce_orders SET email = ?, status = ?, placed_at = ?, data = ?, updated_at = ?
                        WHERE workspace_id = ? AND mode = ? AND order_number = ?""")
                .params(
                        email,
                        order.status().wire(),
                        Sql.timestamp(placed),
                        data,
                        Sql.timestamp(now),
                        workspaceId,
                        mode.wire(),
                        order.number())
                .update();
        if (updated > 0) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO commerce_orders (workspace_id, mode, order_number, email, status, placed_at,
                                data, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            workspaceId,
                            mode.wire(),
                            order.number(),
                            email,
                            order.status().wire(),
                            Sql.timestamp(placed),
                            data,
                            Sql.timestamp(now))
                    .update();
        } catch (DuplicateKeyException concurrentInsert) {
            put(workspaceId, mode, order);
        }
    }

    /** The numbers of the orders longest not updated, first. */
    List<String> stalest(String workspaceId, Mode mode, int limit) {
        return jdbc.sql("""
                        SELECT order_number FROM commerce_orders WHERE workspace_id = ? AND mode = ?
                        ORDER BY updated_at, order_number LIMIT ?""")
                .params(workspaceId, mode.wire(), limit)
                .query(String.class)
                .list();
    }

    void remove(String workspaceId, Mode mode, String number) {
        jdbc.sql("DELETE FROM commerce_orders WHERE workspace_id = ? AND mode = ? AND order_number = ?")
                .params(workspaceId, mode.wire(), number)
                .update();
    }

    void clear(String workspaceId) {
        jdbc.sql("DELETE FROM commerce_orders WHERE workspace_id = ?")
                .param(workspaceId)
                .update();
    }

    boolean any(String workspaceId, Mode mode) {
        return jdbc.sql("SELECT COUNT(*) FROM commerce_orders WHERE workspace_id = ? AND mode = ?")
                        .params(workspaceId, mode.wire())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String where(String workspaceId, Mode mode, Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE workspace_id = ? AND mode = ?");
        params.add(workspaceId);
        params.add(mode.wire());
        if (filter.email() != null) {
            where.append(" AND email = ?");
            params.add(filter.email().toLowerCase(Locale.ROOT));
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().wire());
        }
        if (filter.from() != null) {
            where.append(" AND placed_at >= ?");
            params.add(Sql.timestamp(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND placed_at < ?");
            params.add(Sql.timestamp(filter.to()));
        }
        return where.toString();
    }
}
