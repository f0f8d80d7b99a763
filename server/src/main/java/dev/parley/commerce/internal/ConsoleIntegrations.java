package dev.parley.commerce.internal;

import dev.parley.commerce.Integrations;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class ConsoleIntegrations implements Integrations {

    private final StoreConnections stores;
    private final HelpdeskConnections helpdesks;

    ConsoleIntegrations(StoreConnections stores, HelpdeskConnections helpdesks) {
        this.stores = stores;
        this.helpdesks = helpdesks;
    }

    @Override
    public StoreLink store(Caller caller) {
        caller.require(Scope.SETTINGS_READ);
        return stores.get(caller.workspaceId())
                .map(ConsoleIntegrations::link)
                .orElse(new StoreLink(false, null, null, null, StoreConnection.DEFAULT_MAX_DISCOUNT_PERCENT, null));
    }

    @Override
    public StoreLink connectStore(
            Caller caller,
            String platform,
            String shopDomain,
            String baseUrl,
            Map<String, String> credentials,
            Integer maxDiscountPercent) {
        caller.require(Scope.SETTINGS_WRITE);
        return link(stores.put(
                caller, new StoreConnections.Draft(platform, shopDomain, baseUrl, credentials, maxDiscountPercent)));
    }

    @Override
    public void disconnectStore(Caller caller) {
        caller.require(Scope.SETTINGS_WRITE);
        stores.delete(caller);
    }

    @Override
    public HelpdeskLink helpdesk(Caller caller) {
        caller.require(Scope.SETTINGS_READ);
        return helpdesks
                .find(caller.workspaceId())
                .map(ConsoleIntegrations::link)
                .orElse(new HelpdeskLink(false, null, null, null, null));
    }

    @Override
    public HelpdeskLink connectHelpdesk(Caller caller, String baseUrl, Map<String, String> credentials) {
        caller.require(Scope.SETTINGS_WRITE);
        return link(helpdesks.put(caller, "gorgias", baseUrl, credentials, null));
    }

    @Override
    public void disconnectHelpdesk(Caller caller) {
        caller.require(Scope.SETTINGS_WRITE);
        helpdesks.delete(caller);
    }

    private static StoreLink link(StoreConnection c) {
        return new StoreLink(true, c.platform(), c.shopDomain(), c.baseUrl(), c.maxDiscountPercent(), c.updatedAt());
    }

    private static HelpdeskLink link(HelpdeskConnections.Connection c) {
        return new HelpdeskLink(true, c.platform(), c.baseUrl(), c.mode(), c.updatedAt());
    }
}
