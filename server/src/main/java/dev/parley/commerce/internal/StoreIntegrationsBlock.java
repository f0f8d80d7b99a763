package dev.parley.commerce.internal;

import dev.parley.tenancy.StoreIntegrations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Map<String, Object> of(String workspaceId) {
        String platform = stores.get(workspaceId).map(StoreConnection::platform).orElse(null);
        Map<String, Object> integrations = new LinkedHashMap<>();
        boolean shopify = "shopify".equals(platform);
        integrations.put("shopify", Map.of("connected", shopify, "scopes", shopify ? SHOPIFY_SCOPES : List.of()));
        integrations.put("woocommerce", Map.of("connected", "woocommerce".equals(platform)));
        var helpdesk = helpdesks.find(workspaceId);
        Map<String, Object> gorgias = new LinkedHashMap<>();
        gorgias.put("connected", helpdesk.isPresent());
        gorgias.put("mode", helpdesk.map(HelpdeskConnections.Connection::mode).orElse(null));
        integrations.put("gorgias", gorgias);
        return integrations;
    }
}
