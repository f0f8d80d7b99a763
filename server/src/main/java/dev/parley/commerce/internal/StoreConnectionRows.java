package dev.parley.commerce.internal;

import dev.parley.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One store connection per workspace. */
@Repository
class StoreConnectionRows {

    private final JdbcClient jdbc;

    StoreConnectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoreConnection> find(String workspaceId) {
        return jdbc.sql("SELECT * FROM store_connections WHERE workspace_id = ?")
                .param(workspaceId)
                .query(StoreConnectionRows::row)
                .optional();
    }

    /** Whether any workspace connects a store of {@code platform}: the installation's health, no workspace's data. */
    boolean anyOn(String platform) {
        return jdbc.sql("SELECT 1 FROM store_connections WHERE platform = ? FETCH FIRST 1 ROWS ONLY")
                .param(platform)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    Optional<StoreConnection> findByShop(String platform, String shopDomain) {
        return jdbc.sql("SELECT * FROM store_connections WHERE platform = ? AND shop_domain = ?")
                .params(platform, shopDomain)
                .query(StoreConnectionRows::row)
                .optional();
    }

    /** Replaces the workspace's connection. */
    void save(StoreConnection c) {
        jdbc.sql("DELETE FROM store_connections WHERE workspace_id = ?")
                .param(c.workspaceId())
                .update();
        jdbc.sql("""
                        INSERT INTO store_connections (workspace_id, platform, shop_domain, base_url,
                            credentials_encrypted, max_discount_percent, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        c.workspaceId(),
                        c.platform(),
                        c.shopDomain(),
                        c.baseUrl(),
                        c.sealedCredentials(),
                        c.maxDiscountPercent(),
                        Sql.timestamp(c.createdAt()),
                        Sql.timestamp(c.updatedAt()))
                .update();
    }

    boolean delete(String workspaceId) {
        return jdbc.sql("DELETE FROM store_connections WHERE workspace_id = ?")
                        .param(workspaceId)
                        .update()
                > 0;
    }

    /**
     * Claims the Shopify and WooCommerce connections due for an order refresh, moving their turn to {@code next};
     * a connection another node claimed first is left out.
     */
    List<String> claimRefreshes(Instant now, Instant next) {
        List<String> due =
                jdbc.sql("""
                        SELECT workspace_id FROM store_connections
                        WHERE platform IN ('shopify', 'woocommerce') AND (next_refresh_at IS NULL OR next_refresh_at <= ?)""").param(Sql.timestamp(now)).query(String.class).list();
        List<String> claimed = new ArrayList<>();
        for (String workspaceId : due) {
            int updated = jdbc.sql("""
                            UPDATE store_connections SET next_refresh_at = ?
                            WHERE workspace_id = ? AND (next_refresh_at IS NULL OR next_refresh_at <= ?)""")
                    .params(Sql.timestamp(next), workspaceId, Sql.timestamp(now))
                    .update();
            if (updated > 0) {
                claimed.add(workspaceId);
            }
        }
        return claimed;
    }

    private static StoreConnection row(ResultSet rs, int row) throws SQLException {
        return new StoreConnection(
                rs.getString("workspace_id"),
                rs.getString("platform"),
                rs.getString("shop_domain"),
                rs.getString("base_url"),
                rs.getString("credentials_encrypted"),
                rs.getInt("max_discount_percent"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
