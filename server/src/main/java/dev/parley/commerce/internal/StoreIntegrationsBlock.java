package dev.parley.commerce.internal;

import dev.parley.tenancy.StoreIntegrations;
import dev.parley.tenancy.StoreIntegrations.HelpdeskIntegration;
import dev.parley.tenancy.StoreIntegrations.IntegrationsBlock;
import dev.parley.tenancy.StoreIntegrations.ShopifyIntegration;
import dev.parley.tenancy.StoreIntegrations.WooCommerceIntegration;
import java.util.List;
import org.springframework.stereotype.Component;

/** The store resource's {@code integrations}: the store connection and the helpdesk, connected or not. */
@Component
class StoreIntegrationsBlock implements StoreIntegrations {

    /** The Admin API access scopes Parley's Shopify calls need (orders, refunds, returns, discounts, products). */
    static final List<String> SHOPIFY_SCOPES = List.of(
            "read_orders", "write_orders", "read_products", "read_customers", "write_discounts", "write_returns");

    private final StoreConnections stores;
    private final HelpdeskConnections helpdesks;

    StoreIntegrationsBlock(StoreConnections stores, HelpdeskConnections helpdesks) {
        this.stores = stores;
        this.helpdesks = helpdesks;
    }

    @Override
    public IntegrationsBlock of(String workspaceId) {
        String platform = stores.get(workspaceId).map(StoreConnection::platform).orElse(null);
        boolean shopify = "shopify".equals(platform);
        var helpdesk = helpdesks.find(workspaceId);
        return new IntegrationsBlock(
                new ShopifyIntegration(shopify, shopify ? SHOPIFY_SCOPES : List.of()),
                new WooCommerceIntegration("woocommerce".equals(platform)),
                new HelpdeskIntegration(
                        helpdesk.isPresent(),
                        helpdesk.map(HelpdeskConnections.Connection::mode).orElse(null)));
    }
}
